/**
 * Boots the built API (which also serves the built web client) as a child process on a free
 * port, waits until it says it is running and answers /api/health, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './database.js';
import { API_MAIN, REPO_ROOT, WEB_DIST } from './paths.js';

const READY_LINE = 'Marginalia is running at';
/** Generous: a cold start migrates, seeds the demo (coding included) and builds nothing; a loaded CI machine may take minutes. */
const STARTUP_TIMEOUT_MS = 240_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;

export interface RunningApp {
  baseUrl: string;
  /** Everything the server printed, for failure reports. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

function waitForReady(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the API did not start within ${String(STARTUP_TIMEOUT_MS / 1000)} s:\n${output()}`));
    }, STARTUP_TIMEOUT_MS);
    const onData = () => {
      if (output().includes(READY_LINE)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new Error(`the API exited during startup (code ${String(code)}, signal ${String(signal)}):\n${output()}`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function assertHealthy(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/health`);
  if (!response.ok) throw new Error(`GET /api/health answered ${String(response.status)}: ${await response.text()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // SIGTERM lets the API stop its embedded Postgres; SIGKILL only if it hangs.
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export interface StartAppOptions {
  /** Seed the demo workspace (five articles, three demo accounts) as a fresh install does. */
  seedDemo?: boolean;
  /** Further environment for the API (e.g. ADMIN_EMAIL). */
  env?: Record<string, string>;
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the API first (pnpm build)`);
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST}/index.html is missing: build the web client first (pnpm build)`);

  let database: TestDatabase | null = null;
  // The app's files (embedded Postgres, background exports) go to a folder of this run's own.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = database.url;
  } else {
    // Embedded Postgres runs initdb as a separate OS user when we are root: it must be able
    // to enter this directory to create its own data folder inside.
    await chmod(dataDir, 0o755);
    delete env.DATABASE_URL;
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    WEB_DIST_DIR: WEB_DIST,
    SEED_DEMO: options.seedDemo === true ? 'true' : 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // Every browser of the suite registers from 127.0.0.1.
    REGISTRATION_MAX_PER_IP: '1000',
    ...options.env,
  });

  let output = '';
  const child = spawn(process.execPath, [API_MAIN], { cwd: path.join(REPO_ROOT, 'apps/api'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
  });
  // If the test process dies abruptly, do not leave a server (and its Postgres) behind.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const cleanup = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForReady(child, () => output);
    await assertHealthy(baseUrl);
  } catch (error) {
    await cleanup();
    throw error;
  }

  return { baseUrl, log: () => output, stop: cleanup };
}
