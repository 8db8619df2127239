/** The annotation row as the list query returns it, and its DTO. */
import type { Annotation as AnnotationDto } from '@marginalia/shared';

export interface AnnotationRow {
  id: string;
  document_id: string;
  start: number;
  end: number;
  /** Absent when the query left quotes out. */
  exact?: string;
  prefix?: string;
  suffix?: string;
  tag_ids: string[];
  memo: string | null;
  kind: 'analyst' | 'consensus';
  analyst_id: string | null;
  analyst_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export const SELECT_ANNOTATIONS = `SELECT a.id, a.document_id, a.start, a."end", a.exact, a.prefix, a.suffix, a.memo, a.kind, a.analyst_id,
    u.display_name AS analyst_name, a.created_at, a.updated_at,
    ARRAY(SELECT t.tag_id::text FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY t.tag_id) AS tag_ids
  FROM annotations a LEFT JOIN users u ON u.id = a.analyst_id`;

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The same DTO as toAnnotationDto, built by Postgres (alias `a`), for list answers. */
export function annotationJson(withQuotes: boolean): string {
  return `json_build_object('id', a.id, 'documentId', a.document_id, 'start', a.start, 'end', a."end",
    ${withQuotes ? `'quote', json_build_object('exact', a.exact, 'prefix', a.prefix, 'suffix', a.suffix),` : ''}
    'tagIds', ARRAY(SELECT t.tag_id FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY t.tag_id),
    'memo', a.memo, 'kind', a.kind, 'analystId', a.analyst_id,
    'createdAt', to_char(a.created_at AT TIME ZONE 'UTC', ${ISO}), 'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', ${ISO}))`;
}

export function toAnnotationDto(row: AnnotationRow): AnnotationDto {
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    ...(row.exact !== undefined ? { quote: { exact: row.exact, prefix: row.prefix ?? '', suffix: row.suffix ?? '' } } : {}),
    tagIds: row.tag_ids,
    memo: row.memo,
    kind: row.kind,
    analystId: row.analyst_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

