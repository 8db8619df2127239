/**
 * What a REFI-QDA project becomes in a new Marginalia workspace (pure; refi-qda-import.service.ts
 * writes it). Text sources -> documents (text normalised as every document is, selections'
 * positions mapped through that: normalize-with-offsets.ts), their variables -> metadata;
 * codes -> tags (codebook-plan.ts); PlainTextSelections with codes -> annotations by the
 * importing user, the notes a selection refers to -> its memo; a selection with notes and no
 * codes -> a thread on that text; other notes -> threads on the source or code they belong
 * to, or on the workspace; graphs -> argument maps (graph-plan.ts), citing the selections
 * their vertices represent. Everything left out is listed with the reason.
 */
import {
  ANNOTATION_LIMITS,
  DISCUSSION_LIMITS,
  IMPORT_LIMITS,
  METADATA_LIMITS,
  OffsetMap,
  QUOTE_CONTEXT_LENGTH,
  codePointLength,
  type RefiQdaSkipped,
} from '@marginalia/shared';
import { contentHash } from '../../documents/document-writer.js';
import { METADATA_VARIABLES } from '../formats/qdpx/project-qde.js';
import { planCodebook, type PlannedTag } from './codebook-plan.js';
import { planGraphs, type PlannedEvidence, type PlannedMap } from './graph-plan.js';
import type { QdeNote, QdeProject } from './qde-model.js';
import { normalizeWithOffsets } from './normalize-with-offsets.js';

export interface PlannedQuote {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface PlannedAnnotation extends PlannedQuote {
  tagIds: string[];
  memo: string | null;
  kind: 'analyst' | 'consensus';
}

export interface PlannedDocument {
  title: string;
  text: string;
  contentHash: string;
  author: string | null;
  source: string | null;
  url: string | null;
  publishedOn: string | null;
  language: string | null;
  fields: Record<string, string>;
  annotations: PlannedAnnotation[];
  textThreads: (PlannedQuote & { body: string })[];
  threads: string[];
}

export interface ProjectPlan {
  name: string;
  description: string;
  tags: PlannedTag[];
  documents: PlannedDocument[];
  tagThreads: { tagId: string; body: string }[];
  workspaceThreads: string[];
  maps: PlannedMap[];
  skipped: RefiQdaSkipped[];
}

const VARIABLE_KEYS = new Map<string, keyof typeof METADATA_VARIABLES>(Object.entries(METADATA_VARIABLES).map(([key, name]) => [name.toLowerCase(), key as keyof typeof METADATA_VARIABLES]));

function quoteAt(map: OffsetMap, start: number, end: number): PlannedQuote {
  return { start, end, exact: map.slice(start, end), prefix: map.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start), suffix: map.slice(end, Math.min(map.codePointLength, end + QUOTE_CONTEXT_LENGTH)) };
}

function truncate(text: string, max: number): string {
  return codePointLength(text) <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

export function planProject(project: QdeProject, fallbackName: string): ProjectPlan {
  const skipped: RefiQdaSkipped[] = [...project.skipped];
  const codebook = planCodebook(project.codes);
  skipped.push(...codebook.skipped);
  const notes = new Map<string, QdeNote>(project.notes.map((note) => [note.guid, note]));
  const usedNotes = new Set<string>();
  const noteBody = (guid: string, what: string, titled = true): string | null => {
    const note = notes.get(guid);
    if (!note) return null;
    usedNotes.add(guid);
    const text = (note.content ?? '').trim();
    const body = titled && note.name && !text.startsWith(note.name) ? `**${note.name}**\n\n${text}` : text;
    if (!body.trim()) return null;
    if (codePointLength(body) > DISCUSSION_LIMITS.commentChars) skipped.push({ kind: 'note', name: note.name, reason: `longer than ${DISCUSSION_LIMITS.commentChars} characters: shortened (${what})` });
    return truncate(body, DISCUSSION_LIMITS.commentChars);
  };
  const variableNames = new Map(project.variables);
  const fromMarginalia = project.origin.startsWith('Marginalia');
  const documents: PlannedDocument[] = [];
  const byHash = new Map<string, PlannedDocument>();
  const plan: ProjectPlan = { name: project.name.trim() || fallbackName, description: project.description.trim(), tags: codebook.tags, documents, tagThreads: [], workspaceThreads: [], maps: [], skipped };
  /** Selections kept (as annotations or discussions), for the graph vertices that represent them. */
  const evidenceOf = new Map<string, PlannedEvidence>();
  const labels = new Map<string, string>([...project.codes.map((code) => [code.guid, code.name] as const), ...project.notes.map((note) => [note.guid, note.name] as const)]);

  for (const source of project.sources) {
    const title = truncate(source.name.replace(/\s+/g, ' ').trim() || 'Untitled source', METADATA_LIMITS.title);
    const normalized = normalizeWithOffsets(source.content ?? '');
    if (!normalized) {
      skipped.push({ kind: 'text source', name: title, reason: 'its text could not be normalised with its positions kept' });
      continue;
    }
    const length = codePointLength(normalized.text);
    if (length === 0 || length > IMPORT_LIMITS.maxDocumentCharacters) {
      skipped.push({ kind: 'text source', name: title, reason: length === 0 ? 'its text is empty' : `its text is longer than ${IMPORT_LIMITS.maxDocumentCharacters.toLocaleString('en')} characters` });
      continue;
    }
    const hash = contentHash(normalized.text);
    labels.set(source.guid, title);
    let document = byHash.get(hash);
    if (document) skipped.push({ kind: 'text source', name: title, reason: `same text as "${document.title}": its codings were added to that document` });
    else {
      document = { title, text: normalized.text, contentHash: hash, author: null, source: null, url: null, publishedOn: null, language: null, fields: {}, annotations: [], textThreads: [], threads: [] };
      applyVariables(document, source.variables, variableNames);
      documents.push(document);
      byHash.set(hash, document);
    }
    const offsets = new OffsetMap(normalized.text);
    const originalLength = codePointLength(source.content ?? '');
    for (const selection of source.selections) {
      const label = selection.name || `${selection.start}-${selection.end}`;
      if (selection.start < 0 || selection.end > originalLength || selection.start >= selection.end) {
        skipped.push({ kind: 'selection', name: `${title}: ${label}`, reason: `positions ${selection.start}-${selection.end} are outside the text (${originalLength} characters)` });
        continue;
      }
      const start = normalized.map(selection.start);
      const end = normalized.map(selection.end);
      if (end <= start) {
        skipped.push({ kind: 'selection', name: `${title}: ${label}`, reason: 'it covers only characters removed when the text was normalised' });
        continue;
      }
      if (end - start > ANNOTATION_LIMITS.span) {
        skipped.push({ kind: 'selection', name: `${title}: ${label}`, reason: `it covers more than ${ANNOTATION_LIMITS.span} characters` });
        continue;
      }
      const tagIds = [...new Set(selection.codeRefs.map((guid) => codebook.tagOf.get(guid)).filter((id): id is string => id !== undefined))];
      if (tagIds.length < new Set(selection.codeRefs).size) skipped.push({ kind: 'coding', name: `${title}: ${label}`, reason: 'it refers to a code that is not in the codebook' });
      // Marginalia writes a discussion of an annotation as a note named "Thread: ..." on its selection: it stays a discussion.
      const isThread = (guid: string): boolean => fromMarginalia && (notes.get(guid)?.name.startsWith('Thread: ') ?? false);
      const memos = selection.noteRefs.filter((guid) => !isThread(guid)).map((guid) => noteBody(guid, 'memo', false)).filter((body): body is string => body !== null);
      const discussions = selection.noteRefs.filter(isThread).map((guid) => noteBody(guid, 'thread')).filter((body): body is string => body !== null);
      const quote = quoteAt(offsets, start, end);
      const cited = { documentIndex: documents.indexOf(document), start, end, exact: quote.exact };
      labels.set(selection.guid, selection.name || quote.exact);
      for (const body of discussions) document.textThreads.push({ ...quote, body });
      if (tagIds.length === 0) {
        if (memos.length > 0 || discussions.length > 0) evidenceOf.set(selection.guid, { ...cited, annotationIndex: null });
        if (memos.length > 0) document.textThreads.push({ ...quote, body: truncate(memos.join('\n\n'), DISCUSSION_LIMITS.commentChars) });
        else if (discussions.length === 0) skipped.push({ kind: 'selection', name: `${title}: ${label}`, reason: 'it has no codes and no notes' });
        continue;
      }
      const memo = memos.length > 0 ? truncate(memos.join('\n\n'), ANNOTATION_LIMITS.memo) : null;
      evidenceOf.set(selection.guid, { ...cited, annotationIndex: document.annotations.length });
      document.annotations.push({ ...quote, tagIds: tagIds.slice(0, ANNOTATION_LIMITS.tagsPerAnnotation), memo, kind: selection.description.trim() === 'Consensus' ? 'consensus' : 'analyst' });
    }
    for (const guid of source.noteRefs) {
      const body = noteBody(guid, 'on a source');
      if (body) document.threads.push(body);
    }
  }
  for (const code of project.codes) {
    const tagId = codebook.tagOf.get(code.guid);
    for (const guid of code.noteRefs) {
      const body = noteBody(guid, 'on a code');
      if (body && tagId) plan.tagThreads.push({ tagId, body });
    }
  }
  for (const guid of project.projectNoteRefs) {
    const body = noteBody(guid, 'on the project');
    if (body) plan.workspaceThreads.push(body);
  }
  plan.maps = planGraphs(project.graphs, { evidence: (guid) => evidenceOf.get(guid) ?? null, label: (guid) => labels.get(guid) ?? null }, skipped);
  // Notes nothing refers to are still the team's notes: they go to the workspace's discussion.
  for (const note of project.notes) {
    if (usedNotes.has(note.guid)) continue;
    const body = noteBody(note.guid, 'unattached');
    if (body) plan.workspaceThreads.push(body);
  }
  return plan;
}

function applyVariables(document: PlannedDocument, values: readonly [string, string][], names: ReadonlyMap<string, string>): void {
  for (const [guid, raw] of values) {
    const name = (names.get(guid) ?? '').trim();
    const value = raw.trim();
    if (!name || !value) continue;
    const key = VARIABLE_KEYS.get(name.toLowerCase());
    if (key === 'publishedOn' && /^\d{4}-\d\d-\d\d$/.test(value)) document.publishedOn = value;
    else if (key === 'url' && value.length <= METADATA_LIMITS.url) document.url = value;
    else if (key === 'language' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value)) document.language = value;
    else if ((key === 'author' || key === 'source') && value.length <= METADATA_LIMITS.short) document[key] = value;
    else if (Object.keys(document.fields).length < METADATA_LIMITS.fields) document.fields[truncate(name, METADATA_LIMITS.fieldKey)] = truncate(value, METADATA_LIMITS.fieldValue);
  }
}
