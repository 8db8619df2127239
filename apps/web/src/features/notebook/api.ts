/** The workspace notebook: which shared document holds it (its text travels over the socket). */
import type { Notebook } from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const notebookKeys = {
  detail: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'notebook'] as const,
};

export const getNotebook = (workspaceId: string) => api.get<Notebook>(`/workspaces/${encodeURIComponent(workspaceId)}/notebook`);

/** The Y.Text inside the notebook document; the server and the tests read it by this name. */
export const NOTEBOOK_TEXT = 'markdown';
