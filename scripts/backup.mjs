#!/usr/bin/env node
/**
 * pnpm backup [--out FILE]
 *
 * A consistent copy of Marginalia's database (everything: accounts, workspaces, documents, and the
 * collaborative documents' Yjs updates and snapshots, which live in Postgres too).
 * - External database (DATABASE_URL): pg_dump --format=custom, safe while the app runs.
 * - Embedded database (no DATABASE_URL; files in DATA_DIR): the same pg_dump when this machine has
 *   one at least as new as the embedded Postgres (18); otherwise a file-system copy of its data
 *   folder (.tar.gz), which needs Marginalia stopped (Postgres's rule for file-level backups).
 * See README, "Backups and restore".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, REPO_ROOT, connectEmbedded, findTool, pg, requireTool, resolveTarget, run, runMain, runningEmbeddedPort, serverMajor } from './backup/database-target.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log('usage: pnpm backup [--out FILE]   (DATABASE_URL or DATA_DIR select the database, as for the server)');
  process.exit(0);
}

function defaultOut(extension) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join(REPO_ROOT, 'backups', `marginalia-${stamp}${extension}`);
}

async function dumpDatabase(url) {
  const tool = requireTool('pg_dump', await serverMajor(url));
  const out = path.resolve(values.out ?? defaultOut('.dump'));
  mkdirSync(path.dirname(out), { recursive: true });
  run(tool.binary, ['--format=custom', '--no-owner', '--no-privileges', `--file=${out}`, `--dbname=${url}`]);
  await recordBackup(url, out);
  return out;
}

/** An entry in the instance audit log (after the dump, so the backup itself does not contain it). */
async function recordBackup(url, out) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO instance_audit_entries (action, subject_type, subject_label, details) VALUES ('backup.created', 'backup', $1, $2)`, [
      path.basename(out),
      { bytes: statSync(out).size, format: 'pg_dump custom' },
    ]);
  } catch {
    // A database from before the audit log (or not Marginalia's): the backup is still good.
  } finally {
    await client.end();
  }
}

function copyDataFolder(databaseDir) {
  const out = path.resolve(values.out ?? defaultOut('.pgdata.tar.gz'));
  mkdirSync(path.dirname(out), { recursive: true });
  const tar = spawnSync('tar', ['-czf', out, '-C', path.dirname(databaseDir), path.basename(databaseDir)], { encoding: 'utf8' });
  if (tar.status !== 0) throw new BackupError(`tar failed: ${tar.stderr.trim()}`);
  return out;
}

async function main() {
  const target = resolveTarget();
  let out;
  if (target.kind === 'external') {
    out = await dumpDatabase(target.url);
  } else {
    if (!target.databaseDir) throw new BackupError(`no embedded database found (looked in ${target.candidates.join(' and ')}); set DATA_DIR as the server has it, or DATABASE_URL`);
    const embeddedMajor = Number((await import('node:fs')).readFileSync(path.join(target.databaseDir, 'PG_VERSION'), 'utf8').trim());
    const dump = findTool('pg_dump');
    if (dump && dump.major >= embeddedMajor) {
      const connection = await connectEmbedded(target);
      try {
        out = await dumpDatabase(connection.url);
      } finally {
        await connection.stop();
      }
    } else {
      if (runningEmbeddedPort(target.databaseDir)) {
        throw new BackupError(
          `this machine has no pg_dump ${embeddedMajor} or newer (${dump ? `found ${dump.major}` : 'none found'}), so the embedded database is copied as files, which needs Marginalia stopped: stop it and run pnpm backup again, or install postgresql-client-${embeddedMajor}`,
        );
      }
      out = copyDataFolder(target.databaseDir);
    }
  }
  console.log(`Backup written: ${out} (${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB)`);
  console.log('Keep it with the instance\'s configuration (.env); restore with: pnpm restore <file>');
}

runMain(main);
