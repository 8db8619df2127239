/**
 * The only place that knows how Yjs documents are stored: load = latest snapshot + the
 * updates appended after it; append = group-committed INSERT, resolved after COMMIT;
 * compaction folds stored rows into the snapshot and deletes exactly the rows it folded, so
 * an update appended meanwhile (even one with a lower id that committed late) survives.
 */
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupCommit } from './group-commit.js';

interface Append {
  doc: string;
  update: Uint8Array;
  /** Asked just before the write: true drops the append (rejected with Withdrawn). */
  withdrawn?: () => boolean;
}

export interface StoredDocument {
  /** Snapshot first (if any), then later updates in insertion order. */
  updates: Uint8Array[];
  /** Rows in collab_updates, i.e. not yet folded into the snapshot. */
  unfolded: number;
  /** Bytes of the snapshot and the rows together. */
  bytes: number;
}

@Injectable()
export class CollabPersistence implements BeforeApplicationShutdown {
  private readonly logger = new Logger('CollabPersistence');
  private readonly appends = new GroupCommit<Append>(
    (batch) => this.insert(batch),
    2000,
    (append) => append.withdrawn?.() ?? false,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(doc: string): Promise<StoredDocument> {
    // Rows first, then the snapshot, one after the other: a compaction committing in between
    // moves rows into the snapshot we read next (applied twice, harmless). The other way
    // round, or in parallel, it could delete rows we had not read yet from an older snapshot.
    const rows = (await this.dataSource.query(`SELECT "update" FROM collab_updates WHERE document_name = $1 ORDER BY id`, [doc])) as { update: Buffer }[];
    const snapshots = (await this.dataSource.query(`SELECT state FROM collab_snapshots WHERE document_name = $1`, [doc])) as { state: Buffer }[];
    const updates = [...snapshots.map((row) => new Uint8Array(row.state)), ...rows.map((row) => new Uint8Array(row.update))];
    return { updates, unfolded: rows.length, bytes: updates.reduce((sum, update) => sum + update.byteLength, 0) };
  }

  /**
   * Resolves once the update is committed; concurrent appends share one transaction. If
   * `withdrawn()` is true when its turn comes, it is not written and rejects with Withdrawn.
   */
  append(doc: string, update: Uint8Array, withdrawn?: () => boolean): Promise<void> {
    return this.appends.add({ doc, update, withdrawn });
  }

  /** Bytes the document takes in storage now (snapshot + updates). */
  async storedBytes(doc: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT coalesce(sum(octet_length(state)), 0) FROM collab_snapshots WHERE document_name = $1)
            + (SELECT coalesce(sum(octet_length("update")), 0) FROM collab_updates WHERE document_name = $1) AS bytes`,
      [doc],
    )) as [{ bytes: string }];
    return Number(row.bytes);
  }

  /** Resolves once every append made before this call has committed or failed. */
  drained(): Promise<void> {
    return this.appends.drained();
  }

  /**
   * Folds the stored updates of `doc` into its snapshot, merging with `merge` (run off the
   * main thread by the caller). Runs under a per-document advisory lock so two nodes never
   * compact the same document at once. Returns the number of rows folded.
   */
  async compact(doc: string, merge: (updates: Uint8Array[]) => Promise<Uint8Array>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('collab:' || $1, 0)) AS locked`, [doc])) as [{ locked: boolean }];
      if (!locked) return 0;
      const snapshots = (await manager.query(`SELECT state FROM collab_snapshots WHERE document_name = $1`, [doc])) as { state: Buffer }[];
      const rows = (await manager.query(`SELECT id, "update" FROM collab_updates WHERE document_name = $1 ORDER BY id`, [doc])) as { id: string; update: Buffer }[];
      if (rows.length === 0) return 0;
      const state = await merge([...snapshots.map((row) => new Uint8Array(row.state)), ...rows.map((row) => new Uint8Array(row.update))]);
      await manager.query(
        `INSERT INTO collab_snapshots (document_name, state, folded_updates) VALUES ($1, $2, $3)
         ON CONFLICT (document_name) DO UPDATE SET state = EXCLUDED.state, folded_updates = collab_snapshots.folded_updates + EXCLUDED.folded_updates, updated_at = now()`,
        [doc, Buffer.from(state), rows.length],
      );
      await manager.query(`DELETE FROM collab_updates WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drained().catch((error: unknown) => this.logger.error(`pending updates failed to commit at shutdown: ${String(error)}`));
  }

  private async insert(batch: Append[]): Promise<void> {
    await this.dataSource.query(`INSERT INTO collab_updates (document_name, "update") SELECT * FROM unnest($1::text[], $2::bytea[])`, [
      batch.map((append) => append.doc),
      batch.map((append) => Buffer.from(append.update.buffer, append.update.byteOffset, append.update.byteLength)),
    ]);
  }
}
