import { describe, expect, it } from '@jest/globals';
import { EXPORT_FORMAT_VERSION, type WorkspaceExport } from '@marginalia/shared';
import { applyFilters, applyVisibility } from './snapshot-filters.js';

const T = '2026-01-01T00:00:00.000Z';
const doc = (id: string) => ({ id, title: id, source: null, author: null, publishedOn: null, url: null, language: null, fields: {}, sourceFilename: null, createdAt: T, text: 'abcdef', passages: [] });
const tag = (id: string, parentId: string | null) => ({ id, parentId, position: 0, name: id, color: '#000', definition: '', inclusion: '', exclusion: '', examples: [] });
const annotation = (id: string, documentId: string, analystId: string, tagIds: string[]) => ({ id, documentId, start: 0, end: 2, exact: 'ab', prefix: '', suffix: 'cd', tagIds, memo: null, kind: 'analyst' as const, analystId, createdAt: T, updatedAt: T });
const anchor = { kind: 'annotation' as const, documentId: 'd1', start: null, end: null, quote: null, annotationId: 'a2', tagId: null, mapId: null, elementId: null, evidenceId: null, label: 'x' };

const snapshot: WorkspaceExport = {
  formatVersion: EXPORT_FORMAT_VERSION,
  generator: 'test',
  exportedAt: T,
  workspace: { id: 'w', name: 'W', description: '', createdAt: T },
  members: [],
  documents: [doc('d1'), doc('d2')],
  actors: [],
  attributions: [{ id: 'at', actorId: 'x', documentId: 'd2', start: 0, end: 1 }],
  codebook: { tags: [tag('root', null), tag('child', 'root'), tag('other', null)] },
  annotations: [annotation('a1', 'd1', 'u1', ['child', 'other']), annotation('a2', 'd1', 'u2', ['other']), annotation('a3', 'd2', 'u1', ['child'])],
  maps: [
    {
      id: 'm', title: 'M', archived: false, createdBy: 'u1', createdAt: T, nodes: [], edges: [],
      ratings: [{ hypothesisId: 'h', evidenceId: 'e', userId: 'u1', rating: 'C' }, { hypothesisId: 'h', evidenceId: 'e', userId: 'u2', rating: 'I' }],
      weights: [], settings: { blindRatings: true, ratingsRevealed: false },
    },
  ],
  threads: [{ id: 't', anchor, orphaned: false, createdBy: 'u2', createdAt: T, resolvedAt: null, resolvedBy: null, comments: [] }],
  notebook: { markdown: '' },
};

describe('applyVisibility', () => {
  it('under blind coding leaves a non-admin their own annotations and ratings, and drops threads on the others', () => {
    const seen = applyVisibility(snapshot, { userId: 'u1', seesEveryone: false, othersHidden: true });
    expect(seen.annotations.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(seen.maps[0]!.ratings.map((r) => r.userId)).toEqual(['u1']);
    expect(seen.threads).toEqual([]);
  });

  it('leaves everything to an admin, and to everyone when nothing is hidden (blind map ratings aside)', () => {
    expect(applyVisibility(snapshot, { userId: 'u1', seesEveryone: true, othersHidden: true })).toBe(snapshot);
    const open = applyVisibility(snapshot, { userId: 'u1', seesEveryone: false, othersHidden: false });
    expect(open.annotations).toHaveLength(3);
    expect(open.maps[0]!.ratings).toHaveLength(1);
  });
});

describe('applyFilters', () => {
  it('narrows by document, tag (keeping ancestors for paths) and analyst together', () => {
    const narrowed = applyFilters(snapshot, { documents: ['d1'], tags: ['child'], analysts: ['u1'] });
    expect(narrowed.documents.map((d) => d.id)).toEqual(['d1']);
    expect(narrowed.attributions).toEqual([]);
    expect(narrowed.annotations.map((a) => [a.id, a.tagIds])).toEqual([['a1', ['child']]]);
    expect(narrowed.codebook.tags.map((t) => t.id)).toEqual(['root', 'child']);
    expect(narrowed.threads).toEqual([]);
  });

  it('changes nothing without filters, and drops unchosen maps', () => {
    expect(applyFilters(snapshot, {}).annotations).toHaveLength(3);
    expect(applyFilters(snapshot, { maps: [] }).maps).toEqual([]);
  });
});
