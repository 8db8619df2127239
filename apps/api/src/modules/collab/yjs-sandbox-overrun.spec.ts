/**
 * The sandbox against updates that really run away: a valid update that is quadratic to
 * apply (test/yjs-bombs.ts) overruns the deadline, or with a small heap crashes the worker.
 * Either way only that update is refused, and the replacement worker serves the rest.
 * Runs the compiled worker from dist/ (the test script builds first).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { nestingBomb } from '../../../test/yjs-bombs.js';
import { SandboxRefusal, YjsSandbox } from './yjs-sandbox.js';

/** An untrusted update from a client of a notebook (no guard: any well-formed update). */
const FROM_CLIENT = { kind: 'notebook', author: 'client' };

const DOC = 'notebook';
const { setup, bomb } = nestingBomb(12_000);

function appendText(author: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(author);
  author.getText('markdown').insert(author.getText('markdown').length, text);
  return Y.encodeStateAsUpdate(author, before);
}

/** A live document that already holds the nested arrays the bomb adds to. */
function liveWithSetup(): Y.Doc {
  const live = new Y.Doc();
  Y.applyUpdate(live, setup);
  return live;
}

describe('YjsSandbox with runaway updates', () => {
  let sandbox: YjsSandbox;
  afterEach(async () => {
    await sandbox.close();
  });

  it('refuses an update that overruns the deadline and accepts the next one on a new worker', async () => {
    const live = liveWithSetup();
    sandbox = new YjsSandbox({ deadlineMs: 500, maxHeapMb: 4096, liveState: () => ({ state: Y.encodeStateAsUpdate(live), kind: 'notebook' }) });
    const refusal = await sandbox.apply(DOC, bomb, FROM_CLIENT).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SandboxRefusal);
    expect(refusal).toMatchObject({ reason: 'deadline' });
    expect(sandbox.replacedWorkers).toBe(1);
    await expect(sandbox.apply(DOC, appendText(new Y.Doc(), 'still served'), FROM_CLIENT)).resolves.toEqual([]);
    expect(sandbox.replacedWorkers).toBe(1);
  });

  it('refuses an update that exhausts the worker heap, without taking the process with it', async () => {
    const live = liveWithSetup();
    sandbox = new YjsSandbox({ deadlineMs: 60_000, maxHeapMb: 64, liveState: () => ({ state: Y.encodeStateAsUpdate(live), kind: 'notebook' }) });
    const refusal = await sandbox.apply(DOC, bomb, FROM_CLIENT).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ reason: 'crashed' });
    expect(sandbox.replacedWorkers).toBe(1);
    await expect(sandbox.apply(DOC, appendText(new Y.Doc(), 'still served'), FROM_CLIENT)).resolves.toEqual([]);
  });

  it('when the runaway update arrived in a batch, refuses only it and accepts its batch mates', async () => {
    const live = liveWithSetup();
    sandbox = new YjsSandbox({ deadlineMs: 500, maxHeapMb: 4096, liveState: () => ({ state: Y.encodeStateAsUpdate(live), kind: 'notebook' }) });
    const author = new Y.Doc();
    // The first keeps the worker busy, so the next three wait and go together as one batch.
    const results = await Promise.allSettled([
      sandbox.apply(DOC, appendText(author, 'first '), FROM_CLIENT),
      sandbox.apply(DOC, appendText(author, 'before '), FROM_CLIENT),
      sandbox.apply(DOC, bomb, FROM_CLIENT),
      sandbox.apply('other', appendText(new Y.Doc(), 'elsewhere'), FROM_CLIENT),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ reason: 'deadline' });
  });
});
