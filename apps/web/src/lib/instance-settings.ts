/** The instance's public settings (GET /api/instance), fetched once per page load. */
import type { InstanceSettings } from '@marginalia/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

export function useInstanceSettings() {
  return useQuery({ queryKey: ['instance'], queryFn: () => api.get<InstanceSettings>('/instance'), staleTime: Infinity });
}
