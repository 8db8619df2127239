/**
 * /w/:id/maps/:mapId: one argument map, joined live on the /collab socket like the notebook.
 * Provides the MapSession that every view of the map reads; "Map" is the canvas, "Compare"
 * the derived views (features/map-views). Viewers and commenters see it live, read-only.
 */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../../../lib/api-client';
import { useCollabDoc } from '../../../lib/collab';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, Button, EmptyState, ErrorState, LoadingState, Tabs } from '../../../ui';
import { useSignedInUser } from '../../auth';
import { useCurrentWorkspace } from '../../workspaces';
import { useMap } from '../hooks/useMaps';
import { MapThreadsProvider } from '../../discussion';
import { MapSessionProvider, type MapSession } from '../map-session';
import { CompareViewsSlot } from './CompareViewsSlot';
import { MapEditor } from './MapEditor';
import { MapPeers } from './MapPeers';

type MapTab = 'map' | 'compare';

export function MapPage() {
  const workspace = useCurrentWorkspace();
  const user = useSignedInUser();
  const { mapId = '' } = useParams();
  const map = useMap(workspace.id, mapId);
  const collab = useCollabDoc(map.data?.docName ?? null);
  const [tab, setTab] = useState<MapTab>('map');
  useDocumentTitle(map.data?.title ?? 'Map');

  const { doc, awareness, readOnly, loaded } = collab;
  const session = useMemo(
    (): MapSession | null => (map.data && doc && awareness ? { map: map.data, workspaceId: workspace.id, doc, awareness, userId: user.id, readOnly: readOnly || map.data.archived } : null),
    [map.data, doc, awareness, workspace.id, user.id, readOnly],
  );

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to={`/w/${workspace.id}/maps`}>Maps</Link>
    </nav>
  );
  if (map.error) {
    const missing = isApiRequestError(map.error) && (map.error.status === 404 || map.error.status === 400);
    return (
      <div className="page">
        {breadcrumb}
        {missing ? (
          <EmptyState title="Map not found">
            <p>It may have been deleted.</p>
          </EmptyState>
        ) : (
          <ErrorState title="The map could not be opened" error={map.error} onRetry={() => void map.refetch()} />
        )}
      </div>
    );
  }
  if (collab.status === 'denied') {
    return (
      <div className="page">
        {breadcrumb}
        <Alert tone="danger" title="The map is not available">
          <p>You no longer have access to this map. If an owner gives it back, try again.</p>
          <Button size="sm" onClick={collab.retryJoin}>
            Try again
          </Button>
        </Alert>
      </div>
    );
  }
  if (!session || !loaded) {
    return (
      <div className="page">
        {breadcrumb}
        <LoadingState label="Opening the map…" />
      </div>
    );
  }

  return (
    <MapSessionProvider session={session}>
      <div className="page map-page">
        <div className="map-page__header">
          {breadcrumb}
          <h1 className="map-page__title">{session.map.title}</h1>
          <MapPeers awareness={session.awareness} />
          <span className="muted map-page__state" role="status">
            {describeState(collab.synced, collab.pendingUpdates, session.readOnly)}
          </span>
        </div>
        {session.readOnly && (
          <Alert tone="info" title="Read only">
            {session.map.archived ? 'This map is archived: unarchive it to change it.' : 'You can follow this map live, but not change it.'}
          </Alert>
        )}
        {collab.error === 'read_only' && !session.readOnly && <Alert tone="warning">Some of your last changes were refused: you could not edit at that moment.</Alert>}
        {collab.error !== null && collab.error !== 'read_only' && <Alert tone="warning">The server refused a change to the map; it has been put back as stored.</Alert>}
        <Tabs
          label="Map views"
          className="map-page__tabs"
          selected={tab}
          onSelect={setTab}
          items={[
            {
              key: 'map',
              label: 'Map',
              // Thread badges on nodes and the inspector's discussion read one index of the map's threads.
              panel: (
                <MapThreadsProvider workspaceId={workspace.id} mapId={session.map.id}>
                  <MapEditor />
                </MapThreadsProvider>
              ),
            },
            { key: 'compare', label: 'Compare', panel: tab === 'compare' ? <CompareViewsSlot /> : null },
          ]}
        />
      </div>
    </MapSessionProvider>
  );
}

function describeState(synced: boolean, pending: number, readOnly: boolean): string {
  if (!synced) return pending > 0 ? `${String(pending)} unsaved ${pending === 1 ? 'change' : 'changes'}, kept until the connection returns` : 'Reconnecting…';
  if (readOnly) return 'Live';
  return pending > 0 ? 'Saving…' : 'All changes saved';
}
