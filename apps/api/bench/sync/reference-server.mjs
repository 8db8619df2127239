// The reference Yjs server, run as its own process by the sync benchmark: Hocuspocus 4 with
// its defaults (updates broadcast merged once per event-loop pass, flushDelay 0). It keeps
// documents in memory only: it acknowledges an update (SyncStatus) once applied, not once
// durable. For the cold-load measurement it loads a document from a file holding one
// compacted Yjs update (what @hocuspocus/extension-database stores): every document whose
// name starts with SYNC_BENCH_SEED_PREFIX starts from SYNC_BENCH_SEED_FILE.
//   env: PORT (0 = any), SYNC_BENCH_SEED_PREFIX, SYNC_BENCH_SEED_FILE
import { readFile } from 'node:fs/promises';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';

const seedPrefix = process.env.SYNC_BENCH_SEED_PREFIX;
const seedFile = process.env.SYNC_BENCH_SEED_FILE;

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  async onLoadDocument({ documentName, document }) {
    if (seedPrefix && seedFile && documentName.startsWith(seedPrefix)) Y.applyUpdate(document, await readFile(seedFile));
    return document;
  },
});

await server.listen();
process.stdout.write(`LISTENING ${server.address.port}\n`);
