/**
 * The Markdown report: deterministic (same snapshot, same bytes) and readable on GitHub and in
 * Pandoc. `sections` (comma-separated) picks what to include; all by default.
 */
import type { WorkspaceExport } from '@marginalia/shared';
import { optionList, type ExportFormat, type ExportOptions } from '../export-format.js';
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

export function markdownReport(snapshot: WorkspaceExport, options: ExportOptions): string {
  const chosen = optionList(options, 'sections');
  const wants = (name: string) => !chosen || chosen.has(name);
  const index = indexSnapshot(snapshot);
  const parts: string[] = [];
  if (wants('facts')) parts.push(factsSection(snapshot));
  else parts.push(`# ${snapshot.workspace.name.replace(/[\\`*_[\]<>#]/g, '\\$&')}`);
  if (wants('corpus')) parts.push(corpusSection(snapshot));
  if (wants('codebook')) parts.push(codebookSection(snapshot, index));
  if (wants('passages')) parts.push(passagesSection(snapshot, index));
  if (wants('agreement')) parts.push(agreementSection(snapshot, index));
  const mapParts = { outline: wants('maps'), explanations: wants('explanations'), ach: wants('ach') };
  if (mapParts.outline || mapParts.explanations || mapParts.ach) parts.push(mapsSection(snapshot.maps, index, mapParts));
  if (wants('notebook')) parts.push(notebookSection(snapshot));
  if (wants('threads')) parts.push(threadsSection(snapshot, index));
  return `${parts.join('\n\n')}\n`;
}

export const markdownReportExportFormat: ExportFormat = {
  id: 'markdown',
  label: 'Report (Markdown)',
  description: 'A readable report for GitHub or Pandoc: corpus, codebook, quoted passages, agreement, maps, notebook, discussion.',
  mediaType: 'text/markdown; charset=utf-8',
  extension: 'md',
  options: [{ name: 'sections', label: 'Sections', kind: 'choices', choices: REPORT_SECTIONS }],
  serialize: (snapshot, options) => markdownReport(snapshot, options),
};
