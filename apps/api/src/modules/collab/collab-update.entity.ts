import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CollabDocument } from './collab-document.entity.js';

/**
 * One Yjs update (v1 encoding), appended before the client is told it is saved. Compaction
 * folds rows into the document's snapshot and deletes exactly the rows it folded.
 */
@Entity({ name: 'collab_updates' })
@Index('collab_updates_document_id_idx', ['documentName', 'id'])
export class CollabUpdate {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'document_name', type: 'text' })
  documentName: string;

  @ManyToOne(() => CollabDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_name' })
  document?: Relation<CollabDocument>;

  @Column({ type: 'bytea' })
  update: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
