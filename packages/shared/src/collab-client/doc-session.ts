/**
 * One shared Yjs document joined over the client's socket: join, sync, local updates with
 * acknowledgements, read-only state and awareness. The session outlives connections: on every
 * (re)connect it joins again and resyncs, and the sync step 2 it sends in answer to the server's
 * step 1 carries whatever was edited offline.
 *
 * Invariant: `y` frames go out only between a successful join ack and the next disconnect
 * (`joined`); before that socket.io would buffer them and replay them into a stale session.
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AccessChange, Ack, CollabError, CollabErrorEvent, JoinAck } from '../protocol/collab.js';
import { AwarenessRelay } from './awareness-relay.js';
import { reconnectDelay } from './backoff.js';
import { decodeFrame, encodeSyncStep1, encodeSyncStep2With, encodeUpdate } from './frames.js';
import { Listeners, type Unsubscribe } from './listeners.js';
import { PendingUpdates } from './pending-updates.js';
import type { OfflineOutbox } from './offline-outbox.js';
import type { CollabTransport } from './transport.js';
import { startTimer, stopTimer, type Timer } from './timers.js';

export type DocSessionStatus = 'offline' | 'joining' | 'syncing' | 'synced' | 'denied' | 'closed';

export interface DocSessionSnapshot {
  status: DocSessionStatus;
  /** In step with the server right now (joined, server state received). */
  synced: boolean;
  /** The server's state arrived at least once: the document is worth showing. */
  loaded: boolean;
  readOnly: boolean;
  /** Local transactions not yet confirmed as stored in Postgres. */
  pendingUpdates: number;
  /**
   * There are unsaved edits and all of them are also in the offline outbox: closing the tab
   * now loses nothing. False while an outbox write is catching up, or without an outbox.
   */
  unsavedKeptOffline: boolean;
  /** The last refusal or failure, until the next successful save. */
  error: CollabError | null;
}

/** Errors after which trying again later may succeed. */
const RETRYABLE: ReadonlySet<CollabError> = new Set(['rate_limited', 'unavailable', 'too_many_documents']);
const RETRY_DELAY_MS = 1000;

export class DocSession {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  private readonly relay: AwarenessRelay;
  private readonly pending = new PendingUpdates();
  private readonly changes = new Listeners<DocSessionSnapshot>();
  private snapshot: DocSessionSnapshot = { status: 'offline', synced: false, loaded: false, readOnly: false, pendingUpdates: 0, unsavedKeptOffline: false, error: null };
  private joined = false;
  /** Bumped on every join and disconnect, so answers meant for an earlier join are ignored. */
  private generation = 0;
  private joinAttempts = 0;
  private framesBeforeJoin: Uint8Array[] = [];
  private retryTimer: Timer | null = null;

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.recordLocalEdit(update);
  };

  /** The outbox write under way (it loops while `outboxDirty`), so callers can await the latest state. */
  private outboxWrite: Promise<void> | null = null;
  private outboxDirty = false;

  constructor(
    readonly name: string,
    private readonly transport: CollabTransport,
    private readonly outbox: OfflineOutbox | null = null,
  ) {
    this.doc = new Y.Doc();
    this.awareness = new Awareness(this.doc);
    this.relay = new AwarenessRelay(
      this.awareness,
      (frame) => {
        this.transport.send(this.name, frame);
      },
      () => this.joined,
    );
    this.doc.on('update', this.handleDocUpdate);
    if (outbox) void this.restoreUnsaved(outbox);
  }

  getSnapshot(): DocSessionSnapshot {
    return this.snapshot;
  }

  onChange(listener: (snapshot: DocSessionSnapshot) => void): Unsubscribe {
    return this.changes.add(listener);
  }

  handleConnected(): void {
    if (this.snapshot.status === 'closed' || this.snapshot.status === 'denied') return;
    this.clearRetry();
    const generation = ++this.generation;
    this.joined = false;
    this.framesBeforeJoin = [];
    // Answers to what is in flight now will be ignored (older generation): it travels again
    // with the step 2 of this join.
    this.pending.requeueAll();
    this.publish({ status: 'joining', synced: false });
    this.transport.join(this.name, (answer) => {
      if (generation === this.generation) this.handleJoinAnswer(answer);
    });
  }

  /**
   * After a refusal (access lost, say): asks to join again, for when access has been given
   * back. If it has not, the answer is the same refusal.
   */
  retryJoin(): void {
    if (this.snapshot.status !== 'denied') return;
    this.publish({ status: 'offline', error: null });
    if (this.transport.connected) this.handleConnected();
  }

  handleDisconnected(): void {
    if (this.snapshot.status === 'closed') return;
    this.generation++;
    this.joined = false;
    this.framesBeforeJoin = [];
    this.clearRetry();
    // Whatever was in flight may or may not have been stored: it travels again in the next step 2.
    this.pending.requeueAll();
    this.relay.forgetRemoteStates(this);
    this.publish(this.snapshot.status === 'denied' ? {} : { status: 'offline', synced: false });
  }

  handleFrame(frame: Uint8Array): void {
    if (this.snapshot.status === 'joining') {
      this.framesBeforeJoin.push(frame);
      return;
    }
    if (!this.joined) return;
    let decoded: ReturnType<typeof decodeFrame>;
    try {
      decoded = decodeFrame(frame);
    } catch {
      this.publish({ error: 'malformed' });
      return;
    }
    switch (decoded.kind) {
      case 'sync-step-1':
        this.answerStep1(decoded.stateVector);
        break;
      case 'sync-step-2':
        Y.applyUpdate(this.doc, decoded.update, this);
        this.publish({ status: 'synced', synced: true, loaded: true });
        // Edits made while the join was under way are not in the server's step 1 answer yet.
        this.flush();
        break;
      case 'update':
        Y.applyUpdate(this.doc, decoded.update, this);
        break;
      case 'awareness':
        this.relay.receive(decoded.update, this);
        break;
    }
  }

  handleAccess(change: AccessChange): void {
    if ('error' in change) {
      this.deny(change.error);
      return;
    }
    this.publish({ readOnly: change.readOnly });
    if (!change.readOnly) this.flush();
  }

  handleError(event: CollabErrorEvent): void {
    if (event.error === 'not_joined' && this.transport.connected) {
      this.handleConnected();
      return;
    }
    if (event.error === 'not_found') {
      this.deny('not_found');
      return;
    }
    this.publish({ error: event.error });
  }

  /** Leaves the document and frees it; the session cannot be used afterwards. */
  close(): void {
    if (this.snapshot.status === 'closed') return;
    this.clearRetry();
    this.relay.close();
    if (this.joined) this.transport.leave(this.name);
    this.joined = false;
    this.generation++;
    this.doc.off('update', this.handleDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.publish({ status: 'closed', synced: false });
    this.changes.clear();
  }

  private handleJoinAnswer(answer: JoinAck | null): void {
    if (answer === null) {
      // No answer in time while still connected: ask again later.
      this.scheduleRejoin();
      return;
    }
    if (!answer.ok) {
      if (RETRYABLE.has(answer.error)) this.scheduleRejoin();
      else this.deny(answer.error);
      this.publish({ error: answer.error });
      return;
    }
    this.joined = true;
    this.joinAttempts = 0;
    this.publish({ status: 'syncing', readOnly: answer.readOnly, error: null });
    this.transport.send(this.name, encodeSyncStep1(this.doc));
    this.relay.announce();
    const early = this.framesBeforeJoin;
    this.framesBeforeJoin = [];
    for (const frame of early) this.handleFrame(frame);
  }

  /**
   * The server's step 1 lists what it has; our step 2 sends the rest, offline edits included,
   * and every edit not yet confirmed as stored, even those the state vector claims: a server
   * whose commit failed may count edits it never stored.
   */
  private answerStep1(stateVector: Uint8Array): void {
    if (this.snapshot.readOnly) return;
    const { ticket, update } = this.pending.take();
    this.sendWithAck(encodeSyncStep2With(this.doc, stateVector, update), ticket);
  }

  private flush(): void {
    if (!this.joined || this.snapshot.readOnly || !this.pending.hasUnsent) return;
    const { ticket, update } = this.pending.take();
    if (update === null) return;
    this.sendWithAck(encodeUpdate(update), ticket);
  }

  private sendWithAck(frame: Uint8Array, ticket: number): void {
    const generation = this.generation;
    this.transport.send(this.name, frame, (answer) => {
      if (generation !== this.generation) return;
      this.handleUpdateAnswer(ticket, answer);
    });
    this.publish({});
  }

  private handleUpdateAnswer(ticket: number, answer: Ack | null): void {
    if (answer?.ok) {
      this.pending.settle(ticket);
      this.publish({ error: null });
      return;
    }
    if (answer === null || RETRYABLE.has(answer.error)) {
      this.pending.requeue(ticket);
      this.publish(answer === null ? {} : { error: answer.error });
      this.retryTimer ??= startTimer(() => {
        this.retryTimer = null;
        this.flush();
      }, RETRY_DELAY_MS);
      return;
    }
    if (answer.error === 'not_joined') {
      this.pending.requeue(ticket);
      this.handleConnected();
      return;
    }
    // Refused for good (read_only, invalid_update, too_large...): nothing will store these edits.
    this.pending.settle(ticket);
    this.publish(answer.error === 'read_only' ? { readOnly: true, error: answer.error } : { error: answer.error });
  }

  private deny(error: CollabError): void {
    this.joined = false;
    this.generation++;
    this.clearRetry();
    this.pending.dropAll();
    this.publish({ status: 'denied', synced: false, readOnly: true, error });
  }

  private scheduleRejoin(): void {
    this.clearRetry();
    const delay = reconnectDelay(this.joinAttempts++);
    this.retryTimer = startTimer(() => {
      this.retryTimer = null;
      if (this.transport.connected) this.handleConnected();
    }, delay);
  }

  private clearRetry(): void {
    stopTimer(this.retryTimer);
    this.retryTimer = null;
  }

  /** An edit made here (or restored from the outbox): unsaved until the server confirms it. */
  private recordLocalEdit(update: Uint8Array): void {
    this.pending.record(update);
    this.flush();
    this.publish({});
  }

  /** Edits a closed tab (or an earlier session) left unsaved become this session's to send. */
  private async restoreUnsaved(outbox: OfflineOutbox): Promise<void> {
    try {
      const restored = await outbox.restore(this.name);
      if (!restored || this.snapshot.status === 'closed') return;
      // Recorded whole, not through the update event: before the server's state has arrived,
      // Yjs cannot place edits that extend it and leaves them out of that event; they would
      // show up later as if the server had sent them, and never be sent.
      Y.applyUpdate(this.doc, restored.update, this);
      this.recordLocalEdit(restored.update);
      await this.writeOutbox();
      await outbox.forget(restored.keys);
    } catch {
      // No IndexedDB (private mode, quota): edits are still kept for as long as the page lives.
    }
  }

  /** Writes the unsaved edits to the outbox; one write at a time, and it resolves once the state as of this call is written. */
  private writeOutbox(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return Promise.resolve();
    this.outboxDirty = true;
    this.outboxWrite ??= (async () => {
      let stored = false;
      while (this.outboxDirty) {
        this.outboxDirty = false;
        stored = await outbox.save(this.name, this.pending.unsaved()).then(
          () => true,
          () => false,
        );
      }
      this.outboxWrite = null;
      this.publish({ unsavedKeptOffline: stored && this.pending.total > 0 });
    })();
    return this.outboxWrite;
  }

  private publish(change: Partial<DocSessionSnapshot>): void {
    const pendingUpdates = this.pending.total;
    const pendingChanged = pendingUpdates !== this.snapshot.pendingUpdates;
    // New or fewer unsaved edits: not in the outbox until the write they start has finished.
    const next = { ...this.snapshot, ...change, pendingUpdates, ...(pendingChanged ? { unsavedKeptOffline: false } : {}) };
    if (pendingChanged) void this.writeOutbox();
    const same = (Object.keys(next) as (keyof DocSessionSnapshot)[]).every((key) => next[key] === this.snapshot[key]);
    if (same) return;
    this.snapshot = next;
    this.changes.emit(next);
  }
}
