/** The codebook (hierarchical tags) and the workspace's coding settings. */
import type {
  CodingSettings,
  CreateTagBody,
  DeleteTagQuery,
  MoveTagBody,
  Tag,
  TagList,
  UpdateCodingSettingsBody,
  UpdateTagBody,
} from '@marginalia/shared';
import { api, apiRequest } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const codebookKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'codebook'] as const,
  tags: (workspaceId: string) => [...codebookKeys.all(workspaceId), 'tags'] as const,
  settings: (workspaceId: string) => [...codebookKeys.all(workspaceId), 'settings'] as const,
};

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const tagPath = (workspaceId: string, tagId: string) => `${ws(workspaceId)}/tags/${encodeURIComponent(tagId)}`;

export const listTags = async (workspaceId: string) => (await api.get<TagList>(`${ws(workspaceId)}/tags`)).tags;
export const createTag = (workspaceId: string, body: CreateTagBody) => api.post<Tag>(`${ws(workspaceId)}/tags`, body);
export const updateTag = (workspaceId: string, tagId: string, body: UpdateTagBody) => api.patch<Tag>(tagPath(workspaceId, tagId), body);
export const moveTag = (workspaceId: string, tagId: string, body: MoveTagBody) => api.post<Tag>(`${tagPath(workspaceId, tagId)}/move`, body);
export const mergeTag = (workspaceId: string, tagId: string, intoTagId: string) => api.post<Tag>(`${tagPath(workspaceId, tagId)}/merge`, { intoTagId });
export const deleteTag = (workspaceId: string, tagId: string, query: DeleteTagQuery) =>
  apiRequest<void>('DELETE', tagPath(workspaceId, tagId), { query: { ...query } });

export const getCodingSettings = (workspaceId: string) => api.get<CodingSettings>(`${ws(workspaceId)}/coding-settings`);
export const updateCodingSettings = (workspaceId: string, body: UpdateCodingSettingsBody) =>
  api.patch<CodingSettings>(`${ws(workspaceId)}/coding-settings`, body);
