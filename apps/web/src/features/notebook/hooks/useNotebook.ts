/** The notebook's document name (fixed for a workspace, so it never goes stale). */
import { useQuery } from '@tanstack/react-query';
import { getNotebook, notebookKeys } from '../api';

export function useNotebook(workspaceId: string) {
  return useQuery({ queryKey: notebookKeys.detail(workspaceId), queryFn: () => getNotebook(workspaceId), staleTime: Infinity });
}
