/**
 * Stores a job's accepted documents inside its transaction so that a document the database
 * refuses costs only that document: all of them are tried at once under a savepoint (the
 * usual case, few round trips); if that fails, they are stored one by one, each under its own
 * savepoint, and the ones refused are withdrawn from the batch with the database's reason.
 */
import type { QueryRunner } from 'typeorm';
import { insertDocuments, type StoredDocument } from '../documents/document-writer.js';
import type { ImportBatch } from './import-batch.js';

export async function storeAccepted(connection: QueryRunner, batch: ImportBatch): Promise<StoredDocument[]> {
  const accepted = [...batch.documents];
  if (accepted.length === 0) return [];
  const all = await underSavepoint(connection, () => insertDocuments(connection.manager, accepted.map((entry) => entry.document)));
  if (all.ok) {
    accepted.forEach((entry, i) => (entry.row.documentId = all.value[i]!.id));
    return all.value;
  }
  const stored: StoredDocument[] = [];
  for (const entry of accepted) {
    const one = await underSavepoint(connection, () => insertDocuments(connection.manager, [entry.document]));
    if (one.ok) {
      entry.row.documentId = one.value[0]!.id;
      stored.push(one.value[0]!);
    } else {
      batch.withdraw(entry, 'unreadable', `the text could not be stored (${one.message}), so this file was not imported`);
    }
  }
  return stored;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; message: string };

async function underSavepoint<T>(connection: QueryRunner, work: () => Promise<T>): Promise<Attempt<T>> {
  await connection.query('SAVEPOINT store_documents');
  try {
    const value = await work();
    await connection.query('RELEASE SAVEPOINT store_documents');
    return { ok: true, value };
  } catch (error) {
    await connection.query('ROLLBACK TO SAVEPOINT store_documents');
    return { ok: false, message: error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 200) : 'unknown error' };
  }
}
