/**
 * Which cached queries each workspace event makes stale. Events say what changed, not the new
 * data (see packages/shared/src/protocol/workspace-events.ts): the screens showing it refetch.
 * The audit log is refreshed too, since every audited change arrives as one of these events.
 */
import type { WorkspaceEvent } from '@marginalia/shared';
import type { InvalidateQueryFilters } from '@tanstack/react-query';
import { actorKeys } from '../actors';
import { auditKeys } from '../audit';
import { documentKeys } from '../documents';
import { importKeys } from '../imports';
import { memberKeys } from '../members';
import { searchKeys } from '../search';
import { workspaceKeys } from '../workspaces';

export function queriesMadeStaleBy(event: WorkspaceEvent): InvalidateQueryFilters[] {
  const id = event.workspaceId;
  // The workspace itself (name, my role, counts), without everything nested under its key.
  const workspace: InvalidateQueryFilters[] = [{ queryKey: workspaceKeys.detail(id), exact: true }, { queryKey: workspaceKeys.list() }];
  const audit: InvalidateQueryFilters = { queryKey: auditKeys.log(id) };
  switch (event.type) {
    case 'workspace.updated':
    case 'workspace.deleted':
      return [...workspace, audit];
    case 'members.changed':
      return [...workspace, { queryKey: memberKeys.members(id) }, { queryKey: memberKeys.invites(id) }, audit];
    case 'documents.changed':
      // Deleting a document also removes its search hits and changes actors' attribution counts.
      return [{ queryKey: documentKeys.all(id) }, { queryKey: searchKeys.all(id) }, { queryKey: actorKeys.all(id) }, audit];
    case 'imports.changed':
      return [{ queryKey: importKeys.all(id) }, { queryKey: documentKeys.lists(id) }, { queryKey: searchKeys.all(id) }, audit];
    case 'actors.changed':
    case 'attributions.changed':
      return [{ queryKey: actorKeys.all(id) }, audit];
    // No tagging screens yet: only the audit log shows codebook changes.
    case 'codebook.changed':
    case 'annotations.changed':
      return [audit];
  }
}
