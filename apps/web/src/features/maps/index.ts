/** Public surface of the maps feature: the maps list, the map page, and the open-map session other views consume. */
import './workspace-events';
export { mapKeys } from './api';
export { MapSessionProvider, useDocSnapshot, useMapSession, useMapSnapshot, type MapSession } from './map-session';
export { useDocumentCitations, useMaps } from './hooks/useMaps';
