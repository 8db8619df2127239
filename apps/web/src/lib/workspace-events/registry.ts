/**
 * Which cached queries each workspace event makes stale, declared by the features themselves.
 * Events say what changed, not the new data (packages/shared/src/protocol/workspace-events.ts):
 * each feature registers, in its own folder, the event types it listens to and the queries they
 * refresh, so the live layer knows no feature by name. After a reconnection every registered
 * query is refreshed (catch-up), since events sent while the socket was down are lost.
 */
import type { WorkspaceEvent, WorkspaceEventType } from '@marginalia/shared';
import type { InvalidateQueryFilters } from '@tanstack/react-query';

export interface WorkspaceEventQueries {
  /** The feature, for debugging and tests. */
  feature: string;
  events: readonly WorkspaceEventType[];
  /** The queries of `workspaceId` to refresh; `event` is absent when catching up after a reconnection. */
  queries: (workspaceId: string, event?: WorkspaceEvent) => InvalidateQueryFilters[];
}

const registrations = new Map<string, WorkspaceEventQueries>();

/** Declares a feature's listeners; registering the same feature again replaces it (hot reload). */
export function registerWorkspaceEventQueries(registration: WorkspaceEventQueries): void {
  registrations.set(registration.feature, registration);
}

export function queriesMadeStaleBy(event: WorkspaceEvent): InvalidateQueryFilters[] {
  const filters: InvalidateQueryFilters[] = [];
  for (const registration of registrations.values()) {
    if (registration.events.includes(event.type)) filters.push(...registration.queries(event.workspaceId, event));
  }
  return filters;
}

/** Everything any feature keeps current by events: what may have gone stale while offline. */
export function queriesToCatchUp(workspaceId: string): InvalidateQueryFilters[] {
  return [...registrations.values()].flatMap((registration) => registration.queries(workspaceId));
}
