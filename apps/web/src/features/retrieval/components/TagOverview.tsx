/** Tag frequencies per document and per analyst, and which tags occur in the same passages. */
import type { Tag } from '@marginalia/shared';
import { useMemo } from 'react';
import { ErrorState, LoadingState, Section } from '../../../ui';
import { useTagCoOccurrence, useTagFrequencies } from '../../annotations';
import { TagLabel } from '../../codebook';
import { useDocuments } from '../../documents';
import { HeatTable, type Axis } from './HeatTable';
import { TagBars } from './TagBars';

const key = (a: string, b: string) => `${a}|${b}`;

export function TagOverview({ workspaceId, tags }: { workspaceId: string; tags: Tag[] }) {
  const frequencies = useTagFrequencies(workspaceId);
  const coOccurrence = useTagCoOccurrence(workspaceId);
  const documents = useDocuments(workspaceId);

  const tables = useMemo(() => {
    if (!frequencies.data || !coOccurrence.data) return null;
    const cells = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const row of frequencies.data.byDocument) {
      cells.set(key(row.tagId, row.documentId), row.annotations);
      totals.set(row.tagId, (totals.get(row.tagId) ?? 0) + row.annotations);
    }
    for (const row of frequencies.data.byAnalyst) cells.set(key(row.tagId, row.analystId ?? 'gone'), row.annotations);
    for (const row of coOccurrence.data.tags) cells.set(key(row.tagId, row.tagId), row.passages);
    for (const pair of coOccurrence.data.pairs) {
      cells.set(key(pair.tagIdA, pair.tagIdB), pair.passages);
      cells.set(key(pair.tagIdB, pair.tagIdA), pair.passages);
    }
    const used = new Set(totals.keys());
    const tagAxis: Axis[] = tags.filter((tag) => used.has(tag.id)).map((tag) => ({ id: tag.id, label: <TagLabel name={tag.name} color={tag.color} />, text: tag.name }));
    const documentAxis: Axis[] = (documents.data ?? []).map((d) => ({ id: d.id, label: d.title, text: d.title }));
    const analystAxis: Axis[] = frequencies.data.analysts.map((a) => ({ id: a.id, label: a.displayName, text: a.displayName }));
    return { cells, totals, tagAxis, documentAxis, analystAxis };
  }, [frequencies.data, coOccurrence.data, documents.data, tags]);

  if (frequencies.isPending || coOccurrence.isPending) return <LoadingState label="Counting…" />;
  const error = frequencies.error ?? coOccurrence.error;
  if (error || !tables) return <ErrorState title="The statistics could not be loaded" error={error} />;
  const cell = (a: string, b: string) => tables.cells.get(key(a, b)) ?? 0;

  return (
    <div className="tag-overview">
      <Section title="How often each tag was applied">
        <TagBars title="Annotations per tag, all analysts and documents" tags={tags} counts={tables.totals} />
      </Section>
      <Section title="Per document">
        <HeatTable caption="Annotations per tag and document" corner="Tag" rows={tables.tagAxis} columns={tables.documentAxis} value={cell} />
      </Section>
      <Section title="Per analyst">
        <HeatTable caption="Annotations per tag and analyst" corner="Tag" rows={tables.tagAxis} columns={tables.analystAxis} value={cell} />
      </Section>
      <Section title="Co-occurrence" description={<p>Passages where both tags occur; the diagonal counts passages with the tag.</p>}>
        <HeatTable caption="Passages coded with both tags" corner="Tag" rows={tables.tagAxis} columns={tables.tagAxis} value={cell} />
      </Section>
    </div>
  );
}
