/** A quote a map node cites, as a link that opens the reader at that span of its article. */
import type { EvidenceLink } from '@marginalia/shared';
import { Link } from 'react-router';
import { documentPath } from '../../../lib/reader-links';

const MAX_QUOTE_CHARS = 220;

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_QUOTE_CHARS ? text : `${chars.slice(0, MAX_QUOTE_CHARS).join('').trimEnd()}…`;
}

export function QuoteLink({ workspaceId, link, documentTitle }: { workspaceId: string; link: EvidenceLink; documentTitle: string }) {
  return (
    <figure className="map-quote">
      <blockquote className="map-quote__text">{shorten(link.exact)}</blockquote>
      <figcaption className="map-quote__source">
        <Link to={documentPath(workspaceId, link.documentId, { span: { start: link.start, end: link.end } })}>{documentTitle}</Link>
      </figcaption>
    </figure>
  );
}
