/**
 * Argument maps over REST: the list of a workspace's maps (each one Yjs document, joined on
 * the /collab socket by its docName) and the citations projected from their evidence links.
 * The content of a map never travels here.
 */
import type {
  ArgumentMap,
  ArgumentMapList,
  CreateArgumentMapBody,
  DuplicateArgumentMapBody,
  MapCitationList,
  UpdateArgumentMapBody,
} from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const mapKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'maps'] as const,
  list: (workspaceId: string, includeArchived: boolean) => [...mapKeys.all(workspaceId), 'list', { includeArchived }] as const,
  detail: (workspaceId: string, mapId: string) => [...mapKeys.all(workspaceId), 'detail', mapId] as const,
  citations: (workspaceId: string, documentId: string) => [...mapKeys.all(workspaceId), 'citations', documentId] as const,
};

const mapsPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/maps`;
const mapPath = (workspaceId: string, mapId: string) => `${mapsPath(workspaceId)}/${encodeURIComponent(mapId)}`;

export const listMaps = async (workspaceId: string, includeArchived: boolean) =>
  (await api.get<ArgumentMapList>(mapsPath(workspaceId), { query: includeArchived ? { archived: 'true' } : {} })).maps;
export const getMap = (workspaceId: string, mapId: string) => api.get<ArgumentMap>(mapPath(workspaceId, mapId));
export const createMap = (workspaceId: string, body: CreateArgumentMapBody) => api.post<ArgumentMap>(mapsPath(workspaceId), body);
export const updateMap = (workspaceId: string, mapId: string, body: UpdateArgumentMapBody) => api.patch<ArgumentMap>(mapPath(workspaceId, mapId), body);
export const duplicateMap = (workspaceId: string, mapId: string, body: DuplicateArgumentMapBody) =>
  api.post<ArgumentMap>(`${mapPath(workspaceId, mapId)}/duplicate`, body);
export const deleteMap = (workspaceId: string, mapId: string) => api.delete(mapPath(workspaceId, mapId));

export const listDocumentCitations = async (workspaceId: string, documentId: string) =>
  (await api.get<MapCitationList>(`/workspaces/${encodeURIComponent(workspaceId)}/map-citations`, { query: { documentId } })).citations;
