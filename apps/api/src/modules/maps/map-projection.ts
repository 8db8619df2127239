/**
 * Writes what SQL keeps of a map (its counts, its nodes and edges with their labels, and its
 * evidence links as citations) from a
 * snapshot of the document. The row lock orders projections of one map made by several API
 * processes; the result is a function of the snapshot alone, so the last one wins correctly.
 */
import type { EntityManager } from 'typeorm';
import type { MapSnapshot } from '@marginalia/shared';

/** Run inside a transaction. Returns the map's id, or null when the map was deleted meanwhile. */
export async function writeMapProjection(manager: EntityManager, docName: string, workspaceId: string, map: MapSnapshot): Promise<string | null> {
  const links = map.nodes.flatMap((node) => node.evidence.map((link) => ({ node, link })));
  const rows = (await manager.query(`SELECT id FROM argument_maps WHERE doc_name = $1 AND workspace_id = $2 FOR UPDATE`, [docName, workspaceId])) as { id: string }[];
  const id = rows[0]?.id;
  if (!id) return null;
  await manager.query(`UPDATE argument_maps SET node_count = $2, edge_count = $3, updated_at = now() WHERE id = $1`, [id, map.nodes.length, map.edges.length]);
  await manager.query(`DELETE FROM map_elements WHERE map_id = $1`, [id]);
  const texts = new Map(map.nodes.map((node) => [node.id, node.text]));
  const elements = [
    ...map.nodes.map((node) => ({ id: node.id, element: 'node', kind: node.kind, label: node.text })),
    ...map.edges.map((edge) => ({ id: edge.id, element: 'edge', kind: edge.kind, label: `${texts.get(edge.source) ?? '?'} -> ${texts.get(edge.target) ?? '?'}` })),
  ];
  if (elements.length > 0) {
    await manager.query(`INSERT INTO map_elements (map_id, element_id, element, kind, label) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`, [
      id,
      elements.map((element) => element.id),
      elements.map((element) => element.element),
      elements.map((element) => element.kind),
      elements.map((element) => element.label),
    ]);
  }
  await manager.query(`DELETE FROM map_citations WHERE map_id = $1`, [id]);
  if (links.length > 0) {
    await manager.query(
      `INSERT INTO map_citations (map_id, workspace_id, link_id, node_id, node_kind, node_text, document_id, start, "end", exact, annotation_id)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::int[], $9::int[], $10::text[], $11::uuid[])
       ON CONFLICT (map_id, link_id) DO NOTHING`,
      [
        id,
        workspaceId,
        links.map(({ link }) => link.id),
        links.map(({ node }) => node.id),
        links.map(({ node }) => node.kind),
        links.map(({ node }) => node.text),
        links.map(({ link }) => link.documentId),
        links.map(({ link }) => link.start),
        links.map(({ link }) => link.end),
        links.map(({ link }) => link.exact),
        links.map(({ link }) => link.annotationId ?? null),
      ],
    );
  }
  return id;
}
