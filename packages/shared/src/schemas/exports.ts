/**
 * Export requests and the format listing: the filters every format shares (documents, tags,
 * analysts, maps; comma-separated ids, all when absent) and how the API describes a format to
 * the Exports page. Format-specific options (e.g. `sections`, `bom`) pass through as strings.
 */
import { z } from 'zod';
import { UuidSchema } from './common.js';

const idList = (max: number) =>
  z
    .string()
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(UuidSchema).max(max, `at most ${max} ids`));

export const ExportFiltersSchema = z.object({
  documents: idList(10_000).optional(),
  tags: idList(5_000).optional(),
  analysts: idList(1_000).optional(),
  maps: idList(1_000).optional(),
});
export type ExportFilters = z.output<typeof ExportFiltersSchema>;

export const ExportOptionSpecSchema = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum(['boolean', 'choices']),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});

export const ExportFormatInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  mediaType: z.string(),
  extension: z.string(),
  options: z.array(ExportOptionSpecSchema),
});
export type ExportFormatInfo = z.infer<typeof ExportFormatInfoSchema>;

export const ExportFormatListSchema = z.object({ formats: z.array(ExportFormatInfoSchema) });
export type ExportFormatList = z.infer<typeof ExportFormatListSchema>;

/** The largest JSON export POST /api/workspaces/import accepts (body, uncompressed). */
export const WORKSPACE_IMPORT_MAX_BYTES = 64 * 1024 * 1024;
