import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { InstanceAuditAction } from '@marginalia/shared';
import { User } from '../auth/user.entity.js';

/**
 * One event of the instance audit log. The subject is kept as text (type, id, label at the
 * time) without a foreign key: the log must still say which workspace was deleted, and by whom.
 */
@Entity({ name: 'instance_audit_entries' })
@Index('instance_audit_entries_created_idx', ['createdAt'])
@Index('instance_audit_entries_action_created_idx', ['action', 'createdAt'])
export class InstanceAuditEntryRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('instance_audit_entries_actor_id_idx')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User> | null;

  @Column({ type: 'text' })
  action: InstanceAuditAction;

  @Column({ name: 'subject_type', type: 'text', nullable: true })
  subjectType: string | null;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId: string | null;

  @Column({ name: 'subject_label', type: 'text', nullable: true })
  subjectLabel: string | null;

  // No ::jsonb cast in the default: see AuditEntry.details.
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
