import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity.js';

/** How a workspace codes; a workspace without a row has the defaults (all off). */
@Entity({ name: 'coding_settings' })
export class CodingSettingsRow {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @OneToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ name: 'editors_create_tags', type: 'boolean', default: false })
  editorsCreateTags: boolean;

  @Column({ name: 'blind_coding', type: 'boolean', default: false })
  blindCoding: boolean;

  /** Set when an admin reveals a blind round; cleared when blind coding is turned on again. */
  @Column({ name: 'revealed_at', type: 'timestamptz', nullable: true })
  revealedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
