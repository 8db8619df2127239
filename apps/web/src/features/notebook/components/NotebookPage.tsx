/**
 * /w/:id/notebook: the workspace's shared Markdown notebook, edited together in real time.
 * Editors and up write; viewers and commenters read it live (the server says who may write,
 * in the join answer and later `access` events). Edit shows the source with everyone's cursors,
 * Read the rendered page; people who cannot edit start in Read.
 */
import { useState } from 'react';
import { useCollabDoc } from '../../../lib/collab';
import { Alert, Button, ErrorState, LoadingState, PageHeader } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { NOTEBOOK_TEXT } from '../api';
import { useNotebook } from '../hooks/useNotebook';
import { NotebookEditor } from './NotebookEditor';
import { NotebookPeers } from './NotebookPeers';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { NotebookPreview } from './NotebookPreview';
import { NotebookViewToggle, type NotebookView } from './NotebookViewToggle';

const ROLE_NAMES = { viewer: 'a viewer', commenter: 'a commenter' } as const;
const DESCRIPTION = 'Shared notes for the whole team, in Markdown. Everyone sees changes as they are typed.';

export function NotebookPage() {
  const workspace = useCurrentWorkspace();
  const notebook = useNotebook(workspace.id);
  const collab = useCollabDoc(notebook.data?.docName ?? null);
  const [chosenView, setChosenView] = useState<NotebookView | null>(null);
  useDocumentTitle('Notebook');

  const header = <PageHeader title="Notebook" description={DESCRIPTION} />;

  if (notebook.error) {
    return (
      <div className="page">
        {header}
        <ErrorState title="The notebook could not be opened" error={notebook.error} onRetry={() => void notebook.refetch()} />
      </div>
    );
  }
  if (collab.status === 'denied') {
    return (
      <div className="page">
        {header}
        <Alert tone="danger" title="The notebook is not available">
          <p>You no longer have access to this workspace&apos;s notebook. If an owner gives it back, try again.</p>
          <Button size="sm" onClick={collab.retryJoin}>
            Try again
          </Button>
        </Alert>
      </div>
    );
  }
  if (!collab.doc || !collab.awareness || !collab.loaded) {
    return (
      <div className="page">
        {header}
        <LoadingState label="Opening the notebook…" />
      </div>
    );
  }

  const text = collab.doc.getText(NOTEBOOK_TEXT);
  const view = chosenView ?? (collab.readOnly ? 'read' : 'edit');
  const role = workspace.myRole === 'viewer' || workspace.myRole === 'commenter' ? ROLE_NAMES[workspace.myRole] : null;

  return (
    <div className="page notebook-page">
      <PageHeader
        title="Notebook"
        description={DESCRIPTION}
        actions={<NotebookViewToggle view={view} onChange={setChosenView} readOnly={collab.readOnly} />}
      />
      {collab.readOnly && (
        <Alert tone="info" title="Read only">
          {role ? `As ${role} you can read this notebook live, but not edit it.` : 'You can read this notebook live, but not edit it.'}
        </Alert>
      )}
      {collab.error === 'read_only' && !collab.readOnly && <Alert tone="warning">Some of your last changes were refused: you could not edit at that moment.</Alert>}
      <div className="notebook-sheet">
        <div className="notebook-sheet__bar">
          <NotebookPeers awareness={collab.awareness} />
          <span className="notebook-sheet__state muted">{describeSaveState(collab.synced, collab.pendingUpdates, collab.readOnly)}</span>
        </div>
        {view === 'edit' ? <NotebookEditor text={text} awareness={collab.awareness} readOnly={collab.readOnly} /> : <NotebookPreview text={text} />}
      </div>
    </div>
  );
}

function describeSaveState(synced: boolean, pending: number, readOnly: boolean): string {
  if (!synced) return pending > 0 ? `${String(pending)} unsaved ${pending === 1 ? 'change' : 'changes'}, kept until the connection returns` : 'Reconnecting…';
  if (readOnly) return 'Live';
  return pending > 0 ? 'Saving…' : 'All changes saved';
}
