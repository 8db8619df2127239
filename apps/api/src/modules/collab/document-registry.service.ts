/**
 * The documents this node holds in memory, and every way they change: loading (once, with
 * concurrent joiners waiting on the same load), untrusted updates from local clients
 * (checked in the Yjs sandbox first, applied, relayed at once, acknowledged after commit),
 * updates and awareness from other nodes, background compaction, and unloading when idle.
 *
 * Invariant: what a live document holds beyond Postgres is only what is being committed right
 * now. When a commit fails, the document is evicted at once (its clients are told to join
 * again) and loaded afresh from storage by the next join, so its sync step 1 never counts an
 * update that was not stored: every client's answering step 2 carries whatever it holds that
 * storage lacks, its own refused edits and the ones it received from others. Until then
 * nothing newer of that document is committed (queued appends are withdrawn), so no stored
 * update ever builds on one that is not stored.
 */
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { collabRooms } from '@marginalia/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { type AwarenessEntry, encodeAwareness } from './awareness-entries.js';
import { ClusterBus, type ClusterMessage } from './cluster-bus.js';
import { CollabKinds } from './collab-kinds.js';
import { CollabNamespace } from './collab-namespace.js';
import type { CollabDocumentKind } from './collab-document.entity.js';
import { CollabPersistence } from './collab-persistence.service.js';
import { CommitFailureLog } from './commit-failure-log.js';
import { DocumentProjections } from './document-projections.js';
import { LiveDocument, REMOTE_ORIGIN } from './live-document.js';
import { RelayCoalescer } from './relay-coalescer.js';
import { sendYEventToRoom } from './y-event-sockets.js';
import { awarenessFrame, updateFrame } from './y-frames.js';
import { YjsSandbox } from './yjs-sandbox.js';

export class UpdateRefused extends Error {}
/** The document left memory (unloaded, or evicted after a failed commit): join it again. */
export class DocumentGone extends Error {}
/** The update was applied and relayed but could not be committed; the document was evicted. */
export class StorageFailed extends Error {}
/** The update would take the document past COLLAB_MAX_DOCUMENT_BYTES. */
export class DocumentTooLarge extends Error {}

/** Told which local sockets were in a document that was just evicted. */
export type EvictionListener = (doc: string, socketIds: string[]) => void;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

@Injectable()
export class DocumentRegistry implements BeforeApplicationShutdown {
  private readonly logger = new Logger('CollabDocuments');
  private readonly live = new Map<string, LiveDocument>();
  private readonly loading = new Map<string, Promise<LiveDocument>>();
  /** Updates from other nodes for documents still loading here, applied once loaded. */
  private readonly arrivedWhileLoading = new Map<string, ClusterMessage[]>();
  private readonly relay = new RelayCoalescer((doc, update, except) => this.sendToRoom(doc, updateFrame(update), except));
  private readonly validator: YjsSandbox;
  private readonly compactor: YjsSandbox;
  private readonly evictionListeners = new Set<EvictionListener>();
  private readonly commitFailures = new CommitFailureLog(this.logger);
  private readonly projections: DocumentProjections;
  /** Sync answers encoded in the worker since start (for tests and metrics). */
  encodedOffThread = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly persistence: CollabPersistence,
    private readonly bus: ClusterBus,
    private readonly sockets: CollabNamespace,
    private readonly kinds: CollabKinds,
  ) {
    this.projections = new DocumentProjections(kinds, this.logger);
    this.validator = new YjsSandbox({
      deadlineMs: config.COLLAB_APPLY_DEADLINE_MS,
      maxHeapMb: 512,
      liveState: (doc) => {
        const live = this.live.get(doc);
        return live ? { state: Y.encodeStateAsUpdate(live.doc), kind: live.kind } : null;
      },
    });
    this.compactor = new YjsSandbox({ deadlineMs: 60_000, maxHeapMb: 1024 });
    bus.onMessage((message) => this.receiveFromCluster(message));
    bus.onResync(() => {
      for (const name of this.live.keys()) void this.resyncFromStorage(name);
    });
  }

  /** How many documents this node holds in memory (for the admin health page and metrics). */
  get size(): number {
    return this.live.size;
  }

  get(name: string): LiveDocument | undefined {
    return this.live.get(name);
  }

  /** The live document, loading it first if needed. Rejects if the load fails. */
  async open(name: string, workspaceId: string, kind: CollabDocumentKind): Promise<LiveDocument> {
    const live = this.live.get(name);
    if (live) return live;
    let loading = this.loading.get(name);
    if (!loading) {
      loading = this.load(name, workspaceId, kind).finally(() => this.loading.delete(name));
      this.loading.set(name, loading);
    }
    return loading;
  }

  addSocket(live: LiveDocument, socketId: string): void {
    live.sockets.add(socketId);
    if (live.unloadTimer) clearTimeout(live.unloadTimer);
    live.unloadTimer = null;
  }

  removeSocket(name: string, socketId: string): void {
    const live = this.live.get(name);
    if (!live || !live.sockets.delete(socketId)) return;
    const released = live.releaseClientIds(socketId);
    if (released.length > 0) awarenessProtocol.removeAwarenessStates(live.awareness, released, socketId);
    if (live.sockets.size === 0) {
      live.unloadTimer = setTimeout(() => void this.unload(live), this.config.COLLAB_UNLOAD_AFTER_MS);
      live.unloadTimer.unref();
    }
  }

  /**
   * Applies `author`'s untrusted update: sandbox first (refused if it throws, loops, bloats or
   * breaks its kind's structure), then the corpus spans it cites (checked against the
   * database by the kind), then the live document (relayed to local sockets right away), then Postgres, then the other
   * nodes. Only after the commit: a node that loads the document meanwhile reads Postgres,
   * and would never get an update it was told about before it could be read there.
   * Resolves once committed.
   */
  async applyClientUpdate(live: LiveDocument, socketId: string, update: Uint8Array, author: string): Promise<void> {
    if (this.live.get(live.name) !== live) throw new DocumentGone('the document left memory');
    const max = this.config.COLLAB_MAX_DOCUMENT_BYTES;
    if (live.storedBytes + update.byteLength > max) {
      throw new DocumentTooLarge(`the document would take ${live.storedBytes + update.byteLength} bytes; the limit is ${max}`);
    }
    let citedSpans;
    try {
      citedSpans = await this.validator.apply(live.name, update, { kind: live.kind, author });
    } catch (error) {
      throw new UpdateRefused(error instanceof Error ? error.message : String(error));
    }
    const checkCitedSpans = this.kinds.of(live.kind).checkCitedSpans;
    if (citedSpans.length > 0 && checkCitedSpans) {
      const problem = await checkCitedSpans(live.workspaceId, citedSpans);
      if (problem) {
        // The mirror holds the refused update: rebuild it from the live document.
        await this.validator.drop(live.name);
        throw new UpdateRefused(problem);
      }
    }
    if (this.live.get(live.name) !== live) throw new DocumentGone('the document left memory');
    Y.applyUpdate(live.doc, update, socketId);
    try {
      await this.persistence.append(live.name, update, () => live.evicted);
    } catch (error) {
      if (live.evicted) throw new DocumentGone('the document was reloaded after a failed commit');
      this.commitFailures.failed(live.name, error);
      this.evict(live);
      throw new StorageFailed(error instanceof Error ? error.message : String(error));
    }
    this.commitFailures.committed();
    live.storedBytes += update.byteLength;
    this.bus.publish({ kind: 'update', doc: live.name, payload: update });
    this.projections.changed(live);
    live.unfolded += 1;
    if (live.unfolded >= this.config.COLLAB_COMPACT_AFTER_UPDATES) this.compactSoon(live);
  }

  onEvicted(listener: EvictionListener): void {
    this.evictionListeners.add(listener);
  }

  /**
   * Drops a live document whose latest update failed to commit: it holds state storage lacks.
   * Appends still queued for it are withdrawn; its sockets are handed to the listeners (who
   * tell them to join again). The next join loads what Postgres holds.
   */
  private evict(live: LiveDocument): void {
    if (live.evicted) return;
    live.evicted = true;
    if (this.live.get(live.name) === live) this.live.delete(live.name);
    const socketIds = [...live.sockets];
    live.destroy();
    void this.validator.drop(live.name);
    for (const listener of this.evictionListeners) listener(live.name, socketIds);
  }

  /** Applies awareness entries already checked and stamped by the caller. */
  applyClientAwareness(live: LiveDocument, socketId: string, entries: AwarenessEntry[]): void {
    awarenessProtocol.applyAwarenessUpdate(live.awareness, encodeAwareness(entries), socketId);
  }

  /**
   * What the live document has that `stateVector` lacks, for a sync step 2. Large documents
   * are encoded in the sandbox worker, from its mirror: encoding megabytes here would stall
   * every other socket of this process meanwhile. Throws if the state vector is malformed.
   */
  async encodeMissing(live: LiveDocument, stateVector: Uint8Array): Promise<Uint8Array> {
    Y.decodeStateVector(stateVector);
    if (live.storedBytes >= this.config.COLLAB_OFF_THREAD_ENCODE_BYTES) {
      try {
        const missing = await this.validator.diff(live.name, stateVector);
        this.encodedOffThread += 1;
        return missing;
      } catch (error) {
        this.logger.warn(`encoding ${live.name} in the worker failed, encoding it here: ${String(error)}`);
      }
    }
    return Y.encodeStateAsUpdate(live.doc, stateVector);
  }

  /** All awareness states, as one frame for a socket that just joined (null if none). */
  awarenessSnapshot(live: LiveDocument): Uint8Array | null {
    const clients = [...live.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(live.awareness, clients)) : null;
  }

  /** Folds the stored history now (tests and benchmarks; normally it runs in the background). */
  async compactNow(name: string): Promise<number> {
    return this.persistence.compact(name, (updates) => this.compactor.merge(updates));
  }

  /** Waits for every pending projection into SQL (tests; shutdown). */
  async projectionsSettled(): Promise<void> {
    await this.projections.settleAll();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.relay.flush();
    await this.persistence.drained().catch(() => undefined);
    await this.projections.settleAll();
    for (const live of this.live.values()) live.destroy();
    this.live.clear();
    await Promise.all([this.validator.close(), this.compactor.close()]);
  }

  /** Sends a frame to this node's sockets in the document's room (other nodes relay their own). */
  private sendToRoom(doc: string, frame: Uint8Array, exceptSocketId: string | null): void {
    const namespace = this.sockets.namespace;
    if (namespace) sendYEventToRoom(namespace, collabRooms.document(doc), exceptSocketId, doc, frame);
  }

  private async load(name: string, workspaceId: string, kind: CollabDocumentKind): Promise<LiveDocument> {
    this.arrivedWhileLoading.set(name, []);
    try {
      const stored = await this.persistence.load(name);
      const live = new LiveDocument(name, workspaceId, kind);
      // Stored updates were validated before they were stored.
      Y.transact(live.doc, () => {
        for (const update of stored.updates) Y.applyUpdate(live.doc, update, REMOTE_ORIGIN);
      });
      live.unfolded = stored.unfolded;
      live.storedBytes = stored.bytes;
      this.watch(live);
      this.live.set(name, live);
      for (const message of this.arrivedWhileLoading.get(name) ?? []) this.receiveFromCluster(message);
      if (live.unfolded >= this.config.COLLAB_COMPACT_AFTER_UPDATES) this.compactSoon(live);
      return live;
    } finally {
      this.arrivedWhileLoading.delete(name);
    }
  }

  private watch(live: LiveDocument): void {
    live.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const fromLocalSocket = typeof origin === 'string';
      this.relay.add(live.name, update, fromLocalSocket ? origin : null);
      if (!fromLocalSocket) this.validator.follow(live.name, live.kind, update);
    });
    live.awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      const clients = [...change.added, ...change.updated, ...change.removed];
      const payload = awarenessProtocol.encodeAwarenessUpdate(live.awareness, clients);
      const fromLocalSocket = typeof origin === 'string';
      this.sendToRoom(live.name, awarenessFrame(payload), fromLocalSocket ? origin : null);
      if (fromLocalSocket) this.bus.publish({ kind: 'awareness', doc: live.name, payload });
      if (origin === REMOTE_ORIGIN) live.forgetClientIds(change.removed);
    });
  }

  /**
   * Applies what Postgres holds for a live document: after this node may have missed updates
   * other nodes committed (Redis was unreachable). Yjs skips what the document already has;
   * what is new reaches the local sockets like any update from another node.
   */
  async resyncFromStorage(name: string): Promise<void> {
    try {
      const stored = await this.persistence.load(name);
      const live = this.live.get(name);
      if (!live) return;
      Y.transact(live.doc, () => {
        for (const update of stored.updates) Y.applyUpdate(live.doc, update, REMOTE_ORIGIN);
      }, REMOTE_ORIGIN);
    } catch (error) {
      this.logger.warn(`could not resync ${name} from storage: ${String(error)}`);
    }
  }

  private receiveFromCluster(message: ClusterMessage): void {
    if (message.kind === 'event') return;
    if (message.kind === 'resync') {
      if (this.live.has(message.doc)) void this.resyncFromStorage(message.doc);
      return;
    }
    const pending = this.arrivedWhileLoading.get(message.doc);
    if (pending) {
      pending.push(message);
      return;
    }
    const live = this.live.get(message.doc);
    if (!live) return;
    try {
      if (message.kind === 'update') {
        Y.applyUpdate(live.doc, message.payload, REMOTE_ORIGIN);
        live.storedBytes += message.payload.byteLength;
        this.projections.changed(live);
      } else {
        awarenessProtocol.applyAwarenessUpdate(live.awareness, message.payload, REMOTE_ORIGIN);
        for (const clientId of live.awareness.getStates().keys()) live.noteRemoteClientId(clientId);
      }
    } catch (error) {
      this.logger.warn(`ignored a cluster ${message.kind} for ${message.doc}: ${String(error)}`);
    }
  }

  private compactSoon(live: LiveDocument): void {
    if (live.compacting) return;
    live.compacting = true;
    const wait = live.lastCompactionAt + this.config.COLLAB_COMPACT_MIN_INTERVAL_MS - performance.now();
    if (wait > 0) setTimeout(() => this.compactNowInBackground(live), wait).unref();
    else setImmediate(() => this.compactNowInBackground(live));
  }

  private compactNowInBackground(live: LiveDocument): void {
    if (this.live.get(live.name) !== live) {
      live.compacting = false; // unloaded meanwhile: the next load compacts it if needed
      return;
    }
    live.lastCompactionAt = performance.now();
    void this.compactNow(live.name)
      .then(async (folded) => {
        live.unfolded = Math.max(0, live.unfolded - folded);
        // Compaction shrinks what is stored; updates committed after this read are few.
        if (folded > 0) live.storedBytes = await this.persistence.storedBytes(live.name);
        return folded;
      })
      .catch((error: unknown) => {
        this.logger.warn(`compaction of ${live.name} failed (will retry later): ${String(error)}`);
        return 0;
      })
      .then((folded) => {
        live.compacting = false;
        // Updates that arrived meanwhile may be past the threshold already; they would
        // otherwise wait for one more update. Not after a failure or a lock held elsewhere.
        if (folded > 0 && live.unfolded >= this.config.COLLAB_COMPACT_AFTER_UPDATES && this.live.get(live.name) === live) this.compactSoon(live);
      });
  }

  private async unload(live: LiveDocument): Promise<void> {
    if (live.sockets.size > 0 || this.live.get(live.name) !== live) return;
    this.relay.flush();
    await this.persistence.drained().catch(() => undefined);
    if (live.sockets.size > 0) return;
    await this.projections.settle(live.name);
    if (live.sockets.size > 0 || this.live.get(live.name) !== live) return;
    this.live.delete(live.name);
    live.destroy();
    await this.validator.drop(live.name);
  }
}
