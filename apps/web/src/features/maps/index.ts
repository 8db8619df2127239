/**
 * Public surface of the maps feature: the maps list, the open-map session the comparison views
 * consume, and the reader's map layer. The map page itself is in ./page (loaded lazily).
 */
import './workspace-events';
export { mapKeys } from './api';
export { MapSessionProvider, useDocSnapshot, useMapSession, useMapSnapshot, type MapSession } from './map-session';
export { prefetchMap, useDocumentCitations, useMaps } from './hooks/useMaps';
export { MapsPage } from './components/MapsPage';
export { mapCitationsLayer, mapNodePath } from './reader-layer';
