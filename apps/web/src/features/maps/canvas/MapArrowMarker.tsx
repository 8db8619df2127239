/**
 * The arrowhead every link ends with, defined once. Links name it by id (MAP_ARROW_MARKER_ID)
 * instead of each carrying a marker object that React Flow would compare and key per edge on
 * every change; it draws the same closed arrow React Flow's own marker would.
 */
import { MAP_ARROW_MARKER_ID } from './to-flow';

const ARROW_COLOR = '#b1b1b7';

export function MapArrowMarker() {
  return (
    <svg className="map-arrow-defs" aria-hidden="true" focusable="false">
      <defs>
        <marker className="react-flow__arrowhead" id={MAP_ARROW_MARKER_ID} markerWidth="18" markerHeight="18" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
          <polyline className="arrowclosed" style={{ stroke: ARROW_COLOR, fill: ARROW_COLOR, strokeWidth: 1 }} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
        </marker>
      </defs>
    </svg>
  );
}
