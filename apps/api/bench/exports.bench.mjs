// pnpm bench:exports: every registered export format on a synthetic workspace of 10,000
// annotations (12 documents, a 60-tag codebook, 4 analysts, a 60-node map with ACH ratings,
// 300 threads), each in its own child process so peak memory is the format's own. Each format
// runs twice: streamed (chunks written out and dropped, as a download or a background job
// does) and held whole (the chunks joined into one string, which is what a serializer that
// builds its output whole costs); the reference is plain JSON.stringify of the snapshot.
// Target: under 5 s each. Then end to end: the workspace imported through POST
// /workspaces/import into a scratch database, a direct download refused (it is over
// EXPORT_LIMITS), and each format run as a background job and downloaded. Asserts nothing.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { buildSnapshot } from './export-data.mjs';
import { runHttpExportBench } from './exports-http.bench.mjs';

const ANNOTATIONS = Number(process.env.EXPORT_BENCH_ANNOTATIONS ?? 10_000);

if (process.argv[2] === '--child') {
  const { EXPORT_FORMATS } = await import('../dist/modules/exports/export-formats.js');
  const snapshot = buildSnapshot(ANNOTATIONS);
  const [id, mode] = process.argv.slice(3);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  const started = performance.now();
  let bytes = 0;
  const held = [];
  if (id === 'reference') bytes = Buffer.byteLength(JSON.stringify(snapshot));
  else {
    const output = await EXPORT_FORMATS.find((format) => format.id === id).serialize(snapshot, {});
    const take = (chunk) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (mode === 'whole') held.push(chunk);
    };
    if (typeof output === 'string' || output instanceof Uint8Array) take(output);
    else for await (const chunk of output) take(chunk);
    // Held whole: one string (or buffer) of the entire output, as a whole-string serializer makes.
    if (mode === 'whole') held.splice(0, held.length, typeof held[0] === 'string' ? held.join('') : Buffer.concat(held.map((chunk) => Buffer.from(chunk))));
  }
  const seconds = (performance.now() - started) / 1000;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  clearInterval(sampler);
  process.stdout.write(JSON.stringify({ id, seconds, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024, heapGrowthMb: (peakHeap - heapBefore) / 2 ** 20, held: held.length }));
  process.exit(0);
}

const run = (id, mode) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', import.meta.filename, '--child', id, mode], { encoding: 'utf8', maxBuffer: 1 << 20 }));
const mb = (value, width) => value.toFixed(0).padStart(width);

const { EXPORT_FORMATS } = await import('../dist/modules/exports/export-formats.js');
process.stdout.write(`Export benchmark: ${ANNOTATIONS} annotations, ${os.cpus().length} cores, Node ${process.version}\n`);
process.stdout.write('Serializers, each in its own process (peak RSS and heap growth in MB; "whole" = the output joined into one string)\n');
process.stdout.write('format            seconds   output MB   RSS streamed   RSS whole   heap streamed   heap whole   heap whole/streamed\n');
const reference = run('reference', 'stream');
process.stdout.write(`${'reference'.padEnd(16)} ${reference.seconds.toFixed(2).padStart(8)} ${(reference.bytes / 2 ** 20).toFixed(1).padStart(11)} ${mb(reference.peakRssMb, 14)} ${''.padStart(11)} ${mb(reference.heapGrowthMb, 15)}\n`);
for (const { id } of EXPORT_FORMATS) {
  const streamed = run(id, 'stream');
  const whole = run(id, 'whole');
  const flag = streamed.seconds >= 5 ? '  OVER 5 s' : '';
  const ratio = whole.heapGrowthMb / Math.max(streamed.heapGrowthMb, 1);
  process.stdout.write(
    `${id.padEnd(16)} ${streamed.seconds.toFixed(2).padStart(8)} ${(streamed.bytes / 2 ** 20).toFixed(1).padStart(11)} ${mb(streamed.peakRssMb, 14)} ${mb(whole.peakRssMb, 11)} ${mb(streamed.heapGrowthMb, 15)} ${mb(whole.heapGrowthMb, 12)} ${`${ratio.toFixed(1)}x`.padStart(21)}${flag}\n`,
  );
}
await runHttpExportBench(buildSnapshot(ANNOTATIONS), EXPORT_FORMATS.map((format) => format.id));
