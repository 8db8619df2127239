/** Public surface of the actors feature: the actors page, and attribution for the reader. */
import './workspace-events';
export { actorKeys } from './api';
export { ActorsPage } from './components/ActorsPage';
export { AttributeDialog, type SpanToAttribute } from './components/AttributeDialog';
export { attributionsLayer } from './reader-layer';
export { useActors, useAttributions, useAttributionsOf, useDeleteAttribution } from './hooks/useActors';
