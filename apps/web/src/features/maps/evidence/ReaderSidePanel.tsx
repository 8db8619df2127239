/**
 * The split view's reader: a document's passages beside the canvas, to drag onto the map.
 * Drag a passage by its handle, or select words and drag the selection; either becomes an
 * evidence node citing exactly that span (application/x-marginalia-anchor).
 */
import type { DocumentDetail } from '@marginalia/shared';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { documentPath } from '../../../lib/reader-links';
import { Button, LoadingState, SelectField } from '../../../ui';
import { useDocument, useDocuments } from '../../documents';
import { writeAnchor } from '../canvas/anchor-transfer';
import { useMapSession } from '../map-session';
import { selectedAnchor } from './passage-selection';

export function ReaderSidePanel({ onClose }: { onClose: () => void }) {
  const { workspaceId } = useMapSession();
  const documents = useDocuments(workspaceId);
  const [chosen, setChosen] = useState('');
  const documentId = chosen !== '' ? chosen : (documents.data?.[0]?.id ?? '');
  const options = (documents.data ?? []).map((document) => ({ value: document.id, label: document.title }));

  return (
    <aside className="map-reader" aria-label="Reader">
      <div className="map-reader__bar">
        <SelectField label="Document" value={documentId} options={options} onChange={(event) => setChosen(event.target.value)} fieldClassName="map-reader__picker" />
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <p className="muted map-reader__hint">Drag a passage by its handle, or select words and drag them onto the map.</p>
      {documentId !== '' && <PassagesToDrag key={documentId} workspaceId={workspaceId} documentId={documentId} />}
    </aside>
  );
}

function PassagesToDrag({ workspaceId, documentId }: { workspaceId: string; documentId: string }) {
  const document = useDocument(workspaceId, documentId);
  if (!document.data) return <LoadingState label="Loading the document…" />;
  return <PassageList workspaceId={workspaceId} document={document.data} />;
}

function PassageList({ workspaceId, document }: { workspaceId: string; document: DocumentDetail }) {
  const root = useRef<HTMLOListElement>(null);
  const codePoints = useMemo(() => [...document.text], [document.text]);

  function handleSelectionDrag(event: DragEvent<HTMLOListElement>) {
    if (!root.current || (event.target instanceof HTMLElement && event.target.dataset.handle !== undefined)) return;
    const anchor = selectedAnchor(root.current, document.id, codePoints);
    if (anchor) writeAnchor(event.dataTransfer, anchor);
  }

  return (
    <ol className="map-reader__passages" ref={root} onDragStart={handleSelectionDrag}>
      {document.passages.map((passage) => {
        const text = codePoints.slice(passage.start, passage.end).join('');
        const number = passage.index + 1;
        return (
          <li key={passage.id} className="map-reader__passage">
            <span
              className="map-reader__handle"
              draggable
              data-handle=""
              role="button"
              tabIndex={-1}
              aria-label={`Drag passage ${String(number)} onto the map`}
              onDragStart={(event) => {
                event.stopPropagation();
                writeAnchor(event.dataTransfer, { documentId: document.id, start: passage.start, end: passage.end, exact: text });
              }}
            >
              ⠿
            </span>
            <Link className="map-reader__number muted" to={documentPath(workspaceId, document.id, { passage: number })}>
              {number}
            </Link>
            <p className="map-reader__text" data-start={passage.start}>
              {text}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
