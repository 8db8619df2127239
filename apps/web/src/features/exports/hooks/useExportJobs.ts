/**
 * Background exports: the list (kept current by `exports.changed` events, and asked again every
 * few seconds while one is unfinished in case the live connection is down), starting one, and
 * deleting one. Also the size of the chosen selection, which says whether it must run in the
 * background.
 */
import type { CreateExportJobBody, ExportJob } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createExportJob, deleteExportJob, exportKeys, getExportSize, isFinished, listExportJobs } from '../api';

const FALLBACK_POLL_MS = 3_000;

export function useExportJobs(workspaceId: string) {
  return useQuery({
    queryKey: exportKeys.jobs(workspaceId),
    queryFn: () => listExportJobs(workspaceId),
    refetchInterval: (query) => (query.state.data?.some((job) => !isFinished(job)) ? FALLBACK_POLL_MS : false),
  });
}

export function useStartExportJob(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExportJobBody) => createExportJob(workspaceId, body),
    onSuccess: (job) => {
      queryClient.setQueryData<ExportJob[]>(exportKeys.jobs(workspaceId), (jobs) => [job, ...(jobs ?? []).filter((other) => other.id !== job.id)]);
    },
  });
}

export function useDeleteExportJob(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => deleteExportJob(workspaceId, jobId),
    onSuccess: (_result, jobId) => {
      queryClient.setQueryData<ExportJob[]>(exportKeys.jobs(workspaceId), (jobs) => (jobs ?? []).filter((job) => job.id !== jobId));
    },
  });
}

export function useExportSize(workspaceId: string, documents: readonly string[]) {
  return useQuery({ queryKey: exportKeys.size(workspaceId, documents.join(',')), queryFn: () => getExportSize(workspaceId, documents) });
}
