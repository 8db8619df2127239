// pnpm bench:exports: every registered export format on a synthetic workspace of 10,000
// annotations (12 documents, a 60-tag codebook, 4 analysts, a 60-node map with ACH ratings,
// 300 threads), each in child processes of its own so memory is the format's own: once timed,
// then twice for memory (garbage collected every 16 chunks, so what counts is what is kept):
// streamed (chunks written out and dropped, as a download or a background job does) and held
// whole (the chunks joined into one string, which is what a serializer that builds its output
// whole keeps). The reference is plain JSON.stringify of the snapshot.
// Target: under 5 s each. Then end to end: the workspace imported through POST
// /workspaces/import into a scratch database, a direct download refused (it is over
// EXPORT_LIMITS), and each format run as a background job and downloaded. Asserts nothing.
// EXPORT_BENCH_FORMATS=<path to an export-formats.js> measures another build's serializers (an
// older commit's, for a before/after), EXPORT_BENCH_HTTP=0 skips the HTTP half.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { buildSnapshot } from './export-data.mjs';
import { runHttpExportBench } from './exports-http.bench.mjs';

const ANNOTATIONS = Number(process.env.EXPORT_BENCH_ANNOTATIONS ?? 10_000);
// Another build's export-formats.js (e.g. an older commit's, to compare serializers), and whether to run the HTTP half.
const FORMATS_MODULE = process.env.EXPORT_BENCH_FORMATS ? path.resolve(process.env.EXPORT_BENCH_FORMATS) : new URL('../dist/modules/exports/export-formats.js', import.meta.url).pathname;
const HTTP = process.env.EXPORT_BENCH_HTTP !== '0';

if (process.argv[2] === '--child') {
  const { EXPORT_FORMATS } = await import(FORMATS_MODULE);
  const snapshot = buildSnapshot(ANNOTATIONS);
  const [id, mode] = process.argv.slice(3);
  // Timing runs without forced collections; memory runs collect every few chunks, so what they
  // see is what is kept (one chunk and the serializer's own state, or everything held so far).
  const measureMemory = mode !== 'time';
  global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let chunks = 0;
  const started = performance.now();
  let bytes = 0;
  const held = [];
  const take = (chunk) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (mode === 'whole') held.push(chunk);
    chunks += 1;
    if (measureMemory && chunks % 16 === 0) {
      global.gc();
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  };
  if (id === 'reference') take(JSON.stringify(snapshot));
  else {
    const output = await EXPORT_FORMATS.find((format) => format.id === id).serialize(snapshot, {});
    if (typeof output === 'string' || output instanceof Uint8Array) take(output);
    else for await (const chunk of output) take(chunk);
  }
  // Held whole: one string (or buffer) of the entire output, as a whole-string serializer makes.
  if (mode === 'whole') held.splice(0, held.length, typeof held[0] === 'string' ? held.join('') : Buffer.concat(held.map((chunk) => Buffer.from(chunk))));
  const seconds = (performance.now() - started) / 1000;
  if (measureMemory) global.gc();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  process.stdout.write(JSON.stringify({ id, seconds, bytes, chunks, peakRssMb: process.resourceUsage().maxRSS / 1024, keptMb: (peakHeap - heapBefore) / 2 ** 20, held: held.length }));
  process.exit(0);
}

const run = (id, mode) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', import.meta.filename, '--child', id, mode], { encoding: 'utf8', maxBuffer: 1 << 20 }));
const mb = (value, width) => value.toFixed(1).padStart(width);

const { EXPORT_FORMATS } = await import(FORMATS_MODULE);
process.stdout.write(`Export benchmark: ${ANNOTATIONS} annotations, ${os.cpus().length} cores, Node ${process.version}, formats from ${path.relative(process.cwd(), FORMATS_MODULE)}\n`);
process.stdout.write('Serializers, each run in processes of its own. Peak memory kept while writing, in MB above the loaded snapshot:\n');
process.stdout.write('streamed = chunks written out and dropped (downloads, jobs); whole = the output held as one string, as a serializer building it whole does.\n');
process.stdout.write('format            seconds   output MB   chunks   peak RSS MB   kept streamed   kept whole   whole/streamed\n');
for (const id of ['reference', ...EXPORT_FORMATS.map((format) => format.id)]) {
  const timed = run(id, 'time');
  // The reference holds its one string: that is all it does.
  const streamed = run(id, id === 'reference' ? 'whole' : 'stream');
  const whole = id === 'reference' ? streamed : run(id, 'whole');
  const flag = id !== 'reference' && timed.seconds >= 5 ? '  OVER 5 s' : '';
  const ratio = id === 'reference' ? '' : `${(whole.keptMb / Math.max(streamed.keptMb, 0.1)).toFixed(1)}x`;
  process.stdout.write(
    `${id.padEnd(16)} ${timed.seconds.toFixed(2).padStart(8)} ${(timed.bytes / 2 ** 20).toFixed(1).padStart(11)} ${String(timed.chunks).padStart(8)} ${timed.peakRssMb.toFixed(0).padStart(13)} ${mb(streamed.keptMb, 15)} ${mb(whole.keptMb, 12)} ${ratio.padStart(16)}${flag}\n`,
  );
}
if (HTTP) await runHttpExportBench(buildSnapshot(ANNOTATIONS), EXPORT_FORMATS.map((format) => format.id));
