/** The annotation row as the list query returns it, and its DTO. */
import type { Analyst, Annotation as AnnotationDto } from '@marginalia/shared';

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

/** One query for everything the reader draws: tags aggregated per annotation, the analyst's name joined. */
export function selectAnnotations(withQuotes: boolean): string {
  return `SELECT a.id, a.document_id, a.start, a."end", ${withQuotes ? 'a.exact, a.prefix, a.suffix,' : ''} a.memo, a.kind, a.analyst_id,
    u.display_name AS analyst_name, a.created_at, a.updated_at,
    ARRAY(SELECT t.tag_id::text FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY t.tag_id) AS tag_ids
  FROM annotations a LEFT JOIN users u ON u.id = a.analyst_id`;
}
export const SELECT_ANNOTATIONS = selectAnnotations(true);

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

/** The analysts named by some rows, once each. */
export function analystsOf(rows: readonly AnnotationRow[]): Analyst[] {
  const byId = new Map<string, string>();
  for (const row of rows) if (row.analyst_id && !byId.has(row.analyst_id)) byId.set(row.analyst_id, row.analyst_name ?? '');
  return [...byId].map(([id, displayName]) => ({ id, displayName }));
}
