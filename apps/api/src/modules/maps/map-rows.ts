/** The argument map row as queries return it, and its DTO. */
import type { ArgumentMap } from '@marginalia/shared';

export interface ArgumentMapRow {
  id: string;
  title: string;
  doc_name: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
  node_count: number;
  edge_count: number;
}

export const MAP_COLUMNS = `m.id, m.title, m.doc_name, m.created_by, m.created_at, m.updated_at, m.archived_at, m.node_count, m.edge_count`;

export function toArgumentMapDto(row: ArgumentMapRow): ArgumentMap {
  return {
    id: row.id,
    title: row.title,
    docName: row.doc_name,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archived: row.archived_at !== null,
    nodeCount: row.node_count,
    edgeCount: row.edge_count,
  };
}
