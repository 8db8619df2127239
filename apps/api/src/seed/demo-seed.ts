/**
 * Seeds the demo workspace from seeds/demo-workspace.json: accounts, memberships and the raw
 * corpus texts. Idempotent: every insert skips rows that already exist, so it runs on every
 * start without duplicating anything or overwriting what people changed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WORKSPACE_ROLES } from '@marginalia/shared';
import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ARGON2_OPTIONS } from '../modules/auth/password-hasher.service.js';
import { CorpusDocument } from '../modules/documents/document.entity.js';
import { insertDocument, prepareDocument } from '../modules/documents/document-writer.js';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../seeds');

const DemoSeedSchema = z.object({
  workspace: z.object({ id: z.uuid(), name: z.string().min(1), description: z.string() }),
  password: z.string().min(10),
  accounts: z.array(z.object({ email: z.email(), displayName: z.string().min(1), role: z.enum(WORKSPACE_ROLES) })).min(1),
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
  const texts = await Promise.all(seed.documents.map(async (document) => ({ ...document, text: await readFile(path.join(seedsDir, document.file), 'utf8') })));
  const passwordHash = await argon2.hash(seed.password, ARGON2_OPTIONS);
  await dataSource.transaction(async (manager) => {
    // Two processes starting together must not race each other's inserts.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['marginalia:seed']);
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
      const exists = await manager.existsBy(CorpusDocument, { workspaceId: seed.workspace.id, contentHash: prepared.contentHash });
      if (!exists) await insertDocument(manager, prepared);
    }
  });
  return { workspaceId: seed.workspace.id, workspaceName: seed.workspace.name, password: seed.password, accounts: seed.accounts.map(({ email, role }) => ({ email, role })) };
}
