/**
 * Who is in the workspace right now, each with their colour (the one their cursor has in shared
 * documents) and where they are, as a link to follow them there.
 */
import type { PresenceEntry } from '@marginalia/shared';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { useSignedInUser } from '../../auth';
import { useDocument } from '../../documents';
import { useCurrentWorkspace } from '../../workspaces';
import { describeLocation, initialsOf } from '../describe-location';
import { usePresence } from '../hooks/usePresence';

export function PresenceList() {
  const workspace = useCurrentWorkspace();
  const me = useSignedInUser();
  const users = usePresence(workspace.id);
  if (users === null) return null;
  // Me first, then by name: the list should not reshuffle as people move around.
  const sorted = [...users].sort((a, b) => Number(b.user.id === me.id) - Number(a.user.id === me.id) || a.user.name.localeCompare(b.user.name));

  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 className="presence__title" id="presence-title">
        Here now <span className="presence__count">{users.length}</span>
      </h2>
      <ul className="presence__list" aria-label="People in this workspace">
        {sorted.map((entry) => (
          <PresenceRow key={entry.user.id} entry={entry} isMe={entry.user.id === me.id} workspaceId={workspace.id} />
        ))}
      </ul>
    </section>
  );
}

function PresenceRow({ entry, isMe, workspaceId }: { entry: PresenceEntry; isMe: boolean; workspaceId: string }) {
  const where = describeLocation(entry.location, workspaceId);
  return (
    <li className="presence__person" style={{ '--presence-color': entry.user.color } as CSSProperties}>
      <span className="presence__avatar" aria-hidden="true">
        {initialsOf(entry.user.name)}
      </span>
      <span className="presence__text">
        <span className="presence__name">
          {entry.user.name}
          {isMe && <span className="muted"> (you)</span>}
        </span>
        {where && (
          <Link className="presence__where" to={where.href}>
            {where.documentId ? <DocumentTitle workspaceId={workspaceId} documentId={where.documentId} fallback={where.label} /> : where.label}
          </Link>
        )}
      </span>
    </li>
  );
}

function DocumentTitle({ workspaceId, documentId, fallback }: { workspaceId: string; documentId: string; fallback: string }) {
  const { data } = useDocument(workspaceId, documentId);
  return <>{data ? `Reading “${data.title}”` : fallback}</>;
}
