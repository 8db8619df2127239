/**
 * One export request, however it arrives (a download's query, a background job's parameters):
 * the shared filters (documents, tags, analysts, maps) validated with their schema, and the
 * rest passed to the format as its options.
 */
import { ExportFiltersSchema, type ExportFilters } from '@marginalia/shared';
import { ZodValidationPipe } from '../../common/zod.js';
import type { ExportOptions } from './export-format.js';

const FILTER_NAMES = new Set(['documents', 'tags', 'analysts', 'maps']);
const filtersPipe = new ZodValidationPipe(ExportFiltersSchema, 'export filters');

export interface ExportRequest {
  filters: ExportFilters;
  options: ExportOptions;
}

/** Splits string parameters into filters (validated: 400 naming the bad one) and format options. */
export function parseExportParameters(raw: Record<string, unknown>): ExportRequest {
  const strings = Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
  const filters = filtersPipe.transform(Object.fromEntries(Object.entries(strings).filter(([name]) => FILTER_NAMES.has(name)))) as ExportFilters;
  const options: ExportOptions = Object.fromEntries(Object.entries(strings).filter(([name]) => !FILTER_NAMES.has(name)));
  return { filters, options };
}
