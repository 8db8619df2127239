import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity.js';
import { CorpusDocument } from './document.entity.js';

/**
 * A paragraph of a document: its span (code points) and a copy of its text for full-text
 * search. The search vector is maintained by a trigger, so the database keeps it in step.
 */
@Entity({ name: 'passages' })
@Index('passages_document_index_key', ['documentId', 'index'], { unique: true })
export class Passage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Denormalised from the document so search filters by workspace without a join. */
  @Index('passages_workspace_id_idx')
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => CorpusDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<CorpusDocument>;

  @Column({ type: 'integer' })
  index: number;

  @Column({ type: 'integer' })
  start: number;

  @Column({ type: 'integer' })
  end: number;

  /** Sentence spans inside the passage, absolute code point offsets: [[start, end], ...]. */
  @Column({ type: 'jsonb' })
  sentences: [number, number][];

  @Column({ type: 'text' })
  text: string;

  /**
   * The text search configuration the passage is indexed with: search_config_for_language()
   * of its document's language, kept in step when the language is edited.
   */
  @Column({ name: 'search_config', type: 'text', default: 'english' })
  searchConfig: string;

  /**
   * to_tsvector(search_config, passage_search_text(text)), kept up to date by a trigger (see
   * the multilingual-search migration) and indexed with GIN. Never written or read by the
   * application directly.
   */
  @Index('passages_search_idx', { synchronize: false })
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string;
}
