/**
 * The agreement table: the analysts who coded (consensus annotations aside) compared over every
 * document and tag of the export with the shared `compareCoding`, as the Compare view does.
 */
import { MAX_COMPARED_ANALYSTS, compareCoding, type CodedSpan, type WorkspaceExport } from '@marginalia/shared';
import type { SnapshotIndex } from '../snapshot-index.js';
import { figure, mdCell, mdInline, mdTable, percent } from './markdown-text.js';

export function agreementSection(snapshot: WorkspaceExport, index: SnapshotIndex): string {
  const analysts = [...new Set(snapshot.annotations.filter((a) => a.kind === 'analyst' && a.analystId !== null).map((a) => a.analystId!))].sort(
    (a, b) => index.memberName(a).localeCompare(index.memberName(b)) || a.localeCompare(b),
  );
  const heading = '## Agreement between analysts';
  if (analysts.length < 2) return `${heading}\n\nFewer than two analysts coded this selection: nothing to compare.`;
  if (analysts.length > MAX_COMPARED_ANALYSTS) return `${heading}\n\nMore than ${MAX_COMPARED_ANALYSTS} analysts coded: compare a selection of them in the Compare view.`;
  const analystIndex = new Map(analysts.map((id, i) => [id, i]));
  const documentIndex = new Map(snapshot.documents.map((document, i) => [document.id, i]));
  const tags = index.tagsInOrder.map(({ tag }) => tag);
  const tagIndex = new Map(tags.map((tag, i) => [tag.id, i]));
  const spans: CodedSpan[] = [];
  for (const annotation of snapshot.annotations) {
    const analyst = annotation.kind === 'analyst' && annotation.analystId !== null ? analystIndex.get(annotation.analystId) : undefined;
    const document = documentIndex.get(annotation.documentId);
    if (analyst === undefined || document === undefined) continue;
    for (const tagId of annotation.tagIds) spans.push({ analyst, document, tag: tagIndex.get(tagId) ?? -1, start: annotation.start, end: annotation.end });
    if (annotation.tagIds.length === 0) spans.push({ analyst, document, tag: -1, start: annotation.start, end: annotation.end });
  }
  const result = compareCoding({
    analystCount: analysts.length,
    documents: snapshot.documents.map((document) => ({ length: [...document.text].length, passages: document.passages })),
    tagCount: tags.length,
    spans,
  });
  const kappaName = analysts.length === 2 ? "Cohen's κ" : "Fleiss' κ";
  const kappa = (figures: { cohensKappa: number | null; fleissKappa: number | null }) => figure(analysts.length === 2 ? figures.cohensKappa : figures.fleissKappa);
  const rows = tags.map((tag, i) => {
    const compared = result.tags[i]!;
    return [mdCell(index.tagPath(tag.id)), ...compared.passagesCoded.map(String), percent(compared.passages.percentAgreement), kappa(compared.passages), figure(compared.passages.krippendorffAlpha), figure(compared.characters.kappa)];
  });
  rows.push(['**All tags**', ...analysts.map(() => ''), percent(result.overall.percentAgreement), kappa(result.overall), figure(result.overall.krippendorffAlpha), '']);
  return [
    heading,
    '',
    `${analysts.map((id) => mdInline(index.memberName(id))).join(', ')} over ${snapshot.documents.length} documents and ${result.passages} passages (passages are the units; a tag applies to a passage when a span with it overlaps the passage).`,
    '',
    mdTable(['Tag', ...analysts.map((id) => `${mdCell(index.memberName(id))} (passages)`), 'Agreement', kappaName, "Krippendorff's α", 'Character κ'], rows, ['l', ...analysts.map(() => 'r' as const), 'r', 'r', 'r', 'r']),
  ].join('\n');
}
