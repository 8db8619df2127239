import { afterEach, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { YjsSandbox } from './yjs-sandbox.js';

/** An untrusted update from a client of a notebook (no guard: any well-formed update). */
const FROM_CLIENT = { kind: 'notebook', author: 'client' };

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('markdown').insert(doc.getText('markdown').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Bytes Yjs cannot decode as an update ("Unexpected end of array"). */
const GARBAGE = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);

describe('YjsSandbox', () => {
  let sandbox: YjsSandbox;
  afterEach(async () => {
    await sandbox.close();
  });

  it('accepts good updates sent in one turn and refuses only the bad one among them', async () => {
    sandbox = new YjsSandbox({ deadlineMs: 5000, maxHeapMb: 128 });
    const author = new Y.Doc();
    const first = textUpdate(author, 'one ');
    const second = textUpdate(author, 'two ');
    const results = await Promise.allSettled([sandbox.apply('notebook', first, FROM_CLIENT), sandbox.apply('other', GARBAGE, FROM_CLIENT), sandbox.apply('notebook', second, FROM_CLIENT)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('checks the updates that arrive in one turn in a single round trip to the worker', async () => {
    sandbox = new YjsSandbox({ deadlineMs: 5000, maxHeapMb: 128 });
    const authors = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    await Promise.all(authors.map((author, index) => sandbox.apply('notebook', textUpdate(author, `editor ${index}`), FROM_CLIENT)));
    expect(sandbox.workerRequests).toBe(1);
    await sandbox.apply('notebook', textUpdate(authors[0]!, ' again'), FROM_CLIENT);
    expect(sandbox.workerRequests).toBe(2);
  });

  it('retries the updates queued behind a failure of the same document, against a reloaded mirror', async () => {
    const live = new Y.Doc();
    sandbox = new YjsSandbox({ deadlineMs: 5000, maxHeapMb: 128, liveState: () => ({ state: Y.encodeStateAsUpdate(live), kind: 'notebook' }) });
    const author = new Y.Doc();
    const good = textUpdate(author, 'kept');
    const results = await Promise.allSettled([sandbox.apply('notebook', GARBAGE, FROM_CLIENT), sandbox.apply('notebook', good, FROM_CLIENT)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('merges a long history into one state off the main thread', async () => {
    sandbox = new YjsSandbox({ deadlineMs: 5000, maxHeapMb: 128 });
    const author = new Y.Doc();
    const updates = Array.from({ length: 500 }, (_, index) => textUpdate(author, `${index} `));
    const merged = new Y.Doc();
    Y.applyUpdate(merged, await sandbox.merge(updates));
    expect(merged.getText('markdown').toJSON()).toBe(author.getText('markdown').toJSON());
  });
});
