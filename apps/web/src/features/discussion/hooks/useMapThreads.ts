/**
 * One query for all of a map's threads, indexed by the part each is about (see map-anchors.ts).
 * The index is built once per answer (react-query memoises a stable `select`), however many
 * nodes and cells ask for their badge.
 */
import type { ThreadList } from '@marginalia/shared';
import { useQuery } from '@tanstack/react-query';
import { discussionKeys, listThreads } from '../api';
import { indexMapThreads } from '../map-anchors';

const selectIndex = (list: ThreadList) => indexMapThreads(list.threads);
const EMPTY: ReturnType<typeof indexMapThreads> = new Map();

export function useMapThreads(workspaceId: string, mapId: string) {
  const query = { mapId, status: 'all' } as const;
  const threads = useQuery({ queryKey: discussionKeys.list(workspaceId, query), queryFn: () => listThreads(workspaceId, query), select: selectIndex });
  return threads.data ?? EMPTY;
}
