/**
 * Annotations (coded spans), their retrieval (coded segments), tag statistics and analyst
 * agreement. Offsets are code points, end exclusive, as everywhere in the API.
 */
import type {
  AgreementReport,
  Annotation,
  AnnotationList,
  CodedSegmentList,
  CreateAnnotationBody,
  TagCoOccurrence,
  TagFrequencies,
  TagStatisticsQuery,
  UpdateAnnotationBody,
} from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

/** Retrieval filters as the client keeps them (the API takes `includeSubtags` as text). */
export interface SegmentsQuery {
  tagId: string;
  includeSubtags: boolean;
  documentId?: string | undefined;
  analystId?: string | undefined;
  actorId?: string | undefined;
}

export interface AgreementParams {
  analysts: string[];
  documents?: string[] | undefined;
  tags?: string[] | undefined;
}

export const annotationKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'annotations'] as const,
  document: (workspaceId: string, documentId: string) => [...annotationKeys.all(workspaceId), 'document', documentId] as const,
  segments: (workspaceId: string, query: SegmentsQuery) => [...annotationKeys.all(workspaceId), 'segments', query] as const,
  frequencies: (workspaceId: string, query: TagStatisticsQuery) => [...annotationKeys.all(workspaceId), 'frequencies', query] as const,
  coOccurrence: (workspaceId: string, query: TagStatisticsQuery) => [...annotationKeys.all(workspaceId), 'co-occurrence', query] as const,
  agreement: (workspaceId: string, params: AgreementParams) => [...annotationKeys.all(workspaceId), 'agreement', params] as const,
};

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const annotationPath = (workspaceId: string, annotationId: string) => `${ws(workspaceId)}/annotations/${encodeURIComponent(annotationId)}`;
const list = (ids: string[] | undefined) => (ids === undefined || ids.length === 0 ? undefined : ids.join(','));

export const listDocumentAnnotations = (workspaceId: string, documentId: string) =>
  api.get<AnnotationList>(`${ws(workspaceId)}/annotations`, { query: { documentId } });
export const createAnnotation = (workspaceId: string, body: CreateAnnotationBody) => api.post<Annotation>(`${ws(workspaceId)}/annotations`, body);
export const updateAnnotation = (workspaceId: string, annotationId: string, body: UpdateAnnotationBody) =>
  api.patch<Annotation>(annotationPath(workspaceId, annotationId), body);
export const deleteAnnotation = (workspaceId: string, annotationId: string) => api.delete(annotationPath(workspaceId, annotationId));

export const listCodedSegments = (workspaceId: string, query: SegmentsQuery) =>
  api.get<CodedSegmentList>(`${ws(workspaceId)}/coded-segments`, { query: { ...query, includeSubtags: String(query.includeSubtags) } });
export const getTagFrequencies = (workspaceId: string, query: TagStatisticsQuery) => api.get<TagFrequencies>(`${ws(workspaceId)}/tag-frequencies`, { query: { ...query } });
export const getTagCoOccurrence = (workspaceId: string, query: TagStatisticsQuery) =>
  api.get<TagCoOccurrence>(`${ws(workspaceId)}/tag-co-occurrence`, { query: { ...query } });
export const getAgreement = (workspaceId: string, params: AgreementParams) =>
  api.get<AgreementReport>(`${ws(workspaceId)}/agreement`, { query: { analysts: params.analysts.join(','), documents: list(params.documents), tags: list(params.tags) } });
