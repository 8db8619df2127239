/**
 * `@marginalia/shared/collab-client`: the browser (and test) side of the real-time protocol,
 * framework-free. A subpath of its own so that importing `@marginalia/shared` (as the API does)
 * never pulls in socket.io-client.
 */
export { DEFAULT_BACKOFF, reconnectDelay, type BackoffOptions } from './backoff.js';
export { CollabClient, type CollabClientOptions, type CollabStatus, type DocHandle, type WorkspaceHandle } from './collab-client.js';
export type { ConnectionState, ConnectionStatus } from './connection.js';
export { DocSession, type DocSessionSnapshot, type DocSessionStatus } from './doc-session.js';
export { decodeFrame, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type DecodedFrame } from './frames.js';
export type { Unsubscribe } from './listeners.js';
export type { OfflineOutbox, RestoredEdits } from './offline-outbox.js';
export { PendingUpdates } from './pending-updates.js';
export { WorkspaceSubscription } from './workspace-subscription.js';
