#!/usr/bin/env node
/**
 * pnpm restore FILE [--force]
 *
 * Puts a backup made by `pnpm backup` back, into an empty database: the DATABASE_URL one, or the
 * embedded one of DATA_DIR. A database that already holds tables is refused unless --force, which
 * replaces its schemas (public: every Marginalia table; pgboss: the job queue) with the backup's. Stop Marginalia first:
 * the server caches settings and keeps collaborative documents in memory.
 * - FILE.dump (pg_dump custom format): pg_restore, in one transaction (all or nothing).
 * - FILE.pgdata.tar.gz (file-system copy of the embedded database): unpacked as DATA_DIR's
 *   database folder (with --force, the folder in place is kept aside, renamed, not deleted).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, connectEmbedded, pg, requireTool, resolveTarget, run, runMain, runningEmbeddedPort } from './backup/database-target.mjs';

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: true });
if (values.help || positionals.length !== 1) {
  console.log('usage: pnpm restore FILE [--force]   (DATABASE_URL or DATA_DIR select the database, as for the server)');
  process.exit(values.help ? 0 : 1);
}
const file = path.resolve(positionals[0]);

function kindOf(backup) {
  if (!existsSync(backup)) throw new BackupError(`no such file: ${backup}`);
  const fd = openSync(backup, 'r');
  const magic = Buffer.alloc(5);
  readSync(fd, magic, 0, 5, 0);
  closeSync(fd);
  if (magic.toString('latin1') === 'PGDMP') return 'dump';
  if (magic[0] === 0x1f && magic[1] === 0x8b) return 'files';
  throw new BackupError(`${backup} is neither a pg_dump custom-format archive nor a .tar.gz made by pnpm backup`);
}

/** Tables, views and sequences outside the system schemas. */
async function userRelations(client) {
  const { rows } = await client.query(`
    SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`);
  return rows[0].n;
}

async function restoreDump(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await userRelations(client);
    if (existing > 0 && !values.force) {
      throw new BackupError(`the target database is not empty (${existing} tables, views or sequences): restore into an empty database, or pass --force to replace its contents`);
    }
    if (existing > 0) {
      // Every schema the backup may bring back: public (the migrations') and pgboss (the job queue's).
      const { rows } = await client.query(`SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'`);
      for (const { nspname } of rows) await client.query(`DROP SCHEMA ${pg.escapeIdentifier(nspname)} CASCADE`);
      await client.query('CREATE SCHEMA public');
    }
  } finally {
    await client.end();
  }
  const tool = requireTool('pg_restore', 0);
  // --single-transaction: a failure leaves the database as it was, not half restored.
  run(tool.binary, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file]);
}

function restoreFiles(target) {
  if (target.kind !== 'embedded') throw new BackupError('a file-system backup (.tar.gz) can only be restored as the embedded database: unset DATABASE_URL and set DATA_DIR');
  const databaseDir = target.databaseDir ?? target.candidates[0];
  if (existsSync(databaseDir)) {
    if (runningEmbeddedPort(databaseDir)) throw new BackupError('Marginalia (its embedded database) is running: stop it first');
    if (!values.force) throw new BackupError(`${databaseDir} already holds a database: restore into an empty DATA_DIR, or pass --force (the current folder is kept, renamed)`);
    const aside = `${databaseDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(databaseDir, aside);
    console.log(`The database folder that was there is kept as ${aside}`);
  }
  const tar = spawnSync('tar', ['-xzf', file, '-C', path.dirname(databaseDir)], { encoding: 'utf8' });
  if (tar.status !== 0) throw new BackupError(`tar failed: ${tar.stderr.trim()}`);
  // As root the embedded Postgres runs as the postgres user, which must own its files.
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', databaseDir]);
}

async function main() {
  const target = resolveTarget();
  const kind = kindOf(file);
  if (kind === 'files') {
    restoreFiles(target);
  } else if (target.kind === 'external') {
    await restoreDump(target.url);
  } else {
    const connection = await connectEmbedded(target);
    try {
      await restoreDump(connection.url);
    } finally {
      await connection.stop();
    }
  }
  console.log(`Restored ${path.basename(file)}. Start Marginalia as usual; it applies any newer migrations on start-up.`);
}

runMain(main);
