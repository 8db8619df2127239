/**
 * What the browser can tell before uploading: type by extension, and the size limits. The
 * server decides in the end (it opens ZIPs and counts characters); this only saves a wasted
 * upload and explains the limits up front.
 */
import { IMPORT_LIMITS } from '@marginalia/shared';
import { formatBytes, formatNumber } from '../../lib/format';

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx', '.zip'] as const;

export const LIMITS_SUMMARY = [
  `Plain text, Markdown, HTML, PDF and Word (.docx) files, or ZIP archives of them.`,
  `Up to ${formatBytes(IMPORT_LIMITS.maxFileBytes)} per file, ${formatBytes(IMPORT_LIMITS.maxBatchBytes)} and ${formatNumber(IMPORT_LIMITS.maxFilesPerBatch)} files per import (files inside a ZIP count).`,
  `Up to ${formatNumber(IMPORT_LIMITS.maxDocumentCharacters)} characters per document.`,
] as const;

export function fileProblem(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension))) return 'This type of file cannot be imported.';
  if (file.size === 0) return 'The file is empty.';
  if (file.size > IMPORT_LIMITS.maxFileBytes) return `Larger than ${formatBytes(IMPORT_LIMITS.maxFileBytes)}.`;
  return null;
}

export function batchProblem(files: readonly File[]): string | null {
  if (files.length > IMPORT_LIMITS.maxFilesPerBatch) return `Choose at most ${formatNumber(IMPORT_LIMITS.maxFilesPerBatch)} files per import.`;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > IMPORT_LIMITS.maxBatchBytes) return `These files add up to ${formatBytes(total)}; one import takes at most ${formatBytes(IMPORT_LIMITS.maxBatchBytes)}.`;
  return null;
}

/** Same name and size: most likely the same file dropped twice. */
export function mergeFiles(current: readonly File[], added: readonly File[]): File[] {
  const key = (file: File) => `${file.name}:${String(file.size)}`;
  const seen = new Set(current.map(key));
  return [...current, ...added.filter((file) => !seen.has(key(file)))];
}
