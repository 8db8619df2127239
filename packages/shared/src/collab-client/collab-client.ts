/**
 * The real-time client: one socket, many documents and workspace subscriptions over it.
 * Documents and subscriptions are shared and reference-counted, so two screens showing the
 * same notebook edit the same Y.Doc. A released document lingers until its edits are saved:
 * leaving a page while offline does not throw work away.
 */
import type { Ack, CollabErrorEvent, JoinAck } from '../protocol/collab.js';
import { CollabConnection, type ConnectionOptions, type ConnectionStatus } from './connection.js';
import { DocSession } from './doc-session.js';
import { asBytes } from './frames.js';
import { Listeners, type Unsubscribe } from './listeners.js';
import type { OfflineOutbox } from './offline-outbox.js';
import type { AckCallback, CollabTransport } from './transport.js';
import { WorkspaceSubscription } from './workspace-subscription.js';
import { startTimer, stopTimer, type Timer } from './timers.js';

export interface CollabClientOptions extends ConnectionOptions {
  /** How long to wait for an acknowledgement before treating it as lost. */
  ackTimeoutMs?: number;
  /** How long a released document stays joined, in case a screen opens it again. */
  lingerMs?: number;
  /** Where unsaved edits outlive the page (IndexedDbOutbox in browsers); none: memory only. */
  outbox?: OfflineOutbox;
}

export interface CollabStatus extends ConnectionStatus {
  /** Local document changes, over all open documents, not yet stored by the server. */
  pendingUpdates: number;
  /** There are unsaved changes and every one is also kept in the offline outbox (see DocSessionSnapshot). */
  unsavedKeptOffline: boolean;
}

/** A document in use; `release()` once the screen no longer needs it. */
export interface DocHandle {
  session: DocSession;
  release(): void;
}

export interface WorkspaceHandle {
  subscription: WorkspaceSubscription;
  release(): void;
}

interface Shared<T> {
  value: T;
  refs: number;
  lingerTimer: Timer | null;
  stopWatching: Unsubscribe | null;
}

const DEFAULT_ACK_TIMEOUT_MS = 15_000;
const DEFAULT_LINGER_MS = 2_000;

export class CollabClient {
  private readonly connection: CollabConnection;
  private readonly docs = new Map<string, Shared<DocSession>>();
  private readonly workspaces = new Map<string, Shared<WorkspaceSubscription>>();
  private readonly statusChanges = new Listeners<CollabStatus>();
  private readonly errors = new Listeners<CollabErrorEvent>();
  private readonly transport: CollabTransport;
  private readonly lingerMs: number;
  private readonly outbox: OfflineOutbox | null;
  private status: CollabStatus;
  private destroyed = false;

  constructor(options: CollabClientOptions = {}) {
    this.connection = new CollabConnection(options);
    this.lingerMs = options.lingerMs ?? DEFAULT_LINGER_MS;
    this.outbox = options.outbox ?? null;
    this.transport = createTransport(this.connection, options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS);
    this.status = { ...this.connection.getStatus(), pendingUpdates: 0, unsavedKeptOffline: false };
    this.connection.onStatus(() => {
      this.refreshStatus();
    });
    this.connection.onConnect(() => {
      for (const { value } of this.docs.values()) value.handleConnected();
      for (const { value } of this.workspaces.values()) value.handleConnected();
    });
    this.connection.onDisconnect(() => {
      for (const { value } of this.docs.values()) value.handleDisconnected();
      for (const { value } of this.workspaces.values()) value.handleDisconnected();
    });
    this.routeServerEvents();
  }

  /** Opens the connection (and reopens it after `disconnect()`). */
  connect(): void {
    if (!this.destroyed) this.connection.start();
  }

  /** Closes the connection; documents stay open and resync on the next `connect()`. */
  disconnect(): void {
    this.connection.stop();
  }

  retryNow(): void {
    this.connection.retryNow();
  }

  getStatus(): CollabStatus {
    return this.status;
  }

  onStatus(listener: (status: CollabStatus) => void): Unsubscribe {
    return this.statusChanges.add(listener);
  }

  /** Errors the server reported outside any acknowledgement. */
  onError(listener: (event: CollabErrorEvent) => void): Unsubscribe {
    return this.errors.add(listener);
  }

  openDoc(name: string): DocHandle {
    const shared = this.acquire(this.docs, name, () => {
      const session = new DocSession(name, this.transport, this.outbox);
      if (this.connection.socket.connected) session.handleConnected();
      return session;
    });
    shared.stopWatching ??= shared.value.onChange(() => {
      this.refreshStatus();
    });
    return { session: shared.value, release: once(() => this.releaseDoc(name, shared)) };
  }

  subscribeWorkspace(workspaceId: string): WorkspaceHandle {
    const shared = this.acquire(this.workspaces, workspaceId, () => {
      const subscription = new WorkspaceSubscription(workspaceId, this.transport);
      if (this.connection.socket.connected) subscription.handleConnected();
      return subscription;
    });
    return {
      subscription: shared.value,
      release: once(() => {
        if (--shared.refs > 0 || this.workspaces.get(workspaceId) !== shared) return;
        this.workspaces.delete(workspaceId);
        shared.value.close();
      }),
    };
  }

  /** Leaves every document, ends every subscription and closes the socket for good. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const shared of this.docs.values()) closeDoc(shared);
    for (const shared of this.workspaces.values()) shared.value.close();
    this.docs.clear();
    this.workspaces.clear();
    this.connection.stop();
    this.connection.socket.removeAllListeners();
    this.statusChanges.clear();
    this.errors.clear();
  }

  private acquire<T>(registry: Map<string, Shared<T>>, key: string, create: () => T): Shared<T> {
    if (this.destroyed) throw new Error('the collab client was destroyed');
    let shared = registry.get(key);
    if (!shared) {
      shared = { value: create(), refs: 0, lingerTimer: null, stopWatching: null };
      registry.set(key, shared);
    }
    shared.refs++;
    stopTimer(shared.lingerTimer);
    shared.lingerTimer = null;
    return shared;
  }

  private releaseDoc(name: string, shared: Shared<DocSession>): void {
    if (--shared.refs > 0) return;
    const closeWhenSaved = () => {
      if (shared.refs > 0 || this.docs.get(name) !== shared) return;
      // Unsaved edits keep the document open (and joined again after reconnection) until stored.
      if (shared.value.getSnapshot().pendingUpdates > 0) {
        shared.lingerTimer = startTimer(closeWhenSaved, this.lingerMs);
        return;
      }
      this.docs.delete(name);
      closeDoc(shared);
      this.refreshStatus();
    };
    shared.lingerTimer = startTimer(closeWhenSaved, this.lingerMs);
  }

  private routeServerEvents(): void {
    const socket = this.connection.socket;
    socket.on('y', (doc, frame) => {
      const bytes = asBytes(frame);
      if (bytes) this.docs.get(doc)?.value.handleFrame(bytes);
    });
    socket.on('access', (change) => {
      this.docs.get(change.doc)?.value.handleAccess(change);
    });
    socket.on('workspace-event', (event) => {
      this.workspaces.get(event.workspaceId)?.value.handleEvent(event);
    });
    socket.on('presence', (presence) => {
      this.workspaces.get(presence.workspaceId)?.value.handlePresence(presence);
    });
    socket.on('typing', (event) => {
      this.workspaces.get(event.workspaceId)?.value.handleTyping(event);
    });
    socket.on('unsubscribed', ({ workspaceId }) => {
      this.workspaces.get(workspaceId)?.value.handleUnsubscribed();
    });
    socket.on('collab-error', (event) => {
      if (event.doc !== undefined) this.docs.get(event.doc)?.value.handleError(event);
      this.errors.emit(event);
    });
  }

  private refreshStatus(): void {
    let pendingUpdates = 0;
    let allKeptOffline = true;
    for (const { value } of this.docs.values()) {
      const snapshot = value.getSnapshot();
      pendingUpdates += snapshot.pendingUpdates;
      if (snapshot.pendingUpdates > 0 && !snapshot.unsavedKeptOffline) allKeptOffline = false;
    }
    const connection = this.connection.getStatus();
    const previous = this.status;
    const next: CollabStatus = { ...connection, pendingUpdates, unsavedKeptOffline: pendingUpdates > 0 && allKeptOffline };
    if ((Object.keys(next) as (keyof CollabStatus)[]).every((key) => next[key] === previous[key])) return;
    this.status = next;
    this.statusChanges.emit(next);
  }
}

function closeDoc(shared: Shared<DocSession>): void {
  stopTimer(shared.lingerTimer);
  shared.stopWatching?.();
  shared.value.close();
}

function once(run: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    run();
  };
}

/** The wire calls, in one place. Emits are dropped while disconnected: socket.io would buffer them. */
function createTransport(connection: CollabConnection, ackTimeoutMs: number): CollabTransport {
  const socket = connection.socket;
  const withTimeout = <T>(ack: AckCallback<T>) => {
    return (error: Error | null, answer: T) => {
      ack(error ? null : answer);
    };
  };
  return {
    get connected() {
      return socket.connected;
    },
    join(doc, ack) {
      if (!socket.connected) return ack(null);
      socket.timeout(ackTimeoutMs).emit('join', { doc }, withTimeout<JoinAck>(ack));
    },
    leave(doc) {
      if (socket.connected) socket.emit('leave', { doc });
    },
    send(doc, frame, ack) {
      if (!socket.connected) return ack?.(null);
      if (!ack) return void socket.emit('y', doc, frame);
      // The event map declares the ack optional, which socket.io's timeout() typing cannot express.
      const timed = socket.timeout(ackTimeoutMs) as unknown as {
        emit(event: 'y', doc: string, frame: Uint8Array, ack: (error: Error | null, answer: Ack) => void): void;
      };
      timed.emit('y', doc, frame, withTimeout<Ack>(ack));
    },
    subscribe(workspaceId, ack) {
      if (!socket.connected) return ack(null);
      socket.timeout(ackTimeoutMs).emit('subscribe', { workspaceId }, withTimeout<Ack>(ack));
    },
    unsubscribe(workspaceId) {
      if (socket.connected) socket.emit('unsubscribe', { workspaceId });
    },
    where(message) {
      if (socket.connected) socket.emit('where', message);
    },
    typing(message) {
      if (socket.connected) socket.emit('typing', message);
    },
  };
}
