import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CommentRecord } from './comment.entity.js';

/** A body a comment had before an edit or its deletion, with when it was written. */
@Entity({ name: 'comment_revisions' })
export class CommentRevision {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @ManyToOne(() => CommentRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: Relation<CommentRecord>;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'written_at', type: 'timestamptz' })
  writtenAt: Date;
}
