/** The web client's real-time layer: one socket per signed-in person, documents and workspace news over it. */
export { CollabProvider, useCollabClient, useOptionalCollabClient } from './CollabProvider';
export { useCollabConnection, type CollabConnection } from './use-collab-connection';
export { useCollabDoc, type CollabDoc } from './use-collab-doc';
export { useWorkspaceSubscription } from './use-workspace-subscription';
export { deleteOfflineOutbox, documentsInOfflineOutbox, offlineOutboxName } from './indexeddb-outbox';
