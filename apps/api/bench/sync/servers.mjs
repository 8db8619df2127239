// The two servers under test, each in its own process so that its memory and CPU can be read
// from /proc: the compiled API (dist/main.js) against a scratch database on DATABASE_URL's
// server (default: the local Postgres), and Hocuspocus.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BenchClient } from '../bench-client.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiRoot = path.resolve(here, '../..');
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The compiled API; BENCH_API_DIST points at another build (say, of a branch to compare). */
export const apiDist = path.resolve(apiRoot, process.env.BENCH_API_DIST ?? 'dist');

/** Resident memory of a process, in bytes (VmRSS). */
export function rssBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

const TICKS_PER_SECOND = 100;
/** CPU time a process has used so far, in ms (user + system, from /proc/<pid>/stat). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Busy and total jiffies of the whole machine (/proc/stat). */
export function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = numbers[3] + numbers[4];
  const total = numbers.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

async function onServer(serverUrl, sql, params) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Starts `node script` and resolves with the process once `ready(line)` returns a value. */
function startProcess(label, args, env, ready, { timeoutMs = 60_000 } = {}) {
  const child = spawn(process.execPath, args, { cwd: apiRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (output.length > 100_000) output = output.slice(-50_000);
      for (const line of output.split('\n')) {
        const value = ready(line);
        if (value !== undefined) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          // Keep draining so that a chatty server never blocks on a full pipe.
          child.stdout.resume();
          resolve({ child, value, output: () => output });
          return;
        }
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      if (output.length > 100_000) output = output.slice(-50_000);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code ?? signal}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Marginalia's API as a child process on a fresh database: one registered user with a
 * personal access token, and `workspaces` workspaces whose notebook documents it can edit.
 */
export async function startOurServer({ workspaces = 1, extraEnv = {} } = {}) {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const name = `marginalia_syncbench_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  let started;
  try {
    started = await startProcess(
      'the API',
      [...(process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean), path.join(apiDist, 'main.js')],
      {
        NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'warn', WEB_DIST_DIR: '', REDIS_URL: '',
        // Every simulated editor signs in as the same bench account from the same address.
        COLLAB_MAX_SOCKETS_PER_USER: '100000', REGISTRATION_MAX_PER_IP: '100000',
        ...extraEnv,
      },
      (line) => /Marginalia is running at (http:\/\/\S+)/.exec(line)?.[1],
    );
  } catch (error) {
    await drop();
    throw error;
  }
  const baseUrl = started.value.replace('localhost', '127.0.0.1');
  const server = {
    kind: 'ours',
    label: 'Marginalia',
    url: baseUrl,
    pid: started.child.pid,
    databaseUrl,
    databaseName: name,
    output: started.output,
    close: async () => {
      await stopProcess(started.child);
      await drop();
    },
  };
  try {
    const client = new BenchClient(baseUrl);
    await client.expect(201, 'POST', '/auth/register', { json: { email: `sync-bench-${process.pid}@example.test`, password: 'correct horse battery', displayName: 'Sync bench' } });
    const { token } = await client.expect(201, 'POST', '/auth/tokens', { json: { name: 'sync bench' } });
    server.token = token;
    server.docs = [];
    for (let i = 0; i < workspaces; i++) {
      const workspace = await client.expect(201, 'POST', '/workspaces', { json: { name: `Sync bench ${i + 1}` } });
      const { docName } = await client.expect(200, 'GET', `/workspaces/${workspace.id}/notebook`);
      server.docs.push({ workspaceId: workspace.id, docName });
    }
    return server;
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Hocuspocus 4 as a child process; documents are named freely. */
export async function startReferenceServer({ seedPrefix, seedFile, documents = 8 } = {}) {
  const started = await startProcess(
    'Hocuspocus',
    [...(process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean), path.join(here, 'reference-server.mjs')],
    { PORT: '0', NODE_ENV: 'production', SYNC_BENCH_SEED_PREFIX: seedPrefix ?? '', SYNC_BENCH_SEED_FILE: seedFile ?? '' },
    (line) => /^LISTENING (\d+)/.exec(line)?.[1],
  );
  return {
    kind: 'reference',
    label: 'Hocuspocus',
    url: `http://127.0.0.1:${started.value}`,
    pid: started.child.pid,
    output: started.output,
    docs: Array.from({ length: documents }, (_, i) => ({ docName: `bench-doc-${i + 1}` })),
    close: () => stopProcess(started.child),
  };
}
