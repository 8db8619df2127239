import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Tag } from '../codebook/tag.entity.js';
import { Annotation } from './annotation.entity.js';

/** Which tags an annotation carries (one or more, of the annotation's own workspace). */
@Entity({ name: 'annotation_tags' })
@Index('annotation_tags_tag_id_idx', ['tagId', 'annotationId'])
export class AnnotationTag {
  @PrimaryColumn({ name: 'annotation_id', type: 'uuid' })
  annotationId: string;

  @ManyToOne(() => Annotation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: Relation<Annotation>;

  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: Relation<Tag>;
}
