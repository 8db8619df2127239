/**
 * The reader layers, in painting and listing order: the one place that names the features that
 * put things on the reader. A new layer (tags, comments, map links) is added here, and nowhere
 * in the reader.
 */
import { attributionsLayer } from '../features/actors';
import { annotationsLayer } from '../features/annotations';
import { discussionLayer } from '../features/discussion';
import type { ReaderLayer } from '../features/corpus';
import { mapCitationsLayer } from '../features/maps';

export const READER_LAYERS: readonly ReaderLayer[] = [attributionsLayer, annotationsLayer, mapCitationsLayer, discussionLayer];
