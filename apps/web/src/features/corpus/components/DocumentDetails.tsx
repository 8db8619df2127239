/**
 * The document's metadata as a definition list, with Edit for editors (switching to the form
 * in place) and, at the bottom, deleting the document.
 */
import type { DocumentDetail } from '@marginalia/shared';
import { useState, type ReactNode } from 'react';
import { formatCalendarDate, formatCount, formatDateTime, formatNumber } from '../../../lib/format';
import { Button } from '../../../ui';
import { DeleteDocumentDialog } from './DeleteDocumentDialog';
import { MetadataForm } from './MetadataForm';

interface DocumentDetailsProps {
  workspaceId: string;
  document: DocumentDetail;
  canEdit: boolean;
  editing: boolean;
  onEditing: (editing: boolean) => void;
  attributionCount?: number;
}

export function DocumentDetails({ workspaceId, document, canEdit, editing, onEditing, attributionCount }: DocumentDetailsProps) {
  const [deleting, setDeleting] = useState(false);

  if (editing && canEdit) {
    return (
      <MetadataForm
        workspaceId={workspaceId}
        document={document}
        onDone={() => {
          onEditing(false);
        }}
      />
    );
  }

  const rows: Array<[string, ReactNode]> = [
    ['Title', document.title],
    ['Source', document.source],
    ['Author', document.author],
    ['Published', document.publishedOn !== null ? formatCalendarDate(document.publishedOn) : null],
    [
      'URL',
      document.url !== null ? (
        <a href={document.url} target="_blank" rel="noopener noreferrer" className="details__url">
          {document.url}
        </a>
      ) : null,
    ],
    ['Language', document.language],
    ...Object.entries(document.fields).map(([key, value]): [string, ReactNode] => [key, value]),
    ['Imported from', document.sourceFilename],
    ['Length', `${formatNumber(document.characterCount)} characters, ${formatCount(document.passageCount, 'passage')}`],
    ['Added', formatDateTime(document.createdAt)],
    ['Last changed', formatDateTime(document.updatedAt)],
  ];

  return (
    <div className="stack">
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="details__row">
            <dt>{label}</dt>
            <dd>{value ?? <span className="muted">Not set</span>}</dd>
          </div>
        ))}
      </dl>
      {canEdit && (
        <>
          <div>
            <Button
              onClick={() => {
                onEditing(true);
              }}
            >
              Edit details
            </Button>
          </div>
          <div className="details__danger">
            <Button
              variant="danger"
              size="sm"
              onClick={() => {
                setDeleting(true);
              }}
            >
              Delete document…
            </Button>
          </div>
          <DeleteDocumentDialog
            workspaceId={workspaceId}
            document={document}
            attributionCount={attributionCount}
            open={deleting}
            onClose={() => {
              setDeleting(false);
            }}
          />
        </>
      )}
    </div>
  );
}
