// pnpm bench:exports: every registered export format on a synthetic workspace of 10,000
// annotations (12 documents, a 60-tag codebook, 4 analysts, a 60-node map with ACH ratings,
// 300 threads), each in its own child process so peak RSS is the format's own; the reference is
// plain JSON.stringify of the snapshot. Target: under 5 s each. Then the same workspace end to
// end: imported through POST /workspaces/import into a scratch database and downloaded in each
// format over HTTP (load from Postgres and Yjs, filters, serializer, response). Asserts nothing.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { buildSnapshot } from './export-data.mjs';
import { runHttpExportBench } from './exports-http.bench.mjs';

const ANNOTATIONS = Number(process.env.EXPORT_BENCH_ANNOTATIONS ?? 10_000);

if (process.argv[2] === '--child') {
  const { EXPORT_FORMATS } = await import('../dist/modules/exports/export-formats.js');
  const snapshot = buildSnapshot(ANNOTATIONS);
  const id = process.argv[3];
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  let bytes = 0;
  if (id === 'reference') bytes = Buffer.byteLength(JSON.stringify(snapshot));
  else {
    const output = await EXPORT_FORMATS.find((format) => format.id === id).serialize(snapshot, {});
    if (typeof output === 'string') bytes = Buffer.byteLength(output);
    else if (output instanceof Uint8Array) bytes = output.byteLength;
    else for await (const chunk of output) bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  clearInterval(sampler);
  process.stdout.write(JSON.stringify({ id, seconds, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024, heapGrowthMb: (peakHeap - heapBefore) / 2 ** 20 }));
  process.exit(0);
}

const { EXPORT_FORMATS } = await import('../dist/modules/exports/export-formats.js');
process.stdout.write(`Export benchmark: ${ANNOTATIONS} annotations, ${os.cpus().length} cores, Node ${process.version}\n`);
process.stdout.write('format            seconds   output MB   peak RSS MB   heap growth MB\n');
for (const id of ['reference', ...EXPORT_FORMATS.map((format) => format.id)]) {
  const result = JSON.parse(execFileSync(process.execPath, [import.meta.filename, '--child', id], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  const flag = id !== 'reference' && result.seconds >= 5 ? '  OVER 5 s' : '';
  process.stdout.write(`${id.padEnd(16)} ${result.seconds.toFixed(2).padStart(8)} ${(result.bytes / 2 ** 20).toFixed(1).padStart(11)} ${result.peakRssMb.toFixed(0).padStart(13)} ${result.heapGrowthMb.toFixed(0).padStart(16)}${flag}\n`);
}
await runHttpExportBench(buildSnapshot(ANNOTATIONS), EXPORT_FORMATS.map((format) => format.id));

