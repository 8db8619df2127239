/** The workspace's actors: people and organisations quoted in the corpus. */
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor as ActorDto, CreateActorBody, UpdateActorBody } from '@marginalia/shared';
import { Actor } from './actor.entity.js';

interface ActorRow {
  id: string;
  name: string;
  affiliation: string | null;
  description: string | null;
  attribution_count: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT_ACTORS = `SELECT a.id, a.name, a.affiliation, a.description, a.created_at, a.updated_at,
  (SELECT count(*) FROM attributions t WHERE t.actor_id = a.id) AS attribution_count
  FROM actors a WHERE a.workspace_id = $1`;

function toDto(row: ActorRow): ActorDto {
  return {
    id: row.id,
    name: row.name,
    affiliation: row.affiliation,
    description: row.description,
    attributionCount: Number(row.attribution_count),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Unique violation on actors_workspace_name_key: same name, any case. */
function isDuplicateName(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

@Injectable()
export class ActorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(workspaceId: string): Promise<ActorDto[]> {
    const rows = (await this.dataSource.query(`${SELECT_ACTORS} ORDER BY lower(a.name), a.id`, [workspaceId])) as ActorRow[];
    return rows.map(toDto);
  }

  async get(workspaceId: string, actorId: string, manager: EntityManager = this.dataSource.manager): Promise<ActorDto> {
    const rows = (await manager.query(`${SELECT_ACTORS} AND a.id = $2`, [workspaceId, actorId])) as ActorRow[];
    const row = rows[0];
    if (!row) throw new NotFoundException('actor not found');
    return toDto(row);
  }

  async create(workspaceId: string, input: CreateActorBody, manager: EntityManager = this.dataSource.manager): Promise<ActorDto> {
    try {
      const saved = await manager.save(manager.create(Actor, { workspaceId, name: input.name, affiliation: input.affiliation ?? null, description: input.description ?? null }));
      return await this.get(workspaceId, saved.id, manager);
    } catch (error) {
      if (isDuplicateName(error)) throw new ConflictException(`an actor named "${input.name}" already exists in this workspace`);
      throw error;
    }
  }

  async update(workspaceId: string, actorId: string, changes: UpdateActorBody): Promise<ActorDto> {
    try {
      const result = await this.dataSource.getRepository(Actor).update({ id: actorId, workspaceId }, changes);
      if (!result.affected) throw new NotFoundException('actor not found');
    } catch (error) {
      if (isDuplicateName(error)) throw new ConflictException(`an actor named "${changes.name ?? ''}" already exists in this workspace`);
      throw error;
    }
    return await this.get(workspaceId, actorId);
  }

  /** Deletes the actor and its attributions; a candidate it came from goes back to pending. */
  async remove(workspaceId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE actor_candidates SET status = 'pending', actor_id = NULL WHERE workspace_id = $1 AND actor_id = $2`, [workspaceId, actorId]);
      const result = await manager.delete(Actor, { id: actorId, workspaceId });
      if (!result.affected) throw new NotFoundException('actor not found');
    });
  }
}
