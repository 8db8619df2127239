/** Previous and next document (in title order, as the corpus lists them by default). */
import type { DocumentSummary } from '@marginalia/shared';
import { Link } from 'react-router';
import { documentPath } from '../../../lib/reader-links';

interface DocumentPagerProps {
  workspaceId: string;
  previous: DocumentSummary | undefined;
  next: DocumentSummary | undefined;
}

export function DocumentPager({ workspaceId, previous, next }: DocumentPagerProps) {
  if (!previous && !next) return null;
  return (
    <nav className="document-pager" aria-label="Other documents">
      {previous ? (
        <Link className="document-pager__link" to={documentPath(workspaceId, previous.id)} rel="prev">
          <span className="document-pager__label">
            Previous document <kbd>[</kbd>
          </span>
          <span className="document-pager__title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link className="document-pager__link document-pager__link--next" to={documentPath(workspaceId, next.id)} rel="next">
          <span className="document-pager__label">
            Next document <kbd>]</kbd>
          </span>
          <span className="document-pager__title">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
