/** The tags this browser applied last in a workspace, most recent first, for the picker's top rows. */
const RECENT_MAX = 8;
const storageKey = (workspaceId: string) => `marginalia:recent-tags:${workspaceId}`;

export function recentTagIds(workspaceId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(workspaceId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberTags(workspaceId: string, tagIds: string[]): void {
  const next = [...tagIds, ...recentTagIds(workspaceId).filter((id) => !tagIds.includes(id))].slice(0, RECENT_MAX);
  try {
    localStorage.setItem(storageKey(workspaceId), JSON.stringify(next));
  } catch {
    // Storage full or disabled: recent tags are a convenience.
  }
}
