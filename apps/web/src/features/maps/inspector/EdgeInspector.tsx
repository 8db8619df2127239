/** The selected link between two nodes: its kind (the edge kind picker), removal, and its discussion. */
import { MAP_EDGE_KINDS, removeEdges, setEdgeKind, type MapEdge, type MapEdgeKind, type MapSnapshot } from '@marginalia/shared';
import { Button, SelectField } from '../../../ui';
import { AnchorDiscussionButton } from '../../discussion';
import { EDGE_KIND_LABELS, nodeTitle } from '../canvas/map-labels';
import { useMapSession } from '../map-session';

const EDGE_OPTIONS = MAP_EDGE_KINDS.map((kind) => ({ value: kind, label: EDGE_KIND_LABELS[kind] }));

export function EdgeInspector({ edge, snapshot }: { edge: MapEdge; snapshot: MapSnapshot }) {
  const { doc, readOnly, workspaceId, map } = useMapSession();
  const titleOf = (id: string) => nodeTitle(snapshot.nodes.find((node) => node.id === id)?.text ?? '');
  return (
    <section className="map-inspector" aria-label="Selected link">
      <p className="map-inspector__edge">
        <strong>{titleOf(edge.source)}</strong> <em>{EDGE_KIND_LABELS[edge.kind]}</em> <strong>{titleOf(edge.target)}</strong>
      </p>
      <AnchorDiscussionButton workspaceId={workspaceId} anchor={{ kind: 'map-edge', mapId: map.id, elementId: edge.id }} subject={`link “${titleOf(edge.source)} ${EDGE_KIND_LABELS[edge.kind]} ${titleOf(edge.target)}”`} />
      {!readOnly && (
        <>
          <SelectField label="Kind of link" value={edge.kind} options={EDGE_OPTIONS} onChange={(event) => setEdgeKind(doc, edge.id, event.target.value as MapEdgeKind)} />
          <Button size="sm" variant="danger" onClick={() => removeEdges(doc, [edge.id])}>
            Remove link
          </Button>
        </>
      )}
    </section>
  );
}
