/** Deleting a document, after saying exactly what goes with it. */
import type { DocumentDetail } from '@marginalia/shared';
import { useNavigate } from 'react-router';
import { formatCount, formatNumber } from '../../../lib/format';
import { corpusPath } from '../../../lib/reader-links';
import { ConfirmDialog, useToast } from '../../../ui';
import { useDeleteDocument } from '../../documents';

interface DeleteDocumentDialogProps {
  workspaceId: string;
  document: DocumentDetail;
  attributionCount: number | undefined;
  open: boolean;
  onClose: () => void;
}

export function DeleteDocumentDialog({ workspaceId, document, attributionCount, open, onClose }: DeleteDocumentDialogProps) {
  const navigate = useNavigate();
  const { showToast } = useToast();
  const deleteMutation = useDeleteDocument(workspaceId, document.id, async () => {
    await navigate(corpusPath(workspaceId), { replace: true });
    showToast(`“${document.title}” was deleted.`);
  });

  return (
    <ConfirmDialog
      open={open}
      onClose={() => {
        deleteMutation.reset();
        onClose();
      }}
      onConfirm={() => {
        deleteMutation.mutate();
      }}
      title="Delete this document?"
      description={<p>“{document.title}” will be removed from the workspace for everyone. This cannot be undone.</p>}
      confirmLabel="Delete document"
      destructive
      busy={deleteMutation.isPending}
      error={deleteMutation.error}
    >
      <div>
        <p>Deleted with it:</p>
        <ul className="plain-list">
          <li>
            its text ({formatNumber(document.characterCount)} characters) and {formatCount(document.passageCount, 'passage')}
          </li>
          <li>{attributionCount === undefined ? 'every attribution to actors in it' : `${formatCount(attributionCount, 'attribution')} to actors`}</li>
          <li>its entries in search results and in actor candidates' evidence</li>
        </ul>
        <p className="muted">Actors themselves stay, as do other documents.</p>
      </div>
    </ConfirmDialog>
  );
}
