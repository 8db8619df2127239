/**
 * Actors (people and organisations quoted in the corpus), the candidates proposed from the
 * text, and attributions of spans to actors. Offsets are code points, as everywhere in the API.
 */
import type {
  AcceptCandidateBody,
  Actor,
  ActorCandidate,
  ActorCandidateList,
  ActorList,
  Attribution,
  AttributionList,
  CreateActorBody,
  CreateAttributionBody,
  UpdateActorBody,
} from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const actorKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'actors'] as const,
  list: (workspaceId: string) => [...actorKeys.all(workspaceId), 'list'] as const,
  candidates: (workspaceId: string) => [...actorKeys.all(workspaceId), 'candidates'] as const,
  dismissedCandidates: (workspaceId: string) => [...actorKeys.all(workspaceId), 'candidates', 'dismissed'] as const,
  attributions: (workspaceId: string, documentId: string) => [...actorKeys.all(workspaceId), 'attributions', documentId] as const,
};

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const actorPath = (workspaceId: string, actorId: string) => `${ws(workspaceId)}/actors/${encodeURIComponent(actorId)}`;
const candidatePath = (workspaceId: string, candidateId: string) => `${ws(workspaceId)}/actor-candidates/${encodeURIComponent(candidateId)}`;
const attributionsPath = (workspaceId: string, documentId: string) => `${ws(workspaceId)}/documents/${encodeURIComponent(documentId)}/attributions`;

export const listActors = async (workspaceId: string) => (await api.get<ActorList>(`${ws(workspaceId)}/actors`)).actors;
export const createActor = (workspaceId: string, body: CreateActorBody) => api.post<Actor>(`${ws(workspaceId)}/actors`, body);
export const updateActor = (workspaceId: string, actorId: string, body: UpdateActorBody) => api.patch<Actor>(actorPath(workspaceId, actorId), body);
export const deleteActor = (workspaceId: string, actorId: string) => api.delete(actorPath(workspaceId, actorId));

export const listPendingCandidates = async (workspaceId: string) =>
  (await api.get<ActorCandidateList>(`${ws(workspaceId)}/actor-candidates`, { query: { status: 'pending' } })).candidates;
export const acceptCandidate = (workspaceId: string, candidateId: string, body: AcceptCandidateBody) =>
  api.post<Actor>(`${candidatePath(workspaceId, candidateId)}/accept`, body);
export const dismissCandidate = (workspaceId: string, candidateId: string) => api.post<ActorCandidate>(`${candidatePath(workspaceId, candidateId)}/dismiss`);
export const listDismissedCandidates = async (workspaceId: string) =>
  (await api.get<ActorCandidateList>(`${ws(workspaceId)}/actor-candidates`, { query: { status: 'dismissed' } })).candidates;
export const restoreCandidate = (workspaceId: string, candidateId: string) => api.post<ActorCandidate>(`${candidatePath(workspaceId, candidateId)}/restore`);
export const refreshCandidates = async (workspaceId: string) =>
  (await api.post<ActorCandidateList>(`${ws(workspaceId)}/actor-candidates/refresh`)).candidates;

export const listAttributions = async (workspaceId: string, documentId: string) =>
  (await api.get<AttributionList>(attributionsPath(workspaceId, documentId))).attributions;
export const createAttribution = (workspaceId: string, documentId: string, body: CreateAttributionBody) =>
  api.post<Attribution>(attributionsPath(workspaceId, documentId), body);
export const deleteAttribution = (workspaceId: string, attributionId: string) =>
  api.delete(`${ws(workspaceId)}/attributions/${encodeURIComponent(attributionId)}`);
