/**
 * The real-time protocol: socket.io on the API's port, path `/socket.io`, namespace `/collab`.
 * Declared once here and imported by the gateway, the web client and the test clients.
 *
 * Handshake: the session cookie, or `auth: { token: 'mrg_…' }` with a personal access token.
 * Without valid credentials the connection is refused with `connect_error` "unauthorized";
 * a browser Origin that is not the app's own is refused with "forbidden_origin"; credentials
 * that could not be checked (the server's database failed) with "unavailable": retry later;
 * past the per-account socket limit with "too_many_connections".
 *
 * Documents (Yjs):
 *   emit('join', { doc }, ack)  -> ack({ ok: true, readOnly }) | ack({ ok: false, error })
 *   emit('leave', { doc })
 *   emit('y', doc, frame, ack?) -> frame encoded exactly as y-websocket's messages
 *     (varUint type: 0 = sync, 1 = awareness; then the y-protocols payload).
 *     A frame carrying a document update (sync step 2 or update) with an ack is answered
 *     { ok: true } only after the update is committed in Postgres, or { ok: false, error }
 *     when it is refused; a refused update is neither applied nor relayed.
 *   on('y', doc, frame)          -> sync step 1/2, updates and awareness from the server
 * After a join the server sends its sync step 1 and the current awareness states.
 * Framing: socket.io's default (text header + binary attachment), or, for a client that
 * connects with query `?frames=y1`, each `y` event as one binary message (y-event-parser.ts).
 *
 * Workspaces:
 *   emit('subscribe', { workspaceId }, ack) -> ack({ ok: true }) | ack({ ok: false, error })
 *   emit('unsubscribe', { workspaceId })
 *   emit('where', { workspaceId, location }) -> where this user is, for the presence list
 *   on('workspace-event', event)  -> after each committed change to relational data
 *   on('presence', { workspaceId, users })
 *   emit('typing', { workspaceId, threadId }) -> others subscribed get on('typing', { workspaceId, threadId, user })
 *     (commenters and up, at most a few a second; ephemeral, like awareness)
 *
 * Access changes: when a member's role drops below what a joined document needs, the server
 * sends on('access', { doc, readOnly: true }); when membership ends, on('access', { doc,
 * error: 'not_found' }) for each document and on('unsubscribed', { workspaceId }).
 * Errors that belong to no acknowledgement arrive as on('collab-error', { doc?, error, message }).
 */
import type { WorkspaceEvent } from './workspace-events.js';

export const COLLAB_PROTOCOL_VERSION = 1;
export const COLLAB_NAMESPACE = '/collab';
export const COLLAB_SOCKET_PATH = '/socket.io';

/** First varUint of every `y` frame, as in y-websocket. */
export const Y_MESSAGE_SYNC = 0;
export const Y_MESSAGE_AWARENESS = 1;

/** Second varUint of a sync frame, as in y-protocols/sync. */
export const Y_SYNC_STEP_1 = 0;
export const Y_SYNC_STEP_2 = 1;
export const Y_SYNC_UPDATE = 2;

export const COLLAB_ERRORS = [
  'unauthorized',
  'forbidden_origin',
  'not_found',
  'not_joined',
  'read_only',
  'malformed',
  'unknown_message',
  'invalid_update',
  'too_large',
  'rate_limited',
  'too_many_documents',
  'unavailable',
  'too_many_connections',
] as const;
export type CollabError = (typeof COLLAB_ERRORS)[number];

/** Defaults of the server's limits; each is configurable (see the README's Configuration). */
export const COLLAB_DEFAULT_LIMITS = {
  /** Largest `y` frame, in bytes. */
  maxFrameBytes: 1024 * 1024,
  /** Largest awareness state of one client, as JSON, in bytes. */
  maxAwarenessStateBytes: 8 * 1024,
  /** Documents one socket may have joined at once. */
  maxDocumentsPerSocket: 32,
  /** Document frames per socket: sustained per second, and burst. */
  updatesPerSecond: 200,
  updateBurst: 400,
  /** Awareness frames per socket: sustained per second, and burst. */
  awarenessPerSecond: 30,
  awarenessBurst: 60,
  /** Time an update may take to decode and apply before it is refused as invalid. */
  applyDeadlineMs: 1000,
  /**
   * Largest collaborative document, as the bytes it takes in storage (snapshot + updates): an
   * update that would pass it is refused `too_large`. A long report notebook is well under 1 MB.
   */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Sockets one account may hold open on one API process (one per open tab, roughly). */
  maxSocketsPerUser: 30,
  /** Documents larger than this answer sync step 1 from a worker thread, not the main one. */
  offThreadEncodeBytes: 256 * 1024,
} as const;

export type Ack = { ok: true } | { ok: false; error: CollabError; message?: string };
export type JoinAck = { ok: true; readOnly: boolean } | { ok: false; error: CollabError; message?: string };

export interface DocRef {
  doc: string;
}

export interface WorkspaceRef {
  workspaceId: string;
}

/** What the server stamps into every awareness state it relays, whatever the client sent. */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
}

export interface PresenceEntry {
  user: PresenceIdentity;
  /** Documents this user has open (names as handed out by the API). */
  docs: string[];
  /** Free-form location the client reported, e.g. a path inside the app. */
  location: string | null;
}

export interface PresenceList {
  workspaceId: string;
  users: PresenceEntry[];
}

export type AccessChange = { doc: string; readOnly: boolean } | { doc: string; error: 'not_found' };

export interface CollabErrorEvent {
  doc?: string;
  error: CollabError;
  message: string;
}

export interface WhereMessage {
  workspaceId: string;
  location: string;
}

/** "I am writing in this thread": relayed to the workspace's other subscribers, never stored. */
export interface TypingMessage {
  workspaceId: string;
  threadId: string;
}

export interface TypingEvent extends TypingMessage {
  user: PresenceIdentity;
}

export interface CollabClientToServerEvents {
  join: (ref: DocRef, ack: (answer: JoinAck) => void) => void;
  leave: (ref: DocRef) => void;
  y: (doc: string, frame: Uint8Array, ack?: (answer: Ack) => void) => void;
  subscribe: (ref: WorkspaceRef, ack: (answer: Ack) => void) => void;
  unsubscribe: (ref: WorkspaceRef) => void;
  where: (message: WhereMessage) => void;
  typing: (message: TypingMessage) => void;
}

export interface CollabServerToClientEvents {
  y: (doc: string, frame: Uint8Array) => void;
  access: (change: AccessChange) => void;
  'workspace-event': (event: WorkspaceEvent) => void;
  presence: (list: PresenceList) => void;
  unsubscribed: (ref: WorkspaceRef) => void;
  'collab-error': (event: CollabErrorEvent) => void;
  typing: (event: TypingEvent) => void;
}

/** Where the server puts a workspace's sockets, a document's sockets and a user's sockets. */
export const collabRooms = {
  workspace: (workspaceId: string) => `ws:${workspaceId}`,
  document: (doc: string) => `doc:${doc}`,
  user: (userId: string) => `user:${userId}`,
} as const;
