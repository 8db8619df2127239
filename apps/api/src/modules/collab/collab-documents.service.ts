/**
 * Hands out the opaque names of collaborative documents. A name is random, registered with
 * its workspace before anyone can join it, and never reused.
 */
import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class CollabDocuments {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The workspace's notebook, registered on first use (safe under concurrent first uses). */
  async notebookOf(workspaceId: string): Promise<string> {
    const name = `notebook-${randomBytes(12).toString('base64url')}`;
    await this.dataSource.query(
      `INSERT INTO collab_documents (name, workspace_id, kind) VALUES ($1, $2, 'notebook')
       ON CONFLICT (workspace_id) WHERE kind = 'notebook' DO NOTHING`,
      [name, workspaceId],
    );
    const rows = (await this.dataSource.query(`SELECT name FROM collab_documents WHERE workspace_id = $1 AND kind = 'notebook'`, [workspaceId])) as { name: string }[];
    return rows[0]!.name;
  }
}
