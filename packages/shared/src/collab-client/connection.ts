/**
 * The one socket.io connection to /collab and its state as a person sees it. socket.io's own
 * reconnection is off: it does not retry after a refused handshake, and owning the loop lets
 * us show when the next attempt is due and offer "retry now". Attempts back off exponentially
 * with jitter; the browser's online/offline events cut the wait short or close a dead link early.
 * A handshake refused for this page's origin or for its credentials is final ('refused', no
 * retry until asked): trying again cannot change the answer, and the person needs to know.
 * Anything else, "unavailable" (the server could not check the credentials) included, is retried.
 */
import { io, type Socket } from 'socket.io-client';
import { COLLAB_NAMESPACE, COLLAB_SOCKET_PATH, type CollabClientToServerEvents, type CollabServerToClientEvents } from '../protocol/collab.js';
import { Y_EVENT_FRAMES_QUERY, yEventParser } from '../protocol/y-event-parser.js';
import { DEFAULT_BACKOFF, reconnectDelay, type BackoffOptions } from './backoff.js';
import { Listeners, type Unsubscribe } from './listeners.js';
import { startTimer, stopTimer, type Timer } from './timers.js';

export type CollabSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

export type ConnectionState = 'online' | 'connecting' | 'reconnecting' | 'offline' | 'refused';

/** Handshake refusals that a retry cannot change (see protocol/collab.ts); `lastError` says which. */
export const FINAL_REFUSALS: readonly string[] = ['forbidden_origin', 'unauthorized'];

export interface ConnectionStatus {
  state: ConnectionState;
  /** Failed attempts since the last successful connection. */
  failedAttempts: number;
  /** When the next attempt starts (ms since the epoch), while waiting for it. */
  nextAttemptAt: number | null;
  /** Why the last attempt or connection failed, as socket.io or the server said it. */
  lastError: string | null;
}

export interface ConnectionOptions {
  /** Origin of the API, e.g. `https://marginalia.example`; defaults to the page's own. */
  url?: string;
  /** A personal access token, for clients without the session cookie. */
  token?: string;
  backoff?: BackoffOptions;
}

/** After this many failures in a row the link counts as down, not merely flaky. */
const OFFLINE_AFTER_FAILURES = 4;

interface NetworkEvents {
  addEventListener?: (type: 'online' | 'offline', listener: () => void) => void;
  removeEventListener?: (type: 'online' | 'offline', listener: () => void) => void;
  navigator?: { onLine?: boolean };
}
const network = globalThis as NetworkEvents;

function browserSaysOffline(): boolean {
  return network.navigator?.onLine === false;
}

export class CollabConnection {
  readonly socket: CollabSocket;
  private status: ConnectionStatus = { state: 'connecting', failedAttempts: 0, nextAttemptAt: null, lastError: null };
  private readonly statusChanges = new Listeners<ConnectionStatus>();
  private readonly connects = new Listeners<void>();
  private readonly disconnects = new Listeners<void>();
  private readonly backoff: BackoffOptions;
  private wanted = false;
  private retryTimer: Timer | null = null;

  private readonly handleOnline = () => {
    if (this.wanted && !this.socket.connected) this.retryNow();
  };

  private readonly handleOffline = () => {
    if (!this.wanted) return;
    // The socket may take a minute to notice; the browser already knows.
    if (this.socket.connected) this.socket.disconnect();
    this.scheduleRetry('the browser is offline');
  };

  constructor(options: ConnectionOptions = {}) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    const uri = `${options.url ?? ''}${COLLAB_NAMESPACE}`;
    this.socket = io(uri, {
      path: COLLAB_SOCKET_PATH,
      transports: ['websocket'],
      // Each `y` event travels as one binary message instead of socket.io's header + attachment.
      parser: yEventParser,
      query: Y_EVENT_FRAMES_QUERY,
      withCredentials: true,
      reconnection: false,
      autoConnect: false,
      // Never share socket.io's cached Manager: after a sign-in the handshake must carry the new cookie.
      forceNew: true,
      ...(options.token === undefined ? {} : { auth: { token: options.token } }),
    });
    this.socket.on('connect', () => {
      this.clearRetry();
      this.setStatus({ state: 'online', failedAttempts: 0, nextAttemptAt: null, lastError: null });
      this.connects.emit();
    });
    this.socket.on('connect_error', (error) => {
      if (FINAL_REFUSALS.includes(error.message)) this.refuse(error.message);
      else this.scheduleRetry(error.message);
    });
    this.socket.on('disconnect', (reason) => {
      this.disconnects.emit();
      // 'io client disconnect' is ours: stop() or the offline handler, which decide what follows.
      if (reason !== 'io client disconnect') this.scheduleRetry(reason);
    });
  }

  getStatus(): ConnectionStatus {
    return this.status;
  }

  onStatus(listener: (status: ConnectionStatus) => void): Unsubscribe {
    return this.statusChanges.add(listener);
  }

  onConnect(listener: () => void): Unsubscribe {
    return this.connects.add(listener);
  }

  onDisconnect(listener: () => void): Unsubscribe {
    return this.disconnects.add(listener);
  }

  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    network.addEventListener?.('online', this.handleOnline);
    network.addEventListener?.('offline', this.handleOffline);
    this.setStatus({ state: this.status.failedAttempts > 0 ? 'reconnecting' : 'connecting', nextAttemptAt: null });
    this.socket.connect();
  }

  stop(): void {
    if (!this.wanted) return;
    this.wanted = false;
    this.clearRetry();
    network.removeEventListener?.('online', this.handleOnline);
    network.removeEventListener?.('offline', this.handleOffline);
    this.socket.disconnect();
    this.setStatus({ state: 'offline', nextAttemptAt: null });
  }

  /** Skips the wait before the next attempt. */
  retryNow(): void {
    if (!this.wanted || this.socket.connected) return;
    this.clearRetry();
    this.setStatus({ state: browserSaysOffline() ? 'offline' : 'reconnecting', nextAttemptAt: null });
    this.socket.connect();
  }

  private scheduleRetry(reason: string): void {
    if (!this.wanted) return;
    this.clearRetry();
    const failedAttempts = this.status.failedAttempts + 1;
    const delay = reconnectDelay(failedAttempts - 1, this.backoff);
    const down = browserSaysOffline() || failedAttempts >= OFFLINE_AFTER_FAILURES;
    this.setStatus({ state: down ? 'offline' : 'reconnecting', failedAttempts, nextAttemptAt: Date.now() + delay, lastError: reason });
    this.retryTimer = startTimer(() => {
      this.retryTimer = null;
      this.setStatus({ nextAttemptAt: null });
      if (this.wanted && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private refuse(reason: string): void {
    this.clearRetry();
    this.setStatus({ state: 'refused', failedAttempts: this.status.failedAttempts + 1, nextAttemptAt: null, lastError: reason });
  }

  private clearRetry(): void {
    stopTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(change: Partial<ConnectionStatus>): void {
    const next = { ...this.status, ...change };
    if ((Object.keys(next) as (keyof ConnectionStatus)[]).every((key) => next[key] === this.status[key])) return;
    this.status = next;
    this.statusChanges.emit(next);
  }
}
