/**
 * /w/:id/maps: the workspace's argument maps. Editors create, rename, duplicate and archive
 * them; deleting is for admins and a map's creator (the API decides; a refusal is shown).
 * The list follows 'maps.changed', so a colleague's new map appears without reloading.
 */
import type { ArgumentMap } from '@marginalia/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Badge, Button, ConfirmDialog, EmptyState, ErrorState, LoadingState, PageHeader, useToast } from '../../../ui';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { useCreateMap, useDeleteMap, useDuplicateMap, useMaps, useUpdateMap } from '../hooks/useMaps';
import { MapTitleDialog } from './MapTitleDialog';

type TitleDialog = { mode: 'create' } | { mode: 'rename'; map: ArgumentMap } | { mode: 'duplicate'; map: ArgumentMap };

export function MapsPage() {
  useDocumentTitle('Maps');
  const workspace = useCurrentWorkspace();
  const canEdit = useWorkspacePermission('maps.edit');
  const { showToast } = useToast();
  const [showArchived, setShowArchived] = useState(false);
  const maps = useMaps(workspace.id, showArchived);
  const createMap = useCreateMap(workspace.id);
  const updateMap = useUpdateMap(workspace.id);
  const duplicateMap = useDuplicateMap(workspace.id);
  const deleteMap = useDeleteMap(workspace.id);
  const [titleDialog, setTitleDialog] = useState<TitleDialog | null>(null);
  const [deleting, setDeleting] = useState<ArgumentMap | null>(null);

  function closeTitleDialog() {
    setTitleDialog(null);
    createMap.reset();
    updateMap.reset();
    duplicateMap.reset();
  }

  function handleTitle(title: string) {
    if (!titleDialog) return;
    const done = (message: string) => () => {
      closeTitleDialog();
      showToast(message);
    };
    if (titleDialog.mode === 'create') createMap.mutate(title, { onSuccess: done(`Map “${title}” created.`) });
    else if (titleDialog.mode === 'rename') updateMap.mutate({ mapId: titleDialog.map.id, body: { title } }, { onSuccess: done('Map renamed.') });
    else duplicateMap.mutate({ mapId: titleDialog.map.id, body: { title } }, { onSuccess: done(`Map “${title}” created as a copy.`) });
  }

  function setArchived(map: ArgumentMap, archived: boolean) {
    updateMap.mutate(
      { mapId: map.id, body: { archived } },
      {
        onSuccess: () => showToast(archived ? `“${map.title}” archived.` : `“${map.title}” restored.`),
        onError: (error) => showToast(`Could not change the map: ${errorMessage(error)}`, 'danger'),
      },
    );
  }

  const titleError = titleDialog?.mode === 'create' ? createMap.error : titleDialog?.mode === 'rename' ? updateMap.error : duplicateMap.error;
  const titleBusy = createMap.isPending || updateMap.isPending || duplicateMap.isPending;

  return (
    <div className="page maps-page">
      <PageHeader
        title="Maps"
        description="Argument maps: lay the analysts' explanations side by side, tie each to the passages behind it, and weigh them together."
        actions={
          canEdit && (
            <Button variant="primary" onClick={() => setTitleDialog({ mode: 'create' })}>
              New map
            </Button>
          )
        }
      />
      <label className="maps-page__archived">
        <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} /> Show archived maps
      </label>
      {maps.isPending && <LoadingState label="Loading the maps…" />}
      {maps.error && <ErrorState title="The maps could not be loaded" error={maps.error} onRetry={() => void maps.refetch()} />}
      {maps.data?.length === 0 && (
        <EmptyState title={showArchived ? 'No maps yet' : 'No maps in use'}>
          <p>
            {canEdit ? 'Create one to start comparing explanations.' : 'An editor can create one.'}
            {!showArchived && ' Archived maps show with “Show archived maps”.'}
          </p>
        </EmptyState>
      )}
      {maps.data && maps.data.length > 0 && (
        <ul className="map-list" aria-label="Maps">
          {maps.data.map((map) => (
            <li key={map.id} className="map-list__item">
              <div className="map-list__main">
                <Link to={map.id} className="map-list__title">
                  {map.title}
                </Link>
                {map.archived && <Badge>Archived</Badge>}
                <span className="muted map-list__meta">
                  {formatCount(map.nodeCount, 'node')} · {formatCount(map.edgeCount, 'link')} · changed {formatDateTime(map.updatedAt)}
                </span>
              </div>
              {canEdit && (
                <div className="map-list__actions" role="group" aria-label={`Actions for ${map.title}`}>
                  <Button size="sm" variant="ghost" onClick={() => setTitleDialog({ mode: 'rename', map })}>
                    Rename
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setTitleDialog({ mode: 'duplicate', map })}>
                    Duplicate
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setArchived(map, !map.archived)}>
                    {map.archived ? 'Unarchive' : 'Archive'}
                  </Button>
                  <Button size="sm" variant="ghost" className="map-list__delete" onClick={() => setDeleting(map)}>
                    Delete
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <MapTitleDialog
        open={titleDialog !== null}
        key={titleDialog ? `${titleDialog.mode}:${titleDialog.mode === 'create' ? '' : titleDialog.map.id}` : 'closed'}
        title={titleDialog?.mode === 'create' ? 'New map' : titleDialog?.mode === 'rename' ? 'Rename map' : 'Duplicate map'}
        submitLabel={titleDialog?.mode === 'create' ? 'Create map' : titleDialog?.mode === 'rename' ? 'Rename' : 'Duplicate'}
        initialTitle={titleDialog?.mode === 'rename' ? titleDialog.map.title : titleDialog?.mode === 'duplicate' ? `${titleDialog.map.title} (copy)` : ''}
        busy={titleBusy}
        error={titleError}
        onSubmit={handleTitle}
        onClose={closeTitleDialog}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this map?"
        description={deleting ? `“${deleting.title}” and everything on it will be deleted for the whole team. Archive it instead to keep it.` : ''}
        confirmLabel="Delete map"
        destructive
        busy={deleteMap.isPending}
        error={deleteMap.error}
        onClose={() => {
          setDeleting(null);
          deleteMap.reset();
        }}
        onConfirm={() => {
          if (!deleting) return;
          const title = deleting.title;
          deleteMap.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              showToast(`“${title}” deleted.`);
            },
          });
        }}
      />
    </div>
  );
}
