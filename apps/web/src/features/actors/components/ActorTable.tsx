/**
 * The accepted actors: who they are, how often they are quoted, where to read them. Editors
 * change or delete them here; deleting also removes every attribution to the actor.
 */
import type { Actor, CreateActorBody } from '@marginalia/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { corpusPath, searchPath } from '../../../lib/reader-links';
import { formatCount } from '../../../lib/format';
import { Button, ConfirmDialog, useToast } from '../../../ui';
import { useDeleteActor, useUpdateActor } from '../hooks/useActors';
import { ActorFormDialog } from './ActorFormDialog';

interface ActorTableProps {
  workspaceId: string;
  actors: Actor[];
  canEdit: boolean;
}

export function ActorTable({ workspaceId, actors, canEdit }: ActorTableProps) {
  const { showToast } = useToast();
  const updateMutation = useUpdateActor(workspaceId);
  const deleteMutation = useDeleteActor(workspaceId);
  const [editing, setEditing] = useState<Actor | null>(null);
  const [deleting, setDeleting] = useState<Actor | null>(null);

  function closeEdit() {
    setEditing(null);
    updateMutation.reset();
  }

  function closeDelete() {
    setDeleting(null);
    deleteMutation.reset();
  }

  function handleSave(body: CreateActorBody) {
    if (!editing) return;
    updateMutation.mutate(
      { actorId: editing.id, body },
      {
        onSuccess: (saved) => {
          closeEdit();
          showToast(`${saved.name} saved.`);
        },
      },
    );
  }

  function handleDelete() {
    if (!deleting) return;
    const name = deleting.name;
    deleteMutation.mutate(deleting.id, {
      onSuccess: () => {
        closeDelete();
        showToast(`${name} deleted.`);
      },
    });
  }

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Actors</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col" className="table__numeric">
                Attributions
              </th>
              <th scope="col">
                <span className="visually-hidden">Links and actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actors.map((actor) => (
              <tr key={actor.id}>
                <th scope="row" className="table__primary table__wrap">
                  {actor.name}
                  {actor.affiliation !== null && <span className="table__secondary">{actor.affiliation}</span>}
                </th>
                <td className="table__wrap">{actor.description ?? <span className="muted">—</span>}</td>
                <td className="table__numeric">{actor.attributionCount}</td>
                <td className="table__actions">
                  <div className="row-actions">
                    <Link to={`${corpusPath(workspaceId)}?actor=${encodeURIComponent(actor.id)}`} aria-label={`Documents quoting ${actor.name}`}>
                      Documents
                    </Link>
                    <Link to={searchPath(workspaceId, { actor: actor.id })} aria-label={`Search the passages attributed to ${actor.name}`}>
                      Search
                    </Link>
                    {canEdit && (
                      <>
                        <Button
                          size="sm"
                          aria-label={`Edit ${actor.name}`}
                          onClick={() => {
                            setEditing(actor);
                          }}
                        >
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          variant="danger"
                          aria-label={`Delete ${actor.name}`}
                          onClick={() => {
                            setDeleting(actor);
                          }}
                        >
                          Delete
                        </Button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ActorFormDialog open={editing !== null} actor={editing ?? undefined} busy={updateMutation.isPending} error={updateMutation.error} onClose={closeEdit} onSubmit={handleSave} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={closeDelete}
        onConfirm={handleDelete}
        title={`Delete ${deleting?.name ?? 'actor'}?`}
        description={
          <p>
            {deleting !== null && deleting.attributionCount > 0
              ? `The ${formatCount(deleting.attributionCount, 'attribution')} to this actor will be removed too. The documents stay.`
              : 'Nothing in the documents is attributed to this actor. The documents stay.'}
          </p>
        }
        confirmLabel="Delete actor"
        destructive
        busy={deleteMutation.isPending}
        error={deleteMutation.error}
      />
    </>
  );
}
