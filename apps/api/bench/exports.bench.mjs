// pnpm bench:exports: every registered export format on a synthetic workspace of 10,000
// annotations (12 documents, a 60-tag codebook, 4 analysts, a 60-node map with ACH ratings,
// 300 threads), each in its own child process so peak RSS is the format's own; the reference is
// plain JSON.stringify of the snapshot. Target: under 5 s each. Asserts nothing; not a test.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

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

function buildSnapshot(annotationCount) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const uuid = (n, kind) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const time = '2026-01-01T00:00:00.000Z';
  const members = Array.from({ length: 4 }, (_, i) => ({ id: uuid(i, 1), displayName: `Analyst ${i} 😀`, role: i === 0 ? 'owner' : 'editor' }));
  const sentence = 'The ministry called on society, once more, to "help" catch spies 𠀋 and report them. ';
  const documents = Array.from({ length: 12 }, (_, d) => {
    const text = sentence.repeat(600);
    const length = Array.from(text).length;
    const passages = Array.from({ length: 60 }, (_, p) => ({ index: p, start: Math.floor((p * length) / 60), end: Math.floor(((p + 1) * length) / 60) }));
    return { id: uuid(d, 2), title: `Article ${d}`, source: 'Wire', author: null, publishedOn: '2023-08-01', url: null, language: 'en', fields: {}, sourceFilename: null, createdAt: time, text, passages };
  });
  const tags = Array.from({ length: 60 }, (_, t) => ({ id: uuid(t, 3), parentId: t < 10 ? null : uuid(t % 10, 3), position: t, name: `Tag ${t}`, color: '#336699', definition: `Definition of tag ${t}.`, inclusion: '', exclusion: '', examples: [] }));
  const annotations = Array.from({ length: annotationCount }, (_, a) => {
    const document = documents[a % documents.length];
    const points = Array.from(document.text);
    const start = Math.floor(random() * (points.length - 200));
    const end = start + 20 + Math.floor(random() * 150);
    return {
      id: uuid(a, 4),
      documentId: document.id,
      start,
      end,
      exact: points.slice(start, end).join(''),
      prefix: points.slice(Math.max(0, start - 32), start).join(''),
      suffix: points.slice(end, end + 32).join(''),
      tagIds: [tags[a % 60].id, ...(a % 3 === 0 ? [tags[(a + 7) % 60].id] : [])],
      memo: a % 5 === 0 ? 'A memo, with "quotes".' : null,
      kind: 'analyst',
      analystId: members[a % 4].id,
      createdAt: time,
      updatedAt: time,
    };
  });
  const nodes = Array.from({ length: 60 }, (_, n) => ({
    id: uuid(n, 5),
    kind: n === 0 ? 'question' : n < 9 ? 'explanation' : 'evidence',
    text: `Node ${n}`,
    details: '',
    x: n * 10,
    y: 0,
    confidence: null,
    createdBy: members[0].id,
    createdAt: time,
    actors: {},
    evidence: [],
  }));
  const edges = nodes.slice(1).map((node, i) => ({ id: uuid(i, 6), kind: node.kind === 'explanation' ? 'answers' : 'supports', source: node.id, target: node.kind === 'explanation' ? nodes[0].id : nodes[1 + (i % 8)].id, createdBy: members[0].id }));
  const ratings = [];
  for (const h of nodes.slice(1, 9)) for (const e of nodes.slice(9)) for (const m of members) ratings.push({ hypothesisId: h.id, evidenceId: e.id, userId: m.id, rating: ['CC', 'C', 'N', 'I', 'II'][Math.floor(random() * 5)] });
  const maps = [{ id: uuid(0, 7), title: 'Why now?', archived: false, createdBy: members[0].id, createdAt: time, nodes, edges, ratings, weights: [], settings: { blindRatings: false, ratingsRevealed: false } }];
  const threads = Array.from({ length: 300 }, (_, t) => ({
    id: uuid(t, 8),
    anchor: { kind: 'annotation', documentId: annotations[t].documentId, start: null, end: null, quote: null, annotationId: annotations[t].id, tagId: null, mapId: null, elementId: null, evidenceId: null, label: `Thread ${t}` },
    orphaned: false,
    createdBy: members[t % 4].id,
    createdAt: time,
    resolvedAt: t % 2 ? time : null,
    resolvedBy: t % 2 ? members[0].id : null,
    comments: Array.from({ length: 3 }, (_, c) => ({ id: uuid(t * 3 + c, 9), authorId: members[c].id, body: `Comment ${c}`, createdAt: time, editedAt: null, deletedAt: null })),
  }));
  return { formatVersion: 1, generator: 'bench', exportedAt: time, workspace: { id: uuid(0, 10), name: 'Bench', description: '', createdAt: time }, members, documents, actors: [], attributions: [], codebook: { tags }, annotations, maps, threads, notebook: { markdown: '# Notes\n\nSome notes.' } };
}
