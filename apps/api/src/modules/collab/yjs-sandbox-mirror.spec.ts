/**
 * The sandbox is only a check if its mirror holds what the live document will hold when the
 * update reaches it. Callers apply an accepted update to the live document in the
 * continuation of `apply` (as DocumentRegistry does); a mirror reloaded before those
 * continuations ran would miss the updates just accepted and pass an update that then
 * throws on the live document (found by collab-fuzz.int-spec.ts).
 */
import { afterEach, expect, it } from '@jest/globals';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { SandboxRefusal, YjsSandbox } from './yjs-sandbox.js';

/** An untrusted update from a client of a notebook (no guard: any well-formed update). */
const FROM_CLIENT = { kind: 'notebook', author: 'client' };

const DOC = 'notebook';
const AUTHOR = 0xabc;
const GARBAGE = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);

function authorUpdate(author: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(author);
  author.getText('markdown').insert(0, text);
  return Y.encodeStateAsUpdate(author, before);
}

/**
 * An item of AUTHOR's that follows AUTHOR's clock 0 and names a left origin AUTHOR never
 * wrote. Before clock 0 exists it waits as pending; after, Y.applyUpdate throws a TypeError.
 */
function forgedSuccessor(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // clients
  encoding.writeVarUint(encoder, 1); // structs of that client
  encoding.writeVarUint(encoder, AUTHOR);
  encoding.writeVarUint(encoder, 1); // clock
  encoding.writeUint8(encoder, 0x88); // has a left origin; content is ContentAny
  encoding.writeVarUint(encoder, AUTHOR);
  encoding.writeVarUint(encoder, 1000);
  encoding.writeVarUint(encoder, 1); // one value...
  encoding.writeUint8(encoder, 125); // ...an integer...
  encoding.writeVarInt(encoder, 1); // ...1
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

let sandbox: YjsSandbox;
afterEach(async () => {
  await sandbox.close();
});

it('reloads a mirror only after the updates it just accepted have reached the live document', async () => {
  const live = new Y.Doc();
  sandbox = new YjsSandbox({ deadlineMs: 5000, maxHeapMb: 128, liveState: () => ({ state: Y.encodeStateAsUpdate(live), kind: 'notebook' }) });
  const applyLikeTheRegistry = async (update: Uint8Array): Promise<void> => {
    await sandbox.apply(DOC, update, FROM_CLIENT);
    Y.applyUpdate(live, update);
  };
  const others = new Y.Doc();
  await applyLikeTheRegistry(authorUpdate(others, 'warm '));

  const author = new Y.Doc();
  author.clientID = AUTHOR;
  // The first keeps the worker busy; the next two then go together, and the refusal of the
  // second makes the sandbox reload the mirror right as the first of them is accepted.
  const busy = applyLikeTheRegistry(authorUpdate(others, 'busy '));
  const accepted = applyLikeTheRegistry(authorUpdate(author, 'a'));
  const refused = applyLikeTheRegistry(GARBAGE);
  await busy;
  const forged = applyLikeTheRegistry(forgedSuccessor());

  await expect(accepted).resolves.toBeUndefined();
  await expect(refused).rejects.toBeInstanceOf(SandboxRefusal);
  await expect(forged).rejects.toBeInstanceOf(SandboxRefusal);
  expect(live.getText('markdown').toJSON()).toBe('abusy warm ');
});
