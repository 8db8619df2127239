/**
 * The workspace's coding settings: whether editors may add tags, and blind coding. Blind coding
 * is enforced here for every reader of annotations: `othersHidden` decides whether a member gets
 * anyone's annotations but their own.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CodingSettings, UpdateCodingSettingsBody } from '@marginalia/shared';
import { AuditService } from '../audit/audit.service.js';
import { CodingSettingsRow } from './coding-settings.entity.js';

export interface StoredCodingSettings {
  editorsCreateTags: boolean;
  blindCoding: boolean;
  revealedAt: Date | null;
}

const DEFAULTS: StoredCodingSettings = { editorsCreateTags: false, blindCoding: false, revealedAt: null };

/** Whether others' annotations are withheld: blind coding is on and not yet revealed. */
export function othersHidden(settings: StoredCodingSettings): boolean {
  return settings.blindCoding && settings.revealedAt === null;
}

@Injectable()
export class CodingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async read(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredCodingSettings> {
    const row = await manager.findOneBy(CodingSettingsRow, { workspaceId });
    return row ? { editorsCreateTags: row.editorsCreateTags, blindCoding: row.blindCoding, revealedAt: row.revealedAt } : DEFAULTS;
  }

  async get(workspaceId: string): Promise<CodingSettings> {
    return toDto(await this.read(workspaceId));
  }

  async update(workspaceId: string, actorId: string, changes: UpdateCodingSettingsBody): Promise<CodingSettings> {
    return await this.dataSource.transaction(async (manager) => {
      const current = await this.read(workspaceId, manager);
      const next: StoredCodingSettings = { ...current };
      if (changes.editorsCreateTags !== undefined) next.editorsCreateTags = changes.editorsCreateTags;
      if (changes.blindCoding !== undefined) {
        // Turning blind coding on starts a new round: hidden until the next reveal.
        if (changes.blindCoding && !current.blindCoding) next.revealedAt = null;
        next.blindCoding = changes.blindCoding;
      }
      if (changes.revealed) next.revealedAt = next.blindCoding ? (current.revealedAt ?? new Date()) : null;
      await manager.upsert(CodingSettingsRow, { workspaceId, ...next }, ['workspaceId']);
      await this.audit.record(manager, {
        workspaceId,
        actorId,
        action: 'coding.settingsChanged',
        details: { ...changes, ...(changes.revealed && !current.revealedAt && next.blindCoding ? { revealed: true } : {}) },
      });
      return toDto(next);
    });
  }
}

function toDto(settings: StoredCodingSettings): CodingSettings {
  return {
    editorsCreateTags: settings.editorsCreateTags,
    blindCoding: settings.blindCoding,
    revealedAt: settings.revealedAt?.toISOString() ?? null,
    othersHidden: othersHidden(settings),
  };
}
