/**
 * A plain Node client of the /collab protocol built only from yjs, y-protocols and
 * socket.io-client, speaking y-websocket's framing as any outside client would. Tests use
 * it to drive the real server over real sockets. With `singleMessageYEvents` it uses the
 * parser the web client uses instead of socket.io's default one.
 */
import { COLLAB_NAMESPACE, COLLAB_SOCKET_PATH, SESSION_COOKIE, Y_EVENT_FRAMES_QUERY, yEventParser, type Ack, type JoinAck } from '@marginalia/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { TestUser } from './api-client.js';

export interface ConnectOptions {
  token?: string;
  origin?: string;
  reconnection?: boolean;
  /** Speak `y` events as single binary messages, as the web client does (y-event-parser). */
  singleMessageYEvents?: boolean;
}

export function connectSocket(baseUrl: string, user: TestUser | null, options: ConnectOptions = {}): Socket {
  const headers: Record<string, string> = {};
  const cookie = user?.client.sessionCookie;
  if (cookie && !options.token) headers.cookie = `${SESSION_COOKIE}=${encodeURIComponent(cookie)}`;
  if (options.origin) headers.origin = options.origin;
  return io(`${baseUrl}${COLLAB_NAMESPACE}`, {
    path: COLLAB_SOCKET_PATH,
    transports: ['websocket'],
    extraHeaders: headers,
    auth: options.token ? { token: options.token } : {},
    reconnection: options.reconnection ?? false,
    forceNew: true,
    ...(options.singleMessageYEvents ? { parser: yEventParser, query: Y_EVENT_FRAMES_QUERY } : {}),
  });
}

/** Resolves on connect, rejects with the connect_error message ("unauthorized"...). */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
  });
}

/** One Yjs document synced over a socket, like y-websocket's provider does it. */
export class YClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readOnly = false;
  /** Acks of the updates this client sent, in order. */
  readonly acks: Ack[] = [];
  readonly errors: { error: string; message: string }[] = [];
  private readonly pendingAcks = new Set<Promise<Ack>>();
  private synced!: Promise<void>;

  constructor(
    readonly socket: Socket,
    readonly name: string,
  ) {
    socket.on('y', (doc: string, data: ArrayBuffer | Uint8Array) => {
      if (doc === this.name) this.receive(new Uint8Array(data));
    });
    socket.on('collab-error', (event: { doc?: string; error: string; message: string }) => {
      if (event.doc === undefined || event.doc === this.name) this.errors.push(event);
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(updateMessage(update));
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === this) return;
      const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
      this.socket.emit('y', this.name, frame((encoder) => {
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarUint8Array(encoder, payload);
      }));
    });
  }

  /** Joins, then resolves when the server's sync step 2 arrived (the document is loaded). */
  async join(): Promise<JoinAck> {
    let resolveSynced!: () => void;
    this.synced = new Promise((resolve) => (resolveSynced = resolve));
    this.onSynced = resolveSynced;
    const answer = (await this.socket.timeout(10_000).emitWithAck('join', { doc: this.name })) as JoinAck;
    if (!answer.ok) return answer;
    this.readOnly = answer.readOnly;
    this.send(
      frame((encoder) => {
        encoding.writeVarUint(encoder, 0);
        syncProtocol.writeSyncStep1(encoder, this.doc);
      }),
    );
    await this.synced;
    return answer;
  }

  /**
   * A client that carries on from `previous` over a new socket (after its server went away):
   * same document name, same local state, including edits the old server never acknowledged.
   * The state is applied silently; join() sends what the server lacks in its sync step 2.
   */
  static continuing(previous: YClient, socket: Socket): YClient {
    const client = new YClient(socket, previous.name);
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(previous.doc), client);
    return client;
  }

  /** Makes `change` as one transaction and resolves with the server's answer to that update. */
  edit(change: (doc: Y.Doc) => void): Promise<Ack> {
    this.lastUpdateAck = null;
    this.doc.transact(() => change(this.doc));
    // Set by send() while the transaction's update event ran.
    const ack = this.lastUpdateAck as Promise<Ack> | null;
    if (!ack) throw new Error('the change did not alter the document');
    return ack;
  }

  /**
   * Disconnects and destroys the document. Needed at the end of a test file: Awareness keeps
   * a timer running until its document is destroyed, and jest would wait for it forever.
   */
  close(): void {
    this.socket.disconnect();
    this.doc.destroy();
  }

  /** Resolves once every update sent so far has been answered. */
  async settled(): Promise<Ack[]> {
    await Promise.all([...this.pendingAcks]);
    return this.acks;
  }

  get text(): Y.Text {
    return this.doc.getText('markdown');
  }

  /** The notebook's Markdown as this client sees it. */
  get content(): string {
    return this.text.toJSON();
  }

  private onSynced: () => void = () => undefined;
  private lastUpdateAck: Promise<Ack> | null = null;

  private send(message: Uint8Array): void {
    const ack = this.socket.timeout(20_000).emitWithAck('y', this.name, message).then(
      (answer: Ack) => answer,
      (): Ack => ({ ok: false, error: 'unavailable', message: 'no answer' }),
    );
    const isUpdate = message[0] === 0 && message[1] !== 0;
    if (!isUpdate) return;
    this.lastUpdateAck = ack;
    this.pendingAcks.add(ack);
    void ack.then((answer) => {
      this.acks.push(answer);
      this.pendingAcks.delete(ack);
    });
  }

  private receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep2) this.onSynced();
    } else if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }
}

/** A YClient on `socket` once connected and joined to `doc` (synced); throws if the join is refused. */
export async function joinedClient(socket: Socket, doc: string): Promise<YClient> {
  await connected(socket);
  const client = new YClient(socket, doc);
  const answer = await client.join();
  if (!answer.ok) {
    client.close();
    throw new Error(`join failed: ${answer.error}`);
  }
  return client;
}

/** Polls until `check` passes (for convergence across sockets), failing after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function notebookOf(user: TestUser, workspaceId: string): Promise<string> {
  const response = await user.client.get<{ docName: string }>(`/workspaces/${workspaceId}/notebook`);
  if (response.status !== 200) throw new Error(`notebook: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.docName;
}
