/**
 * Top of the reader: where we are, the title (with a one-click confirmation while it is only
 * proposed), the key metadata on one line, and the reader's tools.
 */
import type { DocumentDetail } from '@marginalia/shared';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { formatCalendarDate, formatCount } from '../../../lib/format';
import { corpusPath } from '../../../lib/reader-links';
import { Alert, Button, useToast } from '../../../ui';
import { useUpdateDocument } from '../../documents';
import { useCurrentPassage, type CurrentPassage } from '../current-passage';

interface ReaderHeaderProps {
  workspaceId: string;
  document: DocumentDetail;
  canEdit: boolean;
  currentPassage: CurrentPassage;
  onEditTitle: () => void;
  onCopyPassageLink: () => void;
  onShowShortcuts: () => void;
}

export function ReaderHeader({ workspaceId, document, canEdit, currentPassage, onEditTitle, onCopyPassageLink, onShowShortcuts }: ReaderHeaderProps) {
  const { showToast } = useToast();
  const updateMutation = useUpdateDocument(workspaceId, document.id);
  const meta = [
    document.source,
    document.author,
    document.publishedOn !== null ? formatCalendarDate(document.publishedOn) : null,
    formatCount(document.passageCount, 'passage'),
  ].filter((part): part is string => part !== null);

  function handleConfirmTitle() {
    // Saving the title as it is marks it as chosen by a person.
    updateMutation.mutate(
      { title: document.title },
      {
        onSuccess: () => {
          showToast('Title confirmed.');
        },
        onError: (error) => {
          showToast(`Could not confirm the title: ${errorMessage(error)}`, 'danger');
        },
      },
    );
  }

  return (
    <header className="reader__header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={corpusPath(workspaceId)}>Corpus</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{document.title}</span>
      </nav>
      <h1 id="reader-title" className="reader__title">
        {document.title}
      </h1>
      <p className="reader__meta muted">{meta.join(' · ')}</p>
      {document.titleProposed && (
        <Alert tone="warning" title="Proposed title">
          <p>This title was taken from the file. {canEdit ? 'Confirm it, or give the document a better one.' : 'An editor has not confirmed it yet.'}</p>
          {canEdit && (
            <div className="button-row">
              <Button size="sm" variant="primary" busy={updateMutation.isPending} onClick={handleConfirmTitle}>
                Confirm title
              </Button>
              <Button size="sm" onClick={onEditTitle}>
                Edit title
              </Button>
            </div>
          )}
        </Alert>
      )}
      <div className="reader__tools">
        <CopyPassageLinkButton current={currentPassage} onCopy={onCopyPassageLink} />
        <Button size="sm" variant="ghost" className="reader__shortcuts" onClick={onShowShortcuts} aria-keyshortcuts="Shift+?">
          Keyboard shortcuts
        </Button>
      </div>
    </header>
  );
}

/** Follows the passage being read without re-rendering the header around it. */
function CopyPassageLinkButton({ current, onCopy }: { current: CurrentPassage; onCopy: () => void }) {
  const index = useCurrentPassage(current);
  return (
    <Button size="sm" onClick={onCopy}>
      Copy link to passage {index + 1}
    </Button>
  );
}
