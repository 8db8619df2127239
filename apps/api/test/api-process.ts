/**
 * The built API (dist/main.js, compiled by the test script) as a real child process, for tests
 * that need what an in-process app cannot give: a SIGKILL mid-write, or two nodes sharing one
 * database and one Redis. Every process started here is tracked so afterAll can kill them all,
 * whether the test passed or not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_REDIS_PREFIX } from './test-redis.js';

const MAIN = path.join(import.meta.dirname, '../dist/main.js');
/**
 * How long to wait for "running at". A quiet machine starts the API in a few seconds, but a
 * 2-core CI machine running many suites at once (load 8 to 13) has taken more than 30 s. The
 * wait ends as soon as the line comes, so a generous cap costs nothing; jest timeouts of tests
 * that start processes are counted from it.
 */
export const API_STARTUP_TIMEOUT_MS = 120_000;
const RUNNING_AT = /Marginalia is running at (http:\/\/\S+)/;

export interface ApiProcessOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** Extra configuration (collab limits...), as environment variables. */
  env?: Record<string, string>;
  /** How long to wait for "running at" (default API_STARTUP_TIMEOUT_MS). */
  startupTimeoutMs?: number;
}

export interface ApiProcess {
  baseUrl: string;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<void>;
  /** Everything it wrote to stdout and stderr so far (its JSON log lines). */
  output(): string;
  /** Sends the signal and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ApiProcess>();

/** Starts `node dist/main.js` on a free port and resolves once it is listening. */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  // Only what the server needs: the test runner's own REDIS_URL must not leak into a single node.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: '/nonexistent',
    REDIS_PREFIX: TEST_REDIS_PREFIX,
    REGISTRATION_MAX_PER_IP: '100000',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const apiProcess: ApiProcess = {
    baseUrl: '',
    exited,
    output: () => output,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      running.delete(apiProcess);
    },
  };
  running.add(apiProcess);
  try {
    apiProcess.baseUrl = await listeningUrl(child, options.startupTimeoutMs ?? API_STARTUP_TIMEOUT_MS);
  } catch (error) {
    await apiProcess.kill();
    throw error;
  }
  return apiProcess;
}

/** Kills every process this file started that is still running. */
export async function killAllApiProcesses(): Promise<void> {
  await Promise.all([...running].map((apiProcess) => apiProcess.kill()));
}

function listeningUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`API process did not start within ${timeoutMs} ms:\n${stdout}${stderr}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = RUNNING_AT.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    // Kept for the failure message; a server that logs at warn while running is worth seeing.
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`API process exited (${signal ?? code}) before listening:\n${stdout}${stderr}`));
    });
  });
}
