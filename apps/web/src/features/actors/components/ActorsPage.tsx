/**
 * /w/:id/actors: the people and organisations quoted in the corpus. Accepted actors first,
 * then the candidates proposed from the text, which a person accepts or dismisses.
 */
import type { CreateActorBody } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Button, EmptyState, ErrorState, LoadingState, PageHeader, Section, useToast } from '../../../ui';
import { useDocuments } from '../../documents';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { useActors, useCreateActor, usePendingCandidates, useRefreshCandidates } from '../hooks/useActors';
import { ActorFormDialog } from './ActorFormDialog';
import { ActorTable } from './ActorTable';
import { CandidateList } from './CandidateList';
import { DismissedCandidates } from './DismissedCandidates';

export function ActorsPage() {
  useDocumentTitle('Actors');
  const workspace = useCurrentWorkspace();
  const canEdit = useWorkspacePermission('content.edit');
  const { showToast } = useToast();
  const actors = useActors(workspace.id);
  const candidates = usePendingCandidates(workspace.id);
  const documents = useDocuments(workspace.id);
  const createMutation = useCreateActor(workspace.id);
  const refreshMutation = useRefreshCandidates(workspace.id);
  const [creating, setCreating] = useState(false);

  const documentTitles = useMemo(() => new Map((documents.data ?? []).map((document) => [document.id, document.title])), [documents.data]);
  const sortedActors = useMemo(() => [...(actors.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [actors.data]);

  function closeCreate() {
    setCreating(false);
    createMutation.reset();
  }

  function handleCreate(body: CreateActorBody) {
    createMutation.mutate(body, {
      onSuccess: (actor) => {
        closeCreate();
        showToast(`${actor.name} added.`);
      },
    });
  }

  function handleRefresh() {
    refreshMutation.mutate(undefined, {
      onSuccess: (found) => {
        const pending = found.filter((candidate) => candidate.status === 'pending').length;
        showToast(pending === 0 ? 'No new candidates found.' : `${formatCount(pending, 'candidate')} waiting for a decision.`, 'info');
      },
      onError: (error) => {
        showToast(`Could not look for candidates: ${errorMessage(error)}`, 'danger');
      },
    });
  }

  return (
    <div className="page">
      <PageHeader
        title="Actors"
        description={<p>People and organisations quoted in the corpus, and the passages attributed to them.</p>}
        actions={
          canEdit ? (
            <Button
              variant="primary"
              onClick={() => {
                setCreating(true);
              }}
            >
              New actor
            </Button>
          ) : undefined
        }
      />

      <Section title="Actors" description={actors.data && <p>{formatCount(actors.data.length, 'actor')}</p>}>
        {actors.isPending && <LoadingState label="Loading actors…" />}
        {actors.error && <ErrorState title="The actors could not be loaded" error={actors.error} onRetry={() => void actors.refetch()} />}
        {actors.data?.length === 0 && (
          <EmptyState title="No actors yet" icon="☺">
            <p>Accept a candidate below, create an actor, or select a quote in the reader and attribute it.</p>
          </EmptyState>
        )}
        {sortedActors.length > 0 && <ActorTable workspaceId={workspace.id} actors={sortedActors} canEdit={canEdit} />}
      </Section>

      <Section
        title="Candidates"
        description={<p>Proposed from the text (&ldquo;said&rdquo;, &ldquo;told&rdquo;, titles and affiliations). Check each against its sentences.</p>}
        actions={
          canEdit ? (
            <Button busy={refreshMutation.isPending} onClick={handleRefresh}>
              Find candidates again
            </Button>
          ) : undefined
        }
      >
        {candidates.isPending && <LoadingState label="Loading candidates…" />}
        {candidates.error && <ErrorState title="The candidates could not be loaded" error={candidates.error} onRetry={() => void candidates.refetch()} />}
        {candidates.data?.length === 0 && <p className="muted">No candidates are waiting for a decision.</p>}
        {candidates.data !== undefined && candidates.data.length > 0 && (
          <CandidateList workspaceId={workspace.id} candidates={candidates.data} documentTitles={documentTitles} canEdit={canEdit} />
        )}
        <DismissedCandidates workspaceId={workspace.id} canEdit={canEdit} />
      </Section>

      <ActorFormDialog open={creating} busy={createMutation.isPending} error={createMutation.error} onClose={closeCreate} onSubmit={handleCreate} />
    </div>
  );
}
