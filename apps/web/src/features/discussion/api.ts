/**
 * Threads, comments and notifications over REST. Query keys nest under the workspace so a
 * 'discussion.changed' event refreshes every thread list and open thread of that workspace;
 * notifications belong to the person, not to a workspace, so they have a key of their own.
 */
import type {
  Comment,
  CommentBodyInput,
  CommentHistory,
  CreateThreadBody,
  MarkNotificationsReadBody,
  NotificationList,
  ThreadDetail,
  ThreadList,
  ThreadListQuery,
} from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const discussionKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'discussion'] as const,
  lists: (workspaceId: string) => [...discussionKeys.all(workspaceId), 'list'] as const,
  list: (workspaceId: string, query: ThreadListQuery) => [...discussionKeys.lists(workspaceId), query] as const,
  thread: (workspaceId: string, threadId: string) => [...discussionKeys.all(workspaceId), 'thread', threadId] as const,
  history: (workspaceId: string, commentId: string) => [...discussionKeys.all(workspaceId), 'history', commentId] as const,
};

/** Keyed by the person, so an event naming some user ids refreshes exactly their inboxes. */
export const notificationKeys = {
  all: ['notifications'] as const,
  mine: (userId: string) => [...notificationKeys.all, userId] as const,
};

const threadsPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/threads`;
const threadPath = (workspaceId: string, threadId: string) => `${threadsPath(workspaceId)}/${encodeURIComponent(threadId)}`;
const commentPath = (workspaceId: string, threadId: string, commentId: string) => `${threadPath(workspaceId, threadId)}/comments/${encodeURIComponent(commentId)}`;

/** Query parameters as the API reads them: flags as 'true', empty values left out. */
function toQuery(query: ThreadListQuery): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    out[key] = String(value);
  }
  return out;
}

export const listThreads = (workspaceId: string, query: ThreadListQuery) => api.get<ThreadList>(threadsPath(workspaceId), { query: toQuery(query) });
export const getThread = (workspaceId: string, threadId: string) => api.get<ThreadDetail>(threadPath(workspaceId, threadId));
export const createThread = (workspaceId: string, body: CreateThreadBody) => api.post<ThreadDetail>(threadsPath(workspaceId), body);
export const resolveThread = (workspaceId: string, threadId: string) => api.post<ThreadDetail>(`${threadPath(workspaceId, threadId)}/resolve`);
export const reopenThread = (workspaceId: string, threadId: string) => api.post<ThreadDetail>(`${threadPath(workspaceId, threadId)}/reopen`);
export const markThreadRead = (workspaceId: string, threadId: string) => api.post<undefined>(`${threadPath(workspaceId, threadId)}/read`);

export const addComment = (workspaceId: string, threadId: string, body: CommentBodyInput) => api.post<Comment>(`${threadPath(workspaceId, threadId)}/comments`, body);
export const editComment = (workspaceId: string, threadId: string, commentId: string, body: CommentBodyInput) =>
  api.patch<Comment>(commentPath(workspaceId, threadId, commentId), body);
export const deleteComment = (workspaceId: string, threadId: string, commentId: string) => api.delete(commentPath(workspaceId, threadId, commentId));
export const getCommentHistory = (workspaceId: string, threadId: string, commentId: string) =>
  api.get<CommentHistory>(`${commentPath(workspaceId, threadId, commentId)}/history`);

export const listNotifications = () => api.get<NotificationList>('/notifications');
export const markNotificationsRead = (body: MarkNotificationsReadBody) => api.post<undefined>('/notifications/read', body);
