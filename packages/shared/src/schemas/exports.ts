/**
 * Export requests and the format listing: the filters every format shares (documents, tags,
 * analysts, maps; comma-separated ids, all when absent) and how the API describes a format to
 * the Exports page. Format-specific options (e.g. `sections`, `bom`) pass through as strings.
 */
import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

const idList = (max: number) =>
  z
    .string()
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(UuidSchema).max(max, `at most ${max} ids`))
    // `documents=` with nothing after it means no filter, like leaving it out.
    .transform((ids) => (ids.length > 0 ? ids : undefined));

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

/**
 * When an export runs in the background, and what a member may keep running. An export whose
 * selection (the `documents` filter, or the whole workspace) holds more annotations or more
 * text than this is refused as a direct download and runs as a job instead; smaller ones may
 * run as a job too, if the member chooses.
 */
export const EXPORT_LIMITS = {
  backgroundAboveAnnotations: 5_000,
  /** Document text, in code points. */
  backgroundAboveCharacters: 5_000_000,
  /** Queued or running background exports one member may have in one workspace. */
  maxUnfinishedJobsPerMember: 3,
  /** The job list shows this many, newest first. */
  listedJobs: 20,
  /** Parameters of one job (filters and the format's options), and the longest value. */
  maxParameters: 30,
  maxParameterLength: 400_000,
} as const;

/** The query parameters of a direct download (filters and the format's options), as strings. */
export const ExportParametersSchema = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'parameter names are letters, digits and _'), z.string().max(EXPORT_LIMITS.maxParameterLength))
  .refine((parameters) => Object.keys(parameters).length <= EXPORT_LIMITS.maxParameters, `at most ${EXPORT_LIMITS.maxParameters} parameters`);

export const CreateExportJobBodySchema = z.strictObject({
  /** A registered format's id (GET /api/export-formats). */
  format: z.string().min(1).max(40),
  /** The same parameters as GET /api/workspaces/:id/exports/:format takes in its query. */
  parameters: ExportParametersSchema.default({}),
});
export type CreateExportJobBody = z.input<typeof CreateExportJobBodySchema>;

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

export const ExportJobSchema = z.object({
  id: UuidSchema,
  format: z.string(),
  parameters: z.record(z.string(), z.string()),
  status: z.enum(EXPORT_JOB_STATUSES),
  /** Progress while running: bytes of the file written so far. */
  writtenBytes: z.number().int(),
  /** Once succeeded: the file's size and the name it downloads as. */
  byteSize: z.number().int().nullable(),
  fileName: z.string().nullable(),
  /** Why a failed job failed. */
  error: z.string().nullable(),
  createdBy: z.object({ id: UuidSchema, displayName: z.string() }).nullable(),
  createdAt: IsoDateSchema,
  startedAt: IsoDateSchema.nullable(),
  finishedAt: IsoDateSchema.nullable(),
  /** When the file (and the job) is deleted; set when the job ends. */
  expiresAt: IsoDateSchema.nullable(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;

export const ExportJobListSchema = z.object({ jobs: z.array(ExportJobSchema) });

/** How big an export's selection is, and whether it must run in the background. */
export const ExportSizeSchema = z.object({
  annotations: z.number().int(),
  characters: z.number().int(),
  background: z.boolean(),
});
export type ExportSize = z.infer<typeof ExportSizeSchema>;
