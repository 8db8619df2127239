/**
 * The bookkeeping of one import job, without I/O: one result row per file (a ZIP's row is
 * replaced by its files' rows when it is opened), the batch limits (files, characters), and
 * duplicates within the batch. The job runner feeds it files; the client polls its rows.
 */
import { IMPORT_LIMITS, type ImportFileResult, type ImportFormat, type ImportRejectionReason } from '@marginalia/shared';
import type { PreparedDocument } from '../documents/document-writer.js';

export interface BatchLimits {
  maxFiles: number;
  maxDocumentCharacters: number;
  maxBatchCharacters: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxFiles: IMPORT_LIMITS.maxFilesPerBatch,
  maxDocumentCharacters: IMPORT_LIMITS.maxDocumentCharacters,
  maxBatchCharacters: IMPORT_LIMITS.maxBatchCharacters,
};

export interface AcceptedDocument {
  row: ImportFileResult;
  document: PreparedDocument;
}

export function pendingRow(name: string): ImportFileResult {
  return { name, status: 'pending', format: null, reason: null, message: null, documentId: null, title: null };
}

const count = (n: number, noun: string): string => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

export class ImportBatch {
  readonly rows: ImportFileResult[];
  private readonly accepted: AcceptedDocument[] = [];
  private readonly firstWithHash = new Map<string, string>();
  private characters = 0;

  constructor(
    uploadNames: string[],
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {
    this.rows = uploadNames.map(pendingRow);
  }

  get processed(): number {
    return this.rows.filter((row) => row.status !== 'pending').length;
  }

  get documents(): readonly AcceptedDocument[] {
    return this.accepted;
  }

  /** How many more files an archive may add, given the rows there are (its own row included). */
  roomForArchive(): number {
    return Math.max(0, this.limits.maxFiles - this.rows.length + 1);
  }

  /**
   * Replaces an archive's row with one pending row per file it holds, plus a rejected row for
   * the files over the batch's file limit, if any. Returns the pending rows in order.
   */
  openArchive(archiveRow: ImportFileResult, entryPaths: string[], omitted: number): ImportFileResult[] {
    // eslint-disable-next-line no-control-regex -- a name is a label; a NUL in it could not even be saved
    const rows = entryPaths.map((path) => pendingRow(`${archiveRow.name}/${path.replace(/[\u0000-\u001F\u007F]/g, '')}`));
    const replacement = [...rows];
    if (omitted > 0) {
      const overflow = pendingRow(archiveRow.name);
      this.reject(
        overflow,
        'too_many_files',
        `${count(omitted, 'more file')} in this archive ${omitted === 1 ? 'was' : 'were'} not imported: a batch holds at most ${count(this.limits.maxFiles, 'file')}, ZIP contents included`,
      );
      replacement.push(overflow);
    }
    if (replacement.length === 0) this.reject(archiveRow, 'empty', 'the archive holds no files');
    else this.rows.splice(this.rows.indexOf(archiveRow), 1, ...replacement);
    return rows;
  }

  reject(row: ImportFileResult, reason: ImportRejectionReason, detail: string, format: ImportFormat | null = row.format): void {
    Object.assign(row, { status: 'rejected', reason, format, message: `${row.name}: ${detail}`, documentId: null });
  }

  /**
   * Takes a prepared document unless it is empty, too large, over the batch's character
   * budget, or the same text as another file of the batch or an existing document
   * (`existingTitle`). Returns whether it was accepted.
   */
  admit(row: ImportFileResult, format: ImportFormat, document: PreparedDocument, existingTitle: string | null, emptyDetail = 'the file contains no text'): boolean {
    row.format = format;
    const { maxDocumentCharacters, maxBatchCharacters } = this.limits;
    if (document.characterCount === 0) return this.rejected(row, 'empty', emptyDetail);
    if (document.characterCount > maxDocumentCharacters) {
      return this.rejected(row, 'too_large', `the text has ${count(document.characterCount, 'character')}; one document may have at most ${maxDocumentCharacters.toLocaleString('en')}`);
    }
    if (existingTitle !== null) return this.rejected(row, 'duplicate', `the same text is already in this workspace as “${existingTitle}”`);
    const earlier = this.firstWithHash.get(document.contentHash);
    if (earlier !== undefined) return this.rejected(row, 'duplicate', `the same text as ${earlier}, earlier in this batch`);
    if (this.characters + document.characterCount > maxBatchCharacters) {
      return this.rejected(row, 'limit_exceeded', `the batch would exceed ${maxBatchCharacters.toLocaleString('en')} characters of text in all; import this file in another batch`);
    }
    this.characters += document.characterCount;
    this.firstWithHash.set(document.contentHash, row.name);
    this.accepted.push({ row, document });
    Object.assign(row, { status: 'accepted', title: document.title, reason: null, message: null });
    return true;
  }

  /**
   * At commit time, a document that is not stored after all: another job stored the same text
   * meanwhile (a duplicate), or the database refused it.
   */
  withdraw(accepted: AcceptedDocument, reason: ImportRejectionReason, detail: string): void {
    this.accepted.splice(this.accepted.indexOf(accepted), 1);
    this.characters -= accepted.document.characterCount;
    this.reject(accepted.row, reason, detail);
    accepted.row.title = null;
  }

  private rejected(row: ImportFileResult, reason: ImportRejectionReason, detail: string): false {
    this.reject(row, reason, detail);
    return false;
  }
}
