/**
 * What each kind of collaborative document adds on the server, beyond the structure check its
 * guard runs in the sandbox (packages/shared collab-kinds): checks of the corpus spans it
 * cites against the database, and a projection of its facts into SQL after committed
 * updates (as Hocuspocus' onStoreDocument hooks do). Features register their kind at start;
 * the collab core calls the hooks without knowing any kind by name.
 */
import { Injectable } from '@nestjs/common';
import type { CitedSpan, CollabDocumentKind } from '@marginalia/shared';
import type * as Y from 'yjs';

export interface ProjectedDocument {
  name: string;
  workspaceId: string;
  doc: Y.Doc;
}

export interface CollabKindHooks {
  /** Why the update must be refused (a span outside the workspace or its text), or null. */
  checkCitedSpans?: (workspaceId: string, spans: CitedSpan[]) => Promise<string | null>;
  /** Copies facts from the live document into SQL; runs after commits, debounced, one at a time per document. */
  project?: (document: ProjectedDocument) => Promise<void>;
}

@Injectable()
export class CollabKinds {
  private readonly hooks = new Map<CollabDocumentKind, CollabKindHooks>();

  register(kind: CollabDocumentKind, hooks: CollabKindHooks): void {
    if (this.hooks.has(kind)) throw new Error(`the ${kind} kind is registered twice`);
    this.hooks.set(kind, hooks);
  }

  of(kind: CollabDocumentKind): CollabKindHooks {
    return this.hooks.get(kind) ?? {};
  }
}
