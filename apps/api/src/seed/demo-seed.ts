/**
 * Seeds the demo workspace from seeds/demo-workspace.json: accounts, memberships and the raw
 * corpus texts (then its coding, from seeds/demo-coding.json: see demo-coding.ts). Idempotent: every insert skips rows that already exist, so it runs on every
 * start without duplicating anything or overwriting what people changed.
 */
import { readFile } from 'node:fs/promises';
import { ConflictException } from '@nestjs/common';
import path from 'node:path';
import { WORKSPACE_ROLES } from '@marginalia/shared';
import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ARGON2_OPTIONS } from '../modules/auth/password-hasher.service.js';
import { CorpusDocument } from '../modules/documents/document.entity.js';
import { insertDocument, prepareDocument } from '../modules/documents/document-writer.js';
import { ActorCandidatesService } from '../modules/actors/actor-candidates.service.js';
import { ActorsService } from '../modules/actors/actors.service.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { AttributionsService } from '../modules/actors/attributions.service.js';
import { proposeActorCandidates } from '../modules/actors/propose-actors.js';
import { seedDemoCoding } from './demo-coding.js';
import { seedDemoDiscussion } from './demo-discussion.js';
import { seedDemoMap } from './demo-map.js';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../seeds');

const DemoSeedSchema = z.object({
  workspace: z.object({ id: z.uuid(), name: z.string().min(1), description: z.string() }),
  password: z.string().min(10),
  accounts: z.array(z.object({ email: z.email(), displayName: z.string().min(1), role: z.enum(WORKSPACE_ROLES) })).min(1),
  /** Names of proposed actor candidates to accept. */
  actors: z.array(z.string().min(1)).default([]),
  documents: z.array(
    z.object({ file: z.string().min(1), title: z.string().min(1), source: z.string().optional(), url: z.url().optional(), publishedOn: z.iso.date().optional() }),
  ),
});
export type DemoSeed = z.infer<typeof DemoSeedSchema>;

export interface DemoSeedResult {
  workspaceId: string;
  workspaceName: string;
  password: string;
  accounts: { email: string; role: string }[];
}

export async function loadDemoSeed(seedsDir = SEEDS_DIR): Promise<DemoSeed> {
  const raw: unknown = JSON.parse(await readFile(path.join(seedsDir, 'demo-workspace.json'), 'utf8'));
  return DemoSeedSchema.parse(raw);
}

export async function seedDemoWorkspace(dataSource: DataSource, seedsDir = SEEDS_DIR): Promise<DemoSeedResult> {
  const seed = await loadDemoSeed(seedsDir);
  // Nodes started together must not race each other through any step, the acceptance of the
  // actors included (it runs in transactions of its own): one seeds, the others wait and then
  // find everything in place. A session lock on a connection of its own spans all of it.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['marginalia:seed']);
    await seedUnderLock(dataSource, seed, seedsDir);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', ['marginalia:seed']).catch(() => undefined);
    await lock.release();
  }
  return { workspaceId: seed.workspace.id, workspaceName: seed.workspace.name, password: seed.password, accounts: seed.accounts.map(({ email, role }) => ({ email, role })) };
}

async function seedUnderLock(dataSource: DataSource, seed: DemoSeed, seedsDir: string): Promise<void> {
  const texts = await Promise.all(seed.documents.map(async (document) => ({ ...document, text: await readFile(path.join(seedsDir, document.file), 'utf8') })));
  const passwordHash = await argon2.hash(seed.password, ARGON2_OPTIONS);
  const newDocumentIds: string[] = [];
  await dataSource.transaction(async (manager) => {
    await manager.query(`INSERT INTO workspaces (id, name, description) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [seed.workspace.id, seed.workspace.name, seed.workspace.description]);
    for (const account of seed.accounts) {
      await manager.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING`, [account.email.toLowerCase(), account.displayName, passwordHash]);
      await manager.query(
        `INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, $3 FROM users WHERE email = $2 ON CONFLICT (workspace_id, user_id) DO NOTHING`,
        [seed.workspace.id, account.email.toLowerCase(), account.role],
      );
    }
    for (const document of texts) {
      const prepared = prepareDocument({
        workspaceId: seed.workspace.id,
        text: document.text,
        title: document.title,
        titleProposed: false,
        sourceFilename: path.basename(document.file),
        importedById: null,
        source: document.source ?? null,
        url: document.url ?? null,
        publishedOn: document.publishedOn ?? null,
        language: 'en',
      });
      // By file name too: a demo text corrected in seeds/ must not come back as a second copy.
      const exists =
        (await manager.existsBy(CorpusDocument, { workspaceId: seed.workspace.id, contentHash: prepared.contentHash })) ||
        (await manager.existsBy(CorpusDocument, { workspaceId: seed.workspace.id, sourceFilename: path.basename(document.file) }));
      if (!exists) newDocumentIds.push((await insertDocument(manager, prepared)).id);
    }
    await proposeActorCandidates(manager, seed.workspace.id, newDocumentIds);
  });
  await acceptSeededActors(dataSource, seed);
  const owner = seed.accounts.find((account) => account.role === 'owner');
  await seedDemoCoding(dataSource, seed.workspace.id, owner?.email ?? '', seedsDir);
  await seedDemoMap(dataSource, seed.workspace.id, seedsDir);
  await seedDemoDiscussion(dataSource, seed.workspace.id, seedsDir);
}

/** Accepts the listed candidates that are still pending, as the owner would in the Actors page. */
async function acceptSeededActors(dataSource: DataSource, seed: DemoSeed): Promise<void> {
  const owner = seed.accounts.find((account) => account.role === 'owner');
  const ownerRows = (await dataSource.query(`SELECT id FROM users WHERE email = $1`, [owner?.email.toLowerCase() ?? ''])) as { id: string }[];
  const actors = new ActorsService(dataSource);
  const candidates = new ActorCandidatesService(dataSource, actors, new AttributionsService(dataSource, new AuditService(dataSource.getRepository(AuditEntry))));
  const pending = await candidates.list(seed.workspace.id, 'pending');
  const wanted = new Set(seed.actors.map((name) => name.toLowerCase()));
  for (const candidate of pending) {
    if (!wanted.has(candidate.name.toLowerCase())) continue;
    try {
      await candidates.accept(seed.workspace.id, candidate.id, ownerRows[0]?.id ?? null, { attributeEvidence: true });
    } catch (error) {
      // Another node starting at the same time accepted it first: that is the outcome we want.
      if (!(error instanceof ConflictException)) throw error;
    }
  }
}
