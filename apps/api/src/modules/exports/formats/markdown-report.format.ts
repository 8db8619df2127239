/**
 * The Markdown report: deterministic (same snapshot, same bytes) and readable on GitHub and in
 * Pandoc. `sections` (comma-separated) picks what to include; all by default. Streamed: the
 * report is made of pieces that each end between Markdown blocks (a section, or one tag's
 * quoted passages), so the HTML report can render it piece by piece too.
 */
import type { WorkspaceExport } from '@marginalia/shared';
import { optionList, type ExportFormat, type ExportOptions } from '../export-format.js';
import { inChunks } from './chunks.js';
import { agreementSection } from './report/agreement-section.js';
import { codebookSection, corpusSection, factsSection, passagesSection } from './report/corpus-sections.js';
import { notebookSection, threadsSection } from './report/discussion-sections.js';
import { mapsSection } from './report/map-sections.js';
import { indexSnapshot } from './snapshot-index.js';

export const REPORT_SECTIONS = [
  { value: 'facts', label: 'Title page facts' },
  { value: 'corpus', label: 'Corpus table' },
  { value: 'codebook', label: 'Codebook with definitions and counts' },
  { value: 'passages', label: 'Quoted passages per tag' },
  { value: 'agreement', label: 'Agreement table' },
  { value: 'maps', label: 'Argument maps (outline and flowchart)' },
  { value: 'explanations', label: 'Explanations side by side' },
  { value: 'ach', label: 'ACH matrices' },
  { value: 'notebook', label: 'Notebook' },
  { value: 'threads', label: 'Open and resolved threads' },
] as const;

/** The report as pieces, each ending between blocks; their concatenation is the report. */
export function* markdownReportBlocks(snapshot: WorkspaceExport, options: ExportOptions): Generator<string> {
  const chosen = optionList(options, 'sections');
  const wants = (name: string) => !chosen || chosen.has(name);
  const index = indexSnapshot(snapshot);
  const sections: (() => string | Iterable<string>)[] = [];
  sections.push(() => (wants('facts') ? factsSection(snapshot) : `# ${snapshot.workspace.name.replace(/[\\`*_[\]<>#]/g, '\\$&')}`));
  if (wants('corpus')) sections.push(() => corpusSection(snapshot));
  if (wants('codebook')) sections.push(() => codebookSection(snapshot, index));
  if (wants('passages')) sections.push(() => passagesSection(snapshot, index));
  if (wants('agreement')) sections.push(() => agreementSection(snapshot, index));
  const mapParts = { outline: wants('maps'), explanations: wants('explanations'), ach: wants('ach') };
  if (mapParts.outline || mapParts.explanations || mapParts.ach) sections.push(() => mapsSection(snapshot.maps, index, mapParts));
  if (wants('notebook')) sections.push(() => notebookSection(snapshot));
  if (wants('threads')) sections.push(() => threadsSection(snapshot, index));
  for (const [i, section] of sections.entries()) {
    if (i > 0) yield '\n\n';
    const written = section();
    if (typeof written === 'string') yield written;
    else yield* written;
  }
  yield '\n';
}

export function markdownReport(snapshot: WorkspaceExport, options: ExportOptions): string {
  return [...markdownReportBlocks(snapshot, options)].join('');
}

export const markdownReportExportFormat: ExportFormat = {
  id: 'markdown',
  label: 'Report (Markdown)',
  description: 'A readable report for GitHub or Pandoc: corpus, codebook, quoted passages, agreement, maps, notebook, discussion.',
  mediaType: 'text/markdown; charset=utf-8',
  extension: 'md',
  options: [{ name: 'sections', label: 'Sections', kind: 'choices', choices: REPORT_SECTIONS }],
  serialize: (snapshot, options) => inChunks(markdownReportBlocks(snapshot, options)),
};
