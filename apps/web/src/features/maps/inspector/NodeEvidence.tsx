/**
 * The passages a node cites, as quotes; each opens the reader at that span (the same deep link
 * as coded-segment retrieval: /w/:id/corpus/:documentId?p=&span=start-end).
 */
import { removeEvidenceLink, type MapNode } from '@marginalia/shared';
import { Link } from 'react-router';
import { documentPath } from '../../../lib/reader-links';
import { useDocuments } from '../../documents';
import { useMapSession } from '../map-session';

export function NodeEvidence({ node }: { node: MapNode }) {
  const { doc, workspaceId, readOnly } = useMapSession();
  const documents = useDocuments(workspaceId);
  const titles = new Map((documents.data ?? []).map((document) => [document.id, document.title]));
  return (
    <div className="map-inspector__group">
      <h3 className="map-inspector__heading">Evidence</h3>
      {node.evidence.length === 0 && <p className="muted">{readOnly ? 'No passage cited.' : 'Drag a passage from the reader onto the map, or use “Add to map…” in the reader.'}</p>}
      <ul className="map-evidence" aria-label="Passages cited">
        {node.evidence.map((link) => (
          <li key={link.id} className="map-evidence__item">
            <blockquote className="evidence-quote">
              <Link to={documentPath(workspaceId, link.documentId, { span: { start: link.start, end: link.end } })}>“{link.exact}”</Link>
            </blockquote>
            <span className="muted map-evidence__source">{titles.get(link.documentId) ?? 'A document of the corpus'}</span>
            {!readOnly && (
              <button type="button" className="icon-button" aria-label={`Remove the quote “${link.exact.slice(0, 40)}”`} onClick={() => removeEvidenceLink(doc, node.id, link.id)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
