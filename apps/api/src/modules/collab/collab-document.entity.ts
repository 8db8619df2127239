import type { CollabDocumentKind } from '@marginalia/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity.js';

/** What a collaborative document is for (COLLAB_DOCUMENT_KINDS): the kind decides which role may edit it and how it is checked. */
export type { CollabDocumentKind };

/**
 * A Yjs document's registration: the opaque name the API hands out, mapped to its workspace.
 * The socket layer resolves every join through this table, so a name alone grants nothing.
 */
@Entity({ name: 'collab_documents' })
@Index('collab_documents_one_notebook_per_workspace', ['workspaceId'], { unique: true, where: `kind = 'notebook'` })
export class CollabDocument {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Index('collab_documents_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text' })
  kind: CollabDocumentKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
