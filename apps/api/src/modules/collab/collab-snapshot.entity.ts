import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { CollabDocument } from './collab-document.entity.js';

/** A document's merged state up to its last compaction; later updates live in collab_updates. */
@Entity({ name: 'collab_snapshots' })
export class CollabSnapshot {
  @PrimaryColumn({ name: 'document_name', type: 'text' })
  documentName: string;

  @OneToOne(() => CollabDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_name' })
  document?: Relation<CollabDocument>;

  @Column({ type: 'bytea' })
  state: Buffer;

  /** How many updates have been folded into this snapshot over its life (for diagnostics). */
  @Column({ name: 'folded_updates', type: 'bigint', default: 0 })
  foldedUpdates: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
