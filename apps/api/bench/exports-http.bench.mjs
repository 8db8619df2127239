// The HTTP half of pnpm bench:exports: the compiled API against a scratch database; the
// synthetic workspace is imported (its analysts replaced by registered users, so agreement and
// ratings are real); a direct download is refused (the workspace is over EXPORT_LIMITS), and
// each format runs as a background job on the job queue, polled, then downloaded from its
// file: each timed end to end (queue, load, serialize to disk, download).
import { performance } from 'node:perf_hooks';
import { startBenchApp } from './bench-app.mjs';
import { BenchClient } from './bench-client.mjs';

export async function runHttpExportBench(snapshot, formatIds) {
  const bench = await startBenchApp();
  try {
    const clients = [];
    for (let i = 0; i < snapshot.members.length; i++) {
      const client = new BenchClient(bench.baseUrl);
      const { user } = await client.expect(201, 'POST', '/auth/register', { json: { email: `export-bench-${process.pid}-${i}@example.test`, password: 'correct horse battery', displayName: `Analyst ${i}` } });
      clients.push({ client, id: user.id });
    }
    const swap = new Map(snapshot.members.map((member, i) => [member.id, clients[i].id]));
    const body = JSON.parse(JSON.stringify(snapshot).replace(/[0-9a-f]{8}-0000-4000-8000-[0-9a-f]{12}/g, (id) => swap.get(id) ?? id));
    const owner = clients[0].client;
    let started = performance.now();
    const summary = await owner.expect(201, 'POST', '/workspaces/import', { json: body });
    const importSeconds = (performance.now() - started) / 1000;
    process.stdout.write(`\nEnd to end over HTTP (${bench.database.description}): import ${importSeconds.toFixed(2)} s for ${summary.annotations} annotations\n`);
    const cookie = [...owner.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const direct = await fetch(`${bench.baseUrl}/api/workspaces/${summary.workspaceId}/exports/json`, { headers: { cookie } });
    process.stdout.write(`Direct download: HTTP ${direct.status} (${((await direct.json()).message ?? '').slice(0, 60)}...)\n`);
    process.stdout.write('format            job s   download s   total s   file MB\n');
    for (const id of formatIds) {
      started = performance.now();
      const queued = await owner.expect(202, 'POST', `/workspaces/${summary.workspaceId}/export-jobs`, { json: { format: id } });
      let job = queued;
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = await owner.expect(200, 'GET', `/workspaces/${summary.workspaceId}/export-jobs/${queued.id}`);
      }
      const jobSeconds = (performance.now() - started) / 1000;
      const response = await fetch(`${bench.baseUrl}/api/workspaces/${summary.workspaceId}/export-jobs/${queued.id}/download`, { headers: { cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      const seconds = (performance.now() - started) / 1000;
      const problem = job.status !== 'succeeded' ? `  ${job.status}: ${job.error}` : response.status === 200 ? '' : `  HTTP ${response.status}`;
      process.stdout.write(`${id.padEnd(16)} ${jobSeconds.toFixed(2).padStart(6)} ${(seconds - jobSeconds).toFixed(2).padStart(12)} ${seconds.toFixed(2).padStart(9)} ${(bytes / 2 ** 20).toFixed(1).padStart(9)}${problem}${seconds >= 5 ? '  OVER 5 s' : ''}\n`);
    }
    process.stdout.write(`API process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (app and benchmark client in one process)\n`);
  } finally {
    await bench.close();
  }
}
