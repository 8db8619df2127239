/**
 * Fuzzing /collab: two clients send thousands of random and mutated frames (random bytes;
 * valid frames with bytes flipped, cut or extended; well-framed updates with mutated
 * payloads; awareness with random JSON; random message types and arguments; random join and
 * subscribe bodies) while an honest editor keeps editing and a viewer watches. One fuzzer is
 * a read-only member, so nothing it sends may change the document; the other may edit, so
 * updates that happen to be valid get in, but only into its own root types.
 *
 * Afterwards: every frame was answered with a named refusal or ok (never an internal
 * error), the server still serves, the honest clients converge on exactly the honest edits,
 * and the document loaded afresh from Postgres is the same.
 *
 * The PRNG seed is in the test name; rerun one with COLLAB_FUZZ_SEED=<seed>.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COLLAB_ERRORS, type Ack } from '@marginalia/shared';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DocumentRegistry } from '../src/modules/collab/document-registry.service.js';
import { eventually, frame, notebookOf } from './collab-client.js';
import { awarenessMessage, CollabSession, join, storedDocument, updateMessage } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, registerCast, type Cast } from './fixtures.js';

const SEED = Number(process.env.COLLAB_FUZZ_SEED ?? 0x5eed_2024);
const FRAMES = 4000;
const IN_FLIGHT = 48;
const HONEST_EDIT_EVERY = 40;
const VIEWER_FUZZER_CLIENT = 0xbeef1;
const EDITOR_FUZZER_CLIENT = 0xf0220;

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let random = prng(SEED);
const below = (n: number): number => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;

function randomBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, () => below(256));
}

function randomJson(depth = 0): unknown {
  switch (below(depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return below(2) === 0;
    case 2:
      return pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), Number.MAX_SAFE_INTEGER]);
    case 3:
      return pick(['', 'x', '\u0000', '😀', '<script>', 'a'.repeat(below(300))]);
    case 4:
      return pick([[], {}, 'user', 'cursor']);
    case 5:
      return Array.from({ length: below(4) }, () => randomJson(depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: below(4) }, () => [pick(['user', 'cursor', 'name', '__proto__', 'x']), randomJson(depth + 1)]));
  }
}

function mutate(bytes: Uint8Array): Uint8Array {
  const copy = [...bytes];
  switch (below(5)) {
    case 0: // flip a few bytes
      for (let flips = 1 + below(3); flips > 0 && copy.length > 0; flips--) copy[below(copy.length)] = below(256);
      return Uint8Array.from(copy);
    case 1: // truncate
      return Uint8Array.from(copy.slice(0, below(copy.length + 1)));
    case 2: // extend
      return Uint8Array.from([...copy, ...randomBytes(1 + below(8))]);
    case 3: // insert a byte
      copy.splice(below(copy.length + 1), 0, below(256));
      return Uint8Array.from(copy);
    default: // duplicate a slice
      return Uint8Array.from([...copy, ...copy.slice(below(copy.length + 1))]);
  }
}

/** What one fuzzer can send that is valid, built from a document of its own. */
class ValidFrames {
  readonly doc = new Y.Doc();
  readonly updates: Uint8Array[] = [];

  constructor(clientId: number) {
    this.doc.clientID = clientId;
    this.doc.on('update', (update: Uint8Array) => this.updates.push(update));
  }

  /** A fresh valid update to the fuzzer's own root types (never the notebook's `markdown`). */
  change(): Uint8Array {
    switch (below(3)) {
      case 0:
        this.doc.getMap('fuzz-map').set(`k${below(20)}`, randomJson());
        break;
      case 1: {
        const text = this.doc.getText('fuzz-text');
        text.insert(below(text.length + 1), pick(['a', 'bc', '😀', 'def ']));
        break;
      }
      default:
        this.doc.getArray('fuzz-list').push([below(1000)]);
    }
    return this.updates.at(-1)!;
  }

  frame(): Uint8Array {
    switch (below(5)) {
      case 0:
        return frame((encoder) => {
          encoding.writeVarUint(encoder, 0);
          syncProtocol.writeSyncStep1(encoder, this.doc);
        });
      case 1:
        return frame((encoder) => {
          encoding.writeVarUint(encoder, 0);
          syncProtocol.writeSyncStep2(encoder, this.doc);
        });
      case 2:
        return awarenessMessage([{ clientId: this.doc.clientID, clock: 1 + below(1000), state: randomJson() }]);
      default:
        return updateMessage(this.updates.length > 0 && below(3) === 0 ? pick(this.updates) : this.change());
    }
  }
}

type Sent = { event: 'y'; doc: unknown; data: unknown } | { event: 'join' | 'subscribe'; body: unknown };

function fuzzMessage(valid: ValidFrames, notebook: string): Sent {
  const doc = below(20) === 0 ? pick([`notebook-${below(1e6)}`, '', 42, null, { doc: notebook }]) : notebook;
  switch (below(12)) {
    case 0:
      return { event: 'y', doc, data: randomBytes(below(64)) };
    case 1:
    case 2:
    case 3:
      return { event: 'y', doc, data: mutate(valid.frame()) };
    case 4:
    case 5:
      return { event: 'y', doc, data: updateMessage(mutate(below(2) === 0 ? valid.change() : pick(valid.updates.length > 0 ? valid.updates : [valid.change()]))) };
    case 6:
      return {
        event: 'y',
        doc,
        data: awarenessMessage(Array.from({ length: below(3) }, () => ({ clientId: pick([valid.doc.clientID, below(2 ** 32), 0]), clock: below(2 ** 31), state: randomJson() }))),
      };
    case 7:
      return { event: 'y', doc, data: Uint8Array.from([1 + below(300) + 1, ...randomBytes(below(16))]) };
    case 8:
      return { event: 'y', doc, data: pick([randomJson(), 'frame', 12, null, [1, 2, 3]]) };
    case 9:
      return below(2) === 0 ? { event: 'join', body: pick([randomJson(), { doc: randomJson() }, { doc: `notebook-${below(1e6)}` }]) } : { event: 'subscribe', body: pick([randomJson(), { workspaceId: randomJson() }]) };
    default:
      return { event: 'y', doc, data: valid.frame() };
  }
}

function send(socket: Socket, message: Sent): Promise<Ack> {
  const timed = socket.timeout(15_000);
  return (message.event === 'y' ? timed.emitWithAck('y', message.doc, message.data) : timed.emitWithAck(message.event, message.body)) as Promise<Ack>;
}

let app: TestApp;
let session: CollabSession;
let cast: Cast;
let notebook: string;

beforeAll(async () => {
  app = await createTestApp({
    // The fuzzers must reach the decoder and the sandbox, not stop at the rate limits.
    COLLAB_UPDATES_PER_SECOND: '1000000',
    COLLAB_UPDATE_BURST: '1000000',
    COLLAB_AWARENESS_PER_SECOND: '1000000',
    COLLAB_AWARENESS_BURST: '1000000',
    COLLAB_UNLOAD_AFTER_MS: '100',
  });
  session = new CollabSession(app.baseUrl);
  cast = await registerCast(app.baseUrl, 'fuzz');
  notebook = await notebookOf(cast.owner, await createCastWorkspace(cast, 'Fuzzed'));
});

afterAll(async () => {
  session.close();
  await app.close();
});

describe(`fuzzing /collab (seed ${SEED})`, () => {
  it(`answers ${FRAMES} random and mutated frames with named refusals, and only honest edits reach the notebook (seed ${SEED})`, async () => {
    const editor = await session.client(cast.editor, notebook);
    const watcher = await session.client(cast.viewer, notebook);
    const readOnlyFuzzer = await session.socket(cast.commenter);
    const editingFuzzer = await session.socket(cast.admin);
    expect(await join(readOnlyFuzzer, { doc: notebook })).toEqual({ ok: true, readOnly: true });
    expect(await join(editingFuzzer, { doc: notebook })).toEqual({ ok: true, readOnly: false });
    const fuzzers = [
      { socket: readOnlyFuzzer, valid: new ValidFrames(VIEWER_FUZZER_CLIENT) },
      { socket: editingFuzzer, valid: new ValidFrames(EDITOR_FUZZER_CLIENT) },
    ];

    // Planned up front, so the frames depend on the seed only, not on how the sends interleave.
    const plan = Array.from({ length: FRAMES }, (_, index) => fuzzMessage(fuzzers[index % 2]!.valid, notebook));
    random = prng(SEED + 1);
    let expected = '';
    let edits = 0;
    const honestEdit = (): void => {
      const text = editor.text;
      if (expected.length > 20 && below(4) === 0) {
        const start = below(expected.length - 5);
        const length = 1 + below(5);
        text.delete(start, length);
        expected = expected.slice(0, start) + expected.slice(start + length);
      } else {
        const insertion = `<e${edits++}>`;
        const at = below(expected.length + 1);
        text.insert(at, insertion);
        expected = expected.slice(0, at) + insertion + expected.slice(at);
      }
    };

    const answers = new Map<string, number>();
    let nextFrame = 0;
    const pump = async (): Promise<void> => {
      while (nextFrame < FRAMES) {
        const index = nextFrame++;
        if (index % HONEST_EDIT_EVERY === 0) honestEdit();
        const fuzzer = fuzzers[index % 2]!;
        const message = plan[index]!;
        const answer = await send(fuzzer.socket, message);
        const key = answer.ok ? 'ok' : answer.error;
        answers.set(key, (answers.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, pump));

    // Every frame answered, with codes from the protocol and never an internal error.
    expect([...answers.values()].reduce((sum, count) => sum + count, 0)).toBe(FRAMES);
    expect([...answers.keys()].filter((key) => key !== 'ok' && !(COLLAB_ERRORS as readonly string[]).includes(key))).toEqual([]);
    expect(answers.get('unavailable') ?? 0).toBe(0);
    // The fuzz reached every layer: framing, decoding, the sandbox, the read-only check.
    expect([...answers.keys()]).toEqual(expect.arrayContaining(['ok', 'malformed', 'unknown_message', 'invalid_update', 'read_only', 'not_joined', 'not_found']));
    expect(readOnlyFuzzer.connected && editingFuzzer.connected).toBe(true);

    // The server still serves: health, and a new connection that joins.
    const health = await fetch(`${app.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const latecomer = await session.client(cast.owner, notebook);

    const acks = await editor.settled();
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    await eventually(() => watcher.text.toJSON() === expected && latecomer.text.toJSON() === expected, 10_000, 'honest clients to converge on the honest edits');
    expect(editor.text.toJSON()).toBe(expected);
    expect(Y.encodeStateVector(watcher.doc)).toEqual(Y.encodeStateVector(editor.doc));

    // Loaded afresh from Postgres once everyone has left and the server unloaded it.
    for (const socket of [editor.socket, watcher.socket, latecomer.socket, readOnlyFuzzer, editingFuzzer]) socket.disconnect();
    const registry = app.get(DocumentRegistry);
    await eventually(() => registry.get(notebook) === undefined, 10_000, 'the notebook to unload');
    const reloaded = await session.client(cast.owner, notebook);
    expect(reloaded.text.toJSON()).toBe(expected);
    // Only the honest client's part is compared: the editing fuzzer forges ids of its own
    // client, and replicas can then disagree about which of its items exist (open question).
    const honestClock = (doc: Y.Doc): number | undefined => Y.decodeStateVector(Y.encodeStateVector(doc)).get(editor.doc.clientID);
    expect(honestClock(reloaded.doc)).toBe(honestClock(editor.doc));
    const stored = await storedDocument(app.dataSource, notebook);
    expect(stored.getText('markdown').toJSON()).toBe(expected);
    expect(Y.decodeStateVector(Y.encodeStateVector(stored)).has(VIEWER_FUZZER_CLIENT)).toBe(false);
    stored.destroy();
  }, 90_000);
});
