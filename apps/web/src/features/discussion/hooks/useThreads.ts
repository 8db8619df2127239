/**
 * Thread and comment queries and mutations. Every mutation refreshes the workspace's whole
 * discussion key: a new comment changes the thread, its list entries, counts and unread marks.
 */
import type { CommentBodyInput, CreateThreadBody, ThreadListQuery } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addComment,
  createThread,
  deleteComment,
  discussionKeys,
  editComment,
  getCommentHistory,
  getThread,
  listThreads,
  markThreadRead,
  reopenThread,
  resolveThread,
} from '../api';

export function useThreads(workspaceId: string, query: ThreadListQuery, enabled = true) {
  return useQuery({ queryKey: discussionKeys.list(workspaceId, query), queryFn: () => listThreads(workspaceId, query), enabled, placeholderData: (previous) => previous });
}

export function useThread(workspaceId: string, threadId: string | null) {
  return useQuery({
    queryKey: discussionKeys.thread(workspaceId, threadId ?? ''),
    queryFn: () => getThread(workspaceId, threadId ?? ''),
    enabled: threadId !== null,
  });
}

export function useCommentHistory(workspaceId: string, threadId: string, commentId: string, enabled: boolean) {
  return useQuery({ queryKey: discussionKeys.history(workspaceId, commentId), queryFn: () => getCommentHistory(workspaceId, threadId, commentId), enabled });
}

function useRefreshDiscussion(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: discussionKeys.all(workspaceId) });
}

export function useCreateThread(workspaceId: string) {
  const refresh = useRefreshDiscussion(workspaceId);
  return useMutation({ mutationFn: (body: CreateThreadBody) => createThread(workspaceId, body), onSuccess: refresh });
}

export function useAddComment(workspaceId: string, threadId: string) {
  const refresh = useRefreshDiscussion(workspaceId);
  return useMutation({ mutationFn: (body: CommentBodyInput) => addComment(workspaceId, threadId, body), onSuccess: refresh });
}

export function useEditComment(workspaceId: string, threadId: string) {
  const refresh = useRefreshDiscussion(workspaceId);
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: CommentBodyInput }) => editComment(workspaceId, threadId, commentId, body),
    onSuccess: refresh,
  });
}

export function useDeleteComment(workspaceId: string, threadId: string) {
  const refresh = useRefreshDiscussion(workspaceId);
  return useMutation({ mutationFn: (commentId: string) => deleteComment(workspaceId, threadId, commentId), onSuccess: refresh });
}

export function useSetResolved(workspaceId: string, threadId: string) {
  const refresh = useRefreshDiscussion(workspaceId);
  return useMutation({ mutationFn: (resolved: boolean) => (resolved ? resolveThread(workspaceId, threadId) : reopenThread(workspaceId, threadId)), onSuccess: refresh });
}

/** Marks the thread read for the caller; lists refresh so its unread badge goes. */
export function useMarkThreadRead(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (threadId: string) => markThreadRead(workspaceId, threadId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: discussionKeys.lists(workspaceId) }),
  });
}
