import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One saved instance setting (key of INSTANCE_SETTINGS). A row per key rather than one
 * document, so that two admins saving different settings at once cannot undo each other.
 * Absent row: the default applies.
 */
@Entity({ name: 'instance_settings' })
export class InstanceSettingRecord {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
