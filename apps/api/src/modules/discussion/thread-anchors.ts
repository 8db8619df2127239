/**
 * Turns what a client says a thread is about into the stored anchor: checks that the target
 * exists in this workspace (400 naming what is wrong otherwise, as for annotations) and takes
 * its label. Map elements are checked against the map's current content, not the projection,
 * so a node made a moment ago can be discussed at once.
 */
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ThreadAnchorInput } from '@marginalia/shared';
import { AnchorResolver } from '../anchors/anchor-resolver.service.js';
import { MapsService } from '../maps/maps.service.js';
import type { AnchorColumns } from './thread-rows.js';

/** Column values of the threads table for an anchor (the same columns a thread row reads back). */
export type StoredAnchor = AnchorColumns;

const LABEL_CHARS = 200;

function emptyAnchor(kind: ThreadAnchorInput['kind'], label: string): StoredAnchor {
  return { anchor_kind: kind, document_id: null, start: null, end: null, exact: null, prefix: null, suffix: null, annotation_id: null, tag_id: null, map_id: null, element_id: null, evidence_id: null, label: shorten(label) };
}

export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > LABEL_CHARS ? `${oneLine.slice(0, LABEL_CHARS - 1)}…` : oneLine;
}

@Injectable()
export class ThreadAnchors {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly anchors: AnchorResolver,
    private readonly maps: MapsService,
  ) {}

  async resolve(workspaceId: string, input: ThreadAnchorInput, visibleAnnotation: (manager: EntityManager, annotationId: string) => Promise<boolean>): Promise<StoredAnchor> {
    const manager = this.dataSource.manager;
    switch (input.kind) {
      case 'text': {
        const anchor = await this.anchors.resolveText(workspaceId, input);
        return { ...emptyAnchor('text', anchor.quote.exact), document_id: anchor.documentId, start: anchor.start, end: anchor.end, exact: anchor.quote.exact, prefix: anchor.quote.prefix, suffix: anchor.quote.suffix };
      }
      case 'annotation': {
        const rows = (await manager.query(`SELECT document_id, start, "end", exact, prefix, suffix FROM annotations WHERE id = $1 AND workspace_id = $2`, [input.annotationId, workspaceId])) as {
          document_id: string;
          start: number;
          end: number;
          exact: string;
          prefix: string;
          suffix: string;
        }[];
        const row = rows[0];
        if (!row || !(await visibleAnnotation(manager, input.annotationId))) throw new BadRequestException('annotationId: no such annotation in this workspace');
        return { ...emptyAnchor('annotation', row.exact), annotation_id: input.annotationId, document_id: row.document_id, start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix };
      }
      case 'tag': {
        const rows = (await manager.query(`SELECT name FROM tags WHERE id = $1 AND workspace_id = $2`, [input.tagId, workspaceId])) as { name: string }[];
        if (!rows[0]) throw new BadRequestException('tagId: no such tag in this workspace');
        return { ...emptyAnchor('tag', rows[0].name), tag_id: input.tagId };
      }
      case 'document': {
        const rows = (await manager.query(`SELECT title FROM documents WHERE id = $1 AND workspace_id = $2`, [input.documentId, workspaceId])) as { title: string }[];
        if (!rows[0]) throw new BadRequestException('documentId: no such document in this workspace');
        return { ...emptyAnchor('document', rows[0].title), document_id: input.documentId };
      }
      case 'workspace': {
        const rows = (await manager.query(`SELECT name FROM workspaces WHERE id = $1`, [workspaceId])) as { name: string }[];
        return emptyAnchor('workspace', rows[0]?.name ?? 'Workspace');
      }
      case 'map-node':
      case 'map-edge':
      case 'ach-cell':
        return this.resolveMapElement(workspaceId, input);
    }
  }

  private async resolveMapElement(workspaceId: string, input: Extract<ThreadAnchorInput, { mapId: string }>): Promise<StoredAnchor> {
    const { content } = await this.maps.snapshot(workspaceId, input.mapId).catch(() => {
      throw new BadRequestException('mapId: no such map in this workspace');
    });
    const node = (id: string) => content.nodes.find((candidate) => candidate.id === id);
    if (input.kind === 'map-node') {
      const found = node(input.elementId);
      if (!found) throw new BadRequestException('elementId: no such node in this map');
      return { ...emptyAnchor('map-node', found.text), map_id: input.mapId, element_id: input.elementId };
    }
    if (input.kind === 'map-edge') {
      const edge = content.edges.find((candidate) => candidate.id === input.elementId);
      if (!edge) throw new BadRequestException('elementId: no such edge in this map');
      return { ...emptyAnchor('map-edge', `${node(edge.source)?.text ?? '?'} -> ${node(edge.target)?.text ?? '?'}`), map_id: input.mapId, element_id: input.elementId };
    }
    const hypothesis = node(input.hypothesisId);
    const evidence = node(input.evidenceId);
    if (!hypothesis || hypothesis.kind !== 'explanation') throw new BadRequestException('hypothesisId: no such explanation in this map');
    if (!evidence) throw new BadRequestException('evidenceId: no such node in this map');
    return { ...emptyAnchor('ach-cell', `${hypothesis.text} × ${evidence.text}`), map_id: input.mapId, element_id: input.hypothesisId, evidence_id: input.evidenceId };
  }
}
