import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CorpusDocument } from '../documents/document.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { ArgumentMapRecord } from './argument-map.entity.js';

/**
 * One evidence link of a map node, projected from the map's Yjs document so that "where is
 * this passage used" and exports are queries. Rewritten for a map whenever its links change;
 * never edited on its own. No foreign key to annotations: a link keeps its span when the
 * annotation it came from is deleted.
 */
@Entity({ name: 'map_citations' })
@Index('map_citations_document_idx', ['documentId', 'start'])
export class MapCitationRecord {
  @PrimaryColumn({ name: 'map_id', type: 'uuid' })
  mapId: string;

  @ManyToOne(() => ArgumentMapRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'map_id' })
  map?: Relation<ArgumentMapRecord>;

  @PrimaryColumn({ name: 'link_id', type: 'text' })
  linkId: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ name: 'node_id', type: 'text' })
  nodeId: string;

  @Column({ name: 'node_kind', type: 'text' })
  nodeKind: string;

  @Column({ name: 'node_text', type: 'text' })
  nodeText: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => CorpusDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<CorpusDocument>;

  @Column({ type: 'integer' })
  start: number;

  @Column({ type: 'integer' })
  end: number;

  @Column({ type: 'text' })
  exact: string;

  @Column({ name: 'annotation_id', type: 'uuid', nullable: true })
  annotationId: string | null;
}
