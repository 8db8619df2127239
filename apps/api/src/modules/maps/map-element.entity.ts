import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ArgumentMapRecord } from './argument-map.entity.js';

/**
 * A node or edge of a map, projected from its Yjs document with its citations: what threads
 * anchored to map elements check to know whether their target still exists, and what they
 * show as its label.
 */
@Entity({ name: 'map_elements' })
export class MapElementRecord {
  @PrimaryColumn({ name: 'map_id', type: 'uuid' })
  mapId: string;

  @ManyToOne(() => ArgumentMapRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'map_id' })
  map?: Relation<ArgumentMapRecord>;

  @PrimaryColumn({ name: 'element_id', type: 'text' })
  elementId: string;

  /** 'node' or 'edge'. */
  @Column({ type: 'text' })
  element: 'node' | 'edge';

  /** The node's or edge's kind (explanation, supports...). */
  @Column({ type: 'text' })
  kind: string;

  /** A node's text; for an edge, "source text -> target text". */
  @Column({ type: 'text' })
  label: string;
}
