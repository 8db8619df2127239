/**
 * The selected node's details, edited in place: kind, text, details, confidence, the actors
 * who hold or reject it, and the passages it cites (quotes that open the reader there).
 * Every change is one map-edits call; read-only people see the same panel without controls.
 * The node's discussion opens from here (commenters and up).
 */
import { CONFIDENCE_LEVELS, MAP_LIMITS, MAP_NODE_KINDS, updateNode, type ConfidenceLevel, type MapNode, type MapNodeKind } from '@marginalia/shared';
import { SelectField, TextAreaField } from '../../../ui';
import { AnchorDiscussionButton } from '../../discussion';
import { CONFIDENCE_LABELS, NODE_KIND_LABELS, nodeTitle } from '../canvas/map-labels';
import { useMapSession } from '../map-session';
import { NodeActors } from './NodeActors';
import { NodeEvidence } from './NodeEvidence';

const KIND_OPTIONS = MAP_NODE_KINDS.map((kind) => ({ value: kind, label: NODE_KIND_LABELS[kind] }));
const CONFIDENCE_OPTIONS = [{ value: '', label: 'Not said' }, ...CONFIDENCE_LEVELS.map((level) => ({ value: level, label: CONFIDENCE_LABELS[level] }))];

/** The text field's id: "edit this node" (Enter on a node, a new node) moves focus there. */
export const NODE_TEXT_FIELD_ID = 'map-node-text';

export function NodeInspector({ node }: { node: MapNode }) {
  const { doc, readOnly, workspaceId, map } = useMapSession();
  const discussion = <AnchorDiscussionButton workspaceId={workspaceId} anchor={{ kind: 'map-node', mapId: map.id, elementId: node.id }} subject={`node “${nodeTitle(node.text)}”`} />;

  if (readOnly) {
    return (
      <section className="map-inspector" aria-label="Selected node">
        <p className="map-inspector__kind">
          {NODE_KIND_LABELS[node.kind]}
          {node.confidence && ` · ${CONFIDENCE_LABELS[node.confidence]} confidence`}
        </p>
        <h2 className="map-inspector__title">{nodeTitle(node.text)}</h2>
        {discussion}
        {node.details !== '' && <p className="map-inspector__details">{node.details}</p>}
        <NodeActors node={node} />
        <NodeEvidence node={node} />
      </section>
    );
  }

  return (
    <section className="map-inspector" aria-label="Selected node">
      {discussion}
      <SelectField label="Kind" value={node.kind} options={KIND_OPTIONS} onChange={(event) => updateNode(doc, node.id, { kind: event.target.value as MapNodeKind })} />
      <TextAreaField
        id={NODE_TEXT_FIELD_ID}
        label="Text"
        rows={3}
        maxLength={MAP_LIMITS.textChars}
        value={node.text}
        onChange={(event) => updateNode(doc, node.id, { text: event.target.value })}
      />
      <TextAreaField
        label="Details"
        rows={4}
        maxLength={MAP_LIMITS.detailsChars}
        value={node.details}
        onChange={(event) => updateNode(doc, node.id, { details: event.target.value })}
      />
      <SelectField
        label="Confidence"
        value={node.confidence ?? ''}
        options={CONFIDENCE_OPTIONS}
        onChange={(event) => updateNode(doc, node.id, { confidence: event.target.value === '' ? null : (event.target.value as ConfidenceLevel) })}
      />
      <NodeActors node={node} />
      <NodeEvidence node={node} />
    </section>
  );
}
