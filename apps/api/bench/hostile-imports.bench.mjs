// pnpm bench:hostile: how long the API stops answering /api/health while it imports each file
// of the hostile corpus (test/fixtures/imports/hostile-corpus.mjs), each in a batch with one
// good file. Every file gets a fresh API process (node <dist>/main.js) on a scratch database,
// so a file that froze or killed the previous process cannot spoil the next figure. Prints a
// table; asserts nothing.
//   BENCH_API_DIST=dist (another build, e.g. of main, to compare)  BENCH_FILE_TIMEOUT_MS=60000
//   BENCH_ONLY=name,name  DATABASE_URL (server for the scratch database; embedded Postgres when unset)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { goodFile, hostileCorpus } from '../test/fixtures/imports/hostile-corpus.mjs';
import { watchHealth } from '../test/fixtures/imports/health-watch.mjs';
import { BenchClient } from './bench-client.mjs';
import { scratchDatabase } from './scratch-database.mjs';

const DIST = path.resolve(import.meta.dirname, '..', process.env.BENCH_API_DIST ?? 'dist');
const FILE_TIMEOUT_MS = Number(process.env.BENCH_FILE_TIMEOUT_MS ?? 60_000);
const ONLY = process.env.BENCH_ONLY?.split(',');
const log = (line = '') => process.stdout.write(`${line}\n`);

function startApi(databaseUrl) {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), path.join(DIST, 'main.js')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error', WEB_DIST_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const listening = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk) => { output += chunk; if (process.env.BENCH_STDERR) process.stderr.write(chunk); });
    void exited.then((how) => reject(new Error(`API exited (${how}): ${output.slice(-2000)}`)));
  });
  return { listening, exited, output: () => output, kill: () => child.exitCode === null && child.signalCode === null && child.kill(process.env.BENCH_KILL_SIGNAL ?? 'SIGKILL') };
}

async function measure(file, databaseUrl) {
  const api = startApi(databaseUrl);
  let crashed = null;
  void api.exited.then((how) => (crashed = how));
  try {
    const baseUrl = await api.listening;
    const client = new BenchClient(baseUrl);
    await client.expect(201, 'POST', '/auth/register', { json: { email: `hostile-${randomBytes(4).toString('hex')}@example.test`, password: 'correct horse battery', displayName: 'Bench' } });
    const { id: workspaceId } = await client.expect(201, 'POST', '/workspaces', { json: { name: 'Hostile files' } });
    const form = new FormData();
    const good = goodFile(file.name);
    form.append('files', new Blob([good.content]), good.name);
    form.append('files', new Blob([file.content()]), file.name);
    const watch = watchHealth(baseUrl);
    const started = performance.now();
    const queued = await client.request('POST', `/workspaces/${workspaceId}/imports`, { form });
    let job = queued.body;
    while (queued.status === 202 && crashed === null && !['succeeded', 'failed'].includes(job.status) && performance.now() - started < FILE_TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const polled = await Promise.race([client.request('GET', `/workspaces/${workspaceId}/imports/${job.id}`), api.exited.then(() => null)]).catch(() => null);
      if (polled?.status === 200) job = polled.body;
    }
    const seconds = (performance.now() - started) / 1000;
    const health = watch.stop();
    const hostile = job.files?.find((row) => row.name === file.name);
    const outcome = crashed !== null ? `API process died (${crashed})` : queued.status !== 202 ? `upload answered ${queued.status}` : !['succeeded', 'failed'].includes(job.status) ? `still ${job.status} after ${FILE_TIMEOUT_MS / 1000} s` : job.status === 'failed' ? `job failed: ${job.error}` : hostile?.status === 'rejected' ? `${hostile.reason}: ${hostile.message.slice(file.name.length + 2, file.name.length + 80)}` : `imported as “${hostile?.title}”`;
    const goodRow = job.files?.find((row) => row.name === good.name);
    return { health, seconds, outcome, good: goodRow?.documentId ? 'imported' : 'not imported' };
  } finally {
    api.kill();
    await api.exited;
  }
}

const database = await scratchDatabase('marginalia_hostile');
const url = new URL(database.url);
log(`API build: ${DIST}; ${database.description}; at most ${FILE_TIMEOUT_MS / 1000} s per file`);
log('| file | what | /api/health max latency | time to outcome | outcome | good file |');
log('|---|---|---|---|---|---|');
try {
  for (const file of hostileCorpus().filter((entry) => !ONLY || ONLY.includes(entry.name))) {
    // Another process on a shared machine may stop ours while it starts: try such a file once more.
    const result = await measure(file, url.toString()).catch((error) => {
      log(`(${file.name}: ${error.message.split('\n')[0]}; trying again)`);
      return measure(file, url.toString());
    });
    const max = result.health.maxMs >= 1000 ? `${(result.health.maxMs / 1000).toFixed(1)} s` : `${Math.round(result.health.maxMs)} ms`;
    log(`| ${file.name} | ${file.what} | ${max} | ${result.seconds.toFixed(1)} s | ${result.outcome} | ${result.good} |`);
  }
} finally {
  await database.drop();
}
