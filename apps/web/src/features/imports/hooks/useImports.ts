/**
 * Import jobs: starting them, and following each until it finishes (every 500 ms). When a job
 * finishes, the corpus and the actor candidates it may have added are refreshed.
 */
import type { ImportJob, PasteDocumentBody } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { workspaceKeys } from '../../workspaces';
import { getImportJob, importKeys, importPastedText, isFinished, listImportJobs, uploadFiles } from '../api';

const POLL_MS = 500;

/** Editors only: the API refuses the list to viewers and commenters. */
export function useImportJobs(workspaceId: string, enabled = true) {
  return useQuery({ queryKey: importKeys.list(workspaceId), queryFn: () => listImportJobs(workspaceId), enabled });
}

export function useImportJob(workspaceId: string, initial: ImportJob) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(workspaceId, initial.id),
    queryFn: () => getImportJob(workspaceId, initial.id),
    initialData: initial,
    // Finished jobs never change; unfinished ones are asked again until they are.
    staleTime: (current) => (current.state.data && isFinished(current.state.data) ? Infinity : 0),
    refetchInterval: (current) => (current.state.data && isFinished(current.state.data) ? false : POLL_MS),
  });
  const job = query.data;
  const wasFinished = useRef(isFinished(initial));
  useEffect(() => {
    if (wasFinished.current || !isFinished(job)) return;
    wasFinished.current = true;
    // Documents, candidates and the job list all changed: refresh the workspace's data.
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspaceId) });
  }, [job, queryClient, workspaceId]);
  return query;
}

function useRememberJob(workspaceId: string) {
  const queryClient = useQueryClient();
  return (job: ImportJob) => {
    queryClient.setQueryData(importKeys.job(workspaceId, job.id), job);
    queryClient.setQueryData<ImportJob[]>(importKeys.list(workspaceId), (jobs) => [job, ...(jobs ?? []).filter((other) => other.id !== job.id)]);
  };
}

export function useUploadFiles(workspaceId: string) {
  const remember = useRememberJob(workspaceId);
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (files: readonly File[]) => {
      setProgress(0);
      return uploadFiles(workspaceId, files, { onProgress: setProgress });
    },
    onSuccess: remember,
    onSettled: () => {
      setProgress(null);
    },
  });
  return { ...mutation, progress };
}

export function useImportPastedText(workspaceId: string) {
  const remember = useRememberJob(workspaceId);
  return useMutation({ mutationFn: (body: PasteDocumentBody) => importPastedText(workspaceId, body), onSuccess: remember });
}
