import { z } from 'zod';

/** `GET /api/workspaces/:workspaceId/notebook`: the name of the workspace's notebook document. */
export const NotebookSchema = z.object({ docName: z.string() });
export type Notebook = z.infer<typeof NotebookSchema>;
