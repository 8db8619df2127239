/**
 * The registry of export formats: one import line per format. The exports core (controller,
 * listing, benchmark, tests) iterates this list and knows no format by name.
 */
import type { ExportFormat } from './export-format.js';
import { aifExportFormat } from './formats/aif.format.js';
import { csvExportFormat } from './formats/csv.format.js';
import { htmlReportExportFormat } from './formats/html-report.format.js';
import { jsonExportFormat } from './formats/json.format.js';
import { markdownReportExportFormat } from './formats/markdown-report.format.js';
import { qdcExportFormat } from './formats/qdpx/qdc.format.js';
import { qdpxExportFormat } from './formats/qdpx/qdpx.format.js';
import { webAnnotationExportFormat } from './formats/web-annotation.format.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  jsonExportFormat,
  markdownReportExportFormat,
  htmlReportExportFormat,
  csvExportFormat,
  webAnnotationExportFormat,
  qdpxExportFormat,
  qdcExportFormat,
  aifExportFormat,
];

export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}
