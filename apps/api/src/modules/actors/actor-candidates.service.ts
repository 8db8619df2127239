/** Reviewing proposed actors: accept (optionally edited, with their evidence attributed) or dismiss. */
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor as ActorDto, ActorCandidate as ActorCandidateDto } from '@marginalia/shared';
import { ActorCandidate } from './actor-candidate.entity.js';
import { Actor } from './actor.entity.js';
import { ActorsService } from './actors.service.js';
import { AttributionsService } from './attributions.service.js';
import { proposeActorCandidates } from './propose-actors.js';

export type CandidateStatus = ActorCandidate['status'];

function toDto(candidate: ActorCandidate): ActorCandidateDto {
  return { id: candidate.id, name: candidate.name, affiliation: candidate.affiliation, status: candidate.status, evidence: candidate.evidence, actorId: candidate.actorId };
}

@Injectable()
export class ActorCandidatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorsService,
    private readonly attributions: AttributionsService,
  ) {}

  async list(workspaceId: string, status: CandidateStatus | undefined): Promise<ActorCandidateDto[]> {
    const candidates = await this.dataSource.getRepository(ActorCandidate).find({ where: { workspaceId, ...(status ? { status } : {}) }, order: { name: 'ASC', id: 'ASC' } });
    // Most-quoted first: that is who an analyst wants to confirm first.
    return candidates.map(toDto).sort((a, b) => b.evidence.length - a.evidence.length);
  }

  /** Creates the actor (or joins an existing one of the same name) and attributes the evidence. */
  async accept(workspaceId: string, candidateId: string, userId: string | null, edits: { name?: string; affiliation?: string | null; attributeEvidence: boolean }): Promise<ActorDto> {
    return await this.dataSource.transaction(async (manager) => {
      const candidate = await manager.createQueryBuilder(ActorCandidate, 'c').setLock('pessimistic_write').where('c.id = :candidateId AND c.workspace_id = :workspaceId', { candidateId, workspaceId }).getOne();
      if (!candidate) throw new NotFoundException('actor candidate not found');
      if (candidate.status !== 'pending') throw new ConflictException(`this candidate has already been ${candidate.status}`);
      const name = edits.name ?? candidate.name;
      const existing = await manager.createQueryBuilder(Actor, 'a').where('a.workspace_id = :workspaceId AND lower(a.name) = lower(:name)', { workspaceId, name }).getOne();
      const actorId = existing?.id ?? (await this.actors.create(workspaceId, { name, affiliation: edits.affiliation !== undefined ? edits.affiliation : candidate.affiliation }, manager)).id;
      if (edits.attributeEvidence) {
        for (const evidence of candidate.evidence) {
          await this.attributions.create({ workspaceId, actorId, documentId: evidence.documentId, start: evidence.start, end: evidence.end, createdById: userId }, manager);
        }
      }
      await manager.update(ActorCandidate, { id: candidate.id }, { status: 'accepted', actorId });
      return await this.actors.get(workspaceId, actorId, manager);
    });
  }

  async dismiss(workspaceId: string, candidateId: string): Promise<ActorCandidateDto> {
    const repository = this.dataSource.getRepository(ActorCandidate);
    const candidate = await repository.findOneBy({ id: candidateId, workspaceId });
    if (!candidate) throw new NotFoundException('actor candidate not found');
    if (candidate.status === 'accepted') throw new ConflictException('this candidate has already been accepted; delete the actor instead');
    candidate.status = 'dismissed';
    await repository.update({ id: candidate.id }, { status: 'dismissed' });
    return toDto(candidate);
  }

  /** Brings a dismissed candidate back to the pending list (dismissing is not final). */
  async restore(workspaceId: string, candidateId: string): Promise<ActorCandidateDto> {
    const repository = this.dataSource.getRepository(ActorCandidate);
    const candidate = await repository.findOneBy({ id: candidateId, workspaceId });
    if (!candidate) throw new NotFoundException('actor candidate not found');
    if (candidate.status === 'accepted') throw new ConflictException('this candidate has already been accepted; it is an actor now');
    candidate.status = 'pending';
    await repository.update({ id: candidate.id }, { status: 'pending' });
    return toDto(candidate);
  }

  /** Looks through the whole corpus again (e.g. after the proposal rules improved). */
  async refresh(workspaceId: string): Promise<ActorCandidateDto[]> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`marginalia:actor-candidates:${workspaceId}`]);
      const documents = (await manager.query(`SELECT id FROM documents WHERE workspace_id = $1`, [workspaceId])) as { id: string }[];
      await proposeActorCandidates(manager, workspaceId, documents.map((document) => document.id));
    });
    return await this.list(workspaceId, 'pending');
  }
}
