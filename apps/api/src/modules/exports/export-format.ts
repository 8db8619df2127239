/**
 * The extension point every export format plugs into: one pure serializer from a workspace
 * snapshot (already filtered by the exports service: blind coding, documents, tags, analysts,
 * maps) to bytes. The controller, the listing and the UI know formats only through this
 * shape, never by name; a new format is one file plus one line in export-formats.ts.
 */
import type { WorkspaceExport } from '@marginalia/shared';

/** Raw query options (`?sections=a,b&bom=1`) minus the filters; each format parses its own. */
export type ExportOptions = Readonly<Record<string, string | undefined>>;

/** Small outputs as one string or buffer; big ones as chunks so they are streamed, not built whole. */
export type ExportOutput = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Declared so the Exports page can offer the option without knowing the format. */
export interface ExportOptionSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: 'boolean' | 'choices';
  /** For 'choices': the allowed values, comma-separated in the query; all when absent. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
}

export interface ExportFormat {
  /** URL segment: GET /api/workspaces/:id/exports/:id. Lowercase, no spaces. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly mediaType: string;
  /** File name extension without the dot. */
  readonly extension: string;
  readonly options?: readonly ExportOptionSpec[];
  serialize(snapshot: WorkspaceExport, options: ExportOptions): ExportOutput | Promise<ExportOutput>;
}

/** Parses a comma-separated option into a set; undefined when the option is absent (meaning "all"). */
export function optionList(options: ExportOptions, name: string): ReadonlySet<string> | undefined {
  const raw = options[name];
  if (raw === undefined || raw === '') return undefined;
  return new Set(raw.split(',').map((part) => part.trim()).filter(Boolean));
}

export function optionFlag(options: ExportOptions, name: string): boolean {
  const raw = options[name];
  return raw === '1' || raw === 'true' || raw === 'yes';
}
