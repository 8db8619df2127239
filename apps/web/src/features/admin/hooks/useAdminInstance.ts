/** Instance settings, the instance audit log (paged), and health. */
import type { UpdateInstanceSettingsBody } from '@marginalia/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys, getAuditPage, getHealth, getSettings, updateSettings, type AuditFilters } from '../api';

export function useAdminSettings() {
  return useQuery({ queryKey: adminKeys.settings, queryFn: getSettings });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInstanceSettingsBody) => updateSettings(body),
    onSuccess: async (settings) => {
      queryClient.setQueryData(adminKeys.settings, settings);
      // The public settings every screen reads (registration, workspace creation, upload limit...).
      await queryClient.invalidateQueries({ queryKey: ['instance'] });
    },
  });
}

export function useAdminAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ pageParam }) => getAuditPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAdminHealth() {
  return useQuery({ queryKey: adminKeys.health, queryFn: getHealth, refetchInterval: 30_000 });
}
