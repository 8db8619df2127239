/**
 * The kinds of collaborative document, and the guard (structure check) each kind brings to the
 * server's Yjs sandbox. The API's kind registry adds what needs the server: the edit action,
 * reference checks against the database, projections into SQL.
 */
import { MapGuard } from '../maps/map-validation.js';
import type { WorkspaceAction } from '../roles.js';
import type { DocumentGuardFactory } from './document-guard.js';

export const COLLAB_DOCUMENT_KINDS = ['notebook', 'map'] as const;
export type CollabDocumentKind = (typeof COLLAB_DOCUMENT_KINDS)[number];

/** The action that editing each kind needs (reading needs content.read). */
export const COLLAB_EDIT_ACTIONS: Record<CollabDocumentKind, WorkspaceAction> = {
  notebook: 'content.edit',
  map: 'maps.edit',
};

/** Kinds without a guard accept any well-formed Yjs update (the notebook is free text). */
export const DOCUMENT_GUARDS: Partial<Record<CollabDocumentKind, DocumentGuardFactory>> = {
  map: (doc) => new MapGuard(doc),
};
