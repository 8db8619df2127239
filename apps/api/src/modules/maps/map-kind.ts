/**
 * The argument map's server-side part of the collaborative document kind 'map': its cited
 * spans must lie in documents of the map's workspace and quote them exactly (and a cited
 * annotation must be of that document), and its evidence links and counts are projected into
 * SQL after committed changes, announced with a maps.changed event when they changed.
 */
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { readMap, type CitedSpan } from '@marginalia/shared';
import { CollabKinds, type ProjectedDocument } from '../collab/collab-kinds.js';
import { WorkspaceEvents } from '../collab/workspace-events.service.js';
import { writeMapProjection } from './map-projection.js';

/** Checked spans remembered per workspace, so that moving a node does not query again. */
const CHECKED_SPANS_KEPT = 10_000;

@Injectable()
export class MapKind implements OnModuleInit {
  private readonly checked = new Set<string>();
  /** Per document, a fingerprint of what was last projected: unchanged facts are not rewritten. */
  private readonly projected = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kinds: CollabKinds,
    private readonly events: WorkspaceEvents,
  ) {}

  onModuleInit(): void {
    this.kinds.register('map', {
      checkCitedSpans: (workspaceId, spans) => this.checkCitedSpans(workspaceId, spans),
      project: (document) => this.project(document),
    });
  }

  async checkCitedSpans(workspaceId: string, spans: CitedSpan[]): Promise<string | null> {
    const keyOf = (span: CitedSpan) => `${workspaceId} ${span.documentId} ${span.start} ${span.end} ${span.annotationId ?? ''} ${hash(span.exact)}`;
    const unchecked = spans.filter((span) => !this.checked.has(keyOf(span)));
    if (unchecked.length === 0) return null;
    // substr counts characters, which for UTF-8 text are code points, as offsets are.
    const rows = (await this.dataSource.query(
      `SELECT s.i::int AS i,
              d.id IS NOT NULL AS document_found,
              d.id IS NOT NULL AND s."end" <= d.character_count AS inside,
              d.id IS NOT NULL AND substr(d.text, s.start + 1, s."end" - s.start) = s.exact AS quoted,
              s.annotation_id IS NULL OR a.id IS NOT NULL AS annotation_found
         FROM unnest($2::uuid[], $3::int[], $4::int[], $5::text[], $6::uuid[]) WITH ORDINALITY AS s(document_id, start, "end", exact, annotation_id, i)
         LEFT JOIN documents d ON d.id = s.document_id AND d.workspace_id = $1
         LEFT JOIN annotations a ON a.id = s.annotation_id AND a.workspace_id = $1 AND a.document_id = s.document_id`,
      [workspaceId, unchecked.map((s) => s.documentId), unchecked.map((s) => s.start), unchecked.map((s) => s.end), unchecked.map((s) => s.exact), unchecked.map((s) => s.annotationId ?? null)],
    )) as { i: number; document_found: boolean; inside: boolean; quoted: boolean; annotation_found: boolean }[];
    for (const row of rows) {
      const span = unchecked[row.i - 1]!;
      if (!row.document_found) return `cites document ${span.documentId}, which is not in this workspace`;
      if (!row.inside) return `cites [${span.start}, ${span.end}) past the end of document ${span.documentId}`;
      if (!row.quoted) return `the quote of [${span.start}, ${span.end}) in document ${span.documentId} is not the document's text there`;
      if (!row.annotation_found) return `cites annotation ${span.annotationId}, which is not in that document`;
    }
    if (this.checked.size + unchecked.length > CHECKED_SPANS_KEPT) this.checked.clear();
    for (const span of unchecked) this.checked.add(keyOf(span));
    return null;
  }

  async project({ name, workspaceId, doc }: ProjectedDocument): Promise<void> {
    const map = readMap(doc);
    const links = map.nodes.flatMap((node) => node.evidence.map((link) => ({ node, link })));
    const fingerprint = hash(
      JSON.stringify([map.nodes.map((node) => [node.id, node.kind, node.text]), map.edges.map((edge) => [edge.id, edge.kind, edge.source, edge.target]), links.map(({ node, link }) => [node.id, link])]),
    );
    if (this.projected.get(name) === fingerprint) return;
    const mapId = await this.dataSource.transaction((manager) => writeMapProjection(manager, name, workspaceId, map));
    this.projected.set(name, fingerprint);
    if (this.projected.size > CHECKED_SPANS_KEPT) this.projected.clear();
    if (mapId) this.events.publish('maps.changed', workspaceId, [mapId], null);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
