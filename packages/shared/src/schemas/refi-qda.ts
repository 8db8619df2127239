/**
 * REFI-QDA imports (issue 17): a .qdpx project into a new workspace, a .qdc codebook into an
 * existing workspace's codebook. Both answer with a report of what was imported and what was
 * not, and why (media sources, whole-source codings, selections outside the text...).
 */
import { z } from 'zod';
import { UuidSchema } from './common.js';

export const REFI_QDA_IMPORT_LIMITS = {
  /** One uploaded .qdpx; media inside it are listed but never unpacked. */
  maxQdpxBytes: 100 * 1024 * 1024,
  /** One uploaded .qdc. */
  maxQdcBytes: 10 * 1024 * 1024,
  /** Skipped items listed one by one in a report; the rest are counted. */
  maxReportedSkips: 500,
} as const;

export const RefiQdaSkippedSchema = z.object({ kind: z.string(), name: z.string(), reason: z.string() });
export type RefiQdaSkipped = z.infer<typeof RefiQdaSkippedSchema>;

export const QdpxImportReportSchema = z.object({
  workspaceId: UuidSchema,
  workspaceName: z.string(),
  origin: z.string(),
  /** `maps`: the project's graphs (networks), as argument maps. */
  imported: z.object({ documents: z.number().int(), tags: z.number().int(), annotations: z.number().int(), threads: z.number().int(), maps: z.number().int() }),
  skipped: z.array(RefiQdaSkippedSchema),
  /** Skipped items beyond those listed. */
  moreSkipped: z.number().int(),
});
export type QdpxImportReport = z.infer<typeof QdpxImportReportSchema>;

export const QdcImportReportSchema = z.object({
  origin: z.string(),
  /** New tags added to the codebook. */
  added: z.number().int(),
  /** Codes whose name (under the same parent) was already a tag: kept as they were. */
  merged: z.number().int(),
  skipped: z.array(RefiQdaSkippedSchema),
  moreSkipped: z.number().int(),
});
export type QdcImportReport = z.infer<typeof QdcImportReportSchema>;
