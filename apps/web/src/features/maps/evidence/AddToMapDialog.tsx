/**
 * "Add to map…" from the reader: pick a map, and the selected span becomes an evidence node on
 * it (linked to the annotation when the selection is exactly an annotation's span). The map's
 * document is joined only for the write, through the same collab client as the map page; the
 * client keeps the document until the new node is stored.
 */
import type { ArgumentMap, MapSnapshot } from '@marginalia/shared';
import { readMap } from '@marginalia/shared';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { useCollabDoc } from '../../../lib/collab';
import { Alert, Button, Dialog, LoadingState, SelectField } from '../../../ui';
import { useSignedInUser } from '../../auth';
import type { DraggedAnchor } from '../canvas/anchor-transfer';
import { addEvidenceNode, freeSpotBelow } from '../canvas/evidence-node';
import { useMaps } from '../hooks/useMaps';

interface AddToMapDialogProps {
  workspaceId: string;
  anchor: DraggedAnchor | null;
  onClose: () => void;
  onAdded: (map: ArgumentMap, nodeId: string) => void;
}

export function AddToMapDialog({ workspaceId, anchor, onClose, onAdded }: AddToMapDialogProps) {
  return (
    <Dialog open={anchor !== null} onClose={onClose} title="Add to map" description={anchor ? <blockquote className="evidence-quote">{anchor.exact}</blockquote> : undefined}>
      {anchor && <AddToMapForm workspaceId={workspaceId} anchor={anchor} onClose={onClose} onAdded={onAdded} />}
    </Dialog>
  );
}

function AddToMapForm({ workspaceId, anchor, onClose, onAdded }: { workspaceId: string; anchor: DraggedAnchor; onClose: () => void; onAdded: AddToMapDialogProps['onAdded'] }) {
  const maps = useMaps(workspaceId);
  const [choice, setChoice] = useState('');
  const [writing, setWriting] = useState<ArgumentMap | null>(null);
  const available = maps.data ?? [];
  const selected = available.find((map) => map.id === choice) ?? available[0];

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected) setWriting(selected);
  }

  if (maps.isPending) return <LoadingState label="Loading the maps…" />;
  if (available.length === 0) {
    return (
      <div className="stack">
        <p>
          There is no map in this workspace yet. <Link to={`/w/${workspaceId}/maps`}>Create one</Link>, then come back to this passage.
        </p>
        <div className="dialog__actions">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    );
  }
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Add to map">
      <SelectField
        label="Map"
        value={selected?.id ?? ''}
        options={available.map((map) => ({ value: map.id, label: map.title }))}
        onChange={(event) => setChoice(event.target.value)}
        disabled={writing !== null}
      />
      <p className="muted">An evidence node citing this passage is added at the bottom of the map.</p>
      {writing && <MapWriter map={writing} anchor={anchor} onAdded={(nodeId) => onAdded(writing, nodeId)} onFailed={() => setWriting(null)} />}
      <div className="dialog__actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={writing !== null}>
          Add evidence node
        </Button>
      </div>
    </form>
  );
}

/** Joins the map's document, adds the node once it is loaded, and reports. */
function MapWriter({ map, anchor, onAdded, onFailed }: { map: ArgumentMap; anchor: DraggedAnchor; onAdded: (nodeId: string) => void; onFailed: () => void }) {
  const user = useSignedInUser();
  const collab = useCollabDoc(map.docName);
  const written = useRef(false);
  const refused = collab.status === 'denied' || (collab.loaded && collab.readOnly);

  useEffect(() => {
    if (written.current || !collab.doc || !collab.loaded || collab.readOnly) return;
    written.current = true;
    const snapshot: MapSnapshot = readMap(collab.doc);
    onAdded(addEvidenceNode(collab.doc, user.id, anchor, freeSpotBelow(snapshot)));
  }, [collab.doc, collab.loaded, collab.readOnly, user.id, anchor, onAdded]);

  if (refused) {
    return (
      <Alert tone="danger">
        You cannot change this map. <Button size="sm" onClick={onFailed}>Choose another</Button>
      </Alert>
    );
  }
  return <p className="muted" role="status">Adding to “{map.title}”…</p>;
}
