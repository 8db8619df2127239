/** Pages of audit entries: each next page starts before the oldest entry already loaded. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { AUDIT_PAGE_SIZE, auditKeys, listAuditEntries } from '../api';

export function useAuditLog(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.log(workspaceId),
    queryFn: ({ pageParam }) => listAuditEntries(workspaceId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => (lastPage.length < AUDIT_PAGE_SIZE ? undefined : lastPage[lastPage.length - 1]?.createdAt),
  });
}
