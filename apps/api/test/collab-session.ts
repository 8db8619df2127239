/**
 * Bookkeeping for collab integration tests on top of collab-client.ts: every socket and
 * YClient a test opens is remembered and torn down in afterAll (a YClient's Awareness runs an
 * interval timer that would otherwise keep jest alive), plus small helpers to await one
 * server event, send a raw frame and read what Postgres holds for a document.
 */
import type { Ack, JoinAck } from '@marginalia/shared';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import type { TestUser } from './api-client.js';
import { connectSocket, connected, frame, updateMessage, YClient, type ConnectOptions } from './collab-client.js';

export class CollabSession {
  private readonly sockets: Socket[] = [];
  private readonly clients: YClient[] = [];

  constructor(private readonly baseUrl: string) {}

  /** A socket that may or may not get through the handshake (see `connected`). */
  open(user: TestUser | null, options: ConnectOptions = {}): Socket {
    const socket = connectSocket(this.baseUrl, user, options);
    this.sockets.push(socket);
    return socket;
  }

  async socket(user: TestUser | null, options: ConnectOptions = {}): Promise<Socket> {
    const socket = this.open(user, options);
    await connected(socket);
    return socket;
  }

  /** A YClient that has joined `doc` and synced; throws if the join is refused. */
  async client(user: TestUser, doc: string, socket?: Socket): Promise<YClient> {
    const client = this.track(new YClient(socket ?? (await this.socket(user)), doc));
    const answer = await client.join();
    if (!answer.ok) throw new Error(`join of ${doc} refused: ${answer.error}`);
    return client;
  }

  /** Registers a YClient built elsewhere so close() destroys it too. */
  track(client: YClient): YClient {
    this.clients.push(client);
    return client;
  }

  close(): void {
    for (const client of this.clients.splice(0)) {
      client.awareness.destroy();
      client.doc.destroy();
    }
    for (const socket of this.sockets.splice(0)) socket.disconnect();
  }
}

/** Sends one raw `y` frame and resolves with the server's answer. */
export function sendFrame(socket: Socket, doc: unknown, data: unknown): Promise<Ack> {
  return socket.timeout(15_000).emitWithAck('y', doc, data) as Promise<Ack>;
}

export function join(socket: Socket, body: unknown): Promise<JoinAck> {
  return socket.timeout(10_000).emitWithAck('join', body) as Promise<JoinAck>;
}

export function subscribe(socket: Socket, body: unknown): Promise<Ack> {
  return socket.timeout(10_000).emitWithAck('subscribe', body) as Promise<Ack>;
}

/** The next `event` on `socket` that `matches`, or a rejection after `ms`. */
export function nextEvent<T>(socket: Socket, event: string, matches: (payload: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (payload: T): void => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching '${event}' within ${ms} ms`));
    }, ms);
    socket.on(event, listener);
  });
}

/** An update inserting `text` at the start of the notebook, from a document of its own. */
export function standaloneInsert(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('markdown').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const payload = frame((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, JSON.stringify(entry.state));
    }
  });
  return frame((encoder) => {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

export { updateMessage };

export async function storedRows(dataSource: DataSource, doc: string): Promise<{ updates: number; snapshots: number; folded: number }> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM collab_updates WHERE document_name = $1) AS updates,
            (SELECT count(*)::int FROM collab_snapshots WHERE document_name = $1) AS snapshots,
            (SELECT coalesce(sum(folded_updates), 0)::int FROM collab_snapshots WHERE document_name = $1) AS folded`,
    [doc],
  )) as [{ updates: number; snapshots: number; folded: number }];
  return row;
}

/** The document as Postgres holds it: snapshot plus later updates, applied to a fresh Y.Doc. */
export async function storedDocument(dataSource: DataSource, doc: string): Promise<Y.Doc> {
  const snapshots = (await dataSource.query(`SELECT state FROM collab_snapshots WHERE document_name = $1`, [doc])) as { state: Buffer }[];
  const rows = (await dataSource.query(`SELECT "update" FROM collab_updates WHERE document_name = $1 ORDER BY id`, [doc])) as { update: Buffer }[];
  const stored = new Y.Doc();
  for (const row of [...snapshots.map((s) => s.state), ...rows.map((r) => r.update)]) Y.applyUpdate(stored, new Uint8Array(row));
  return stored;
}
