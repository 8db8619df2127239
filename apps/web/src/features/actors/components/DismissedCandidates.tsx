/**
 * Candidates someone dismissed, folded under the pending ones: dismissing is not final, and
 * "Find candidates again" leaves dismissed names alone, so this is the way back.
 */
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { Button, useToast } from '../../../ui';
import { useDismissedCandidates, useRestoreCandidate } from '../hooks/useActors';

interface DismissedCandidatesProps {
  workspaceId: string;
  canEdit: boolean;
}

export function DismissedCandidates({ workspaceId, canEdit }: DismissedCandidatesProps) {
  const { showToast } = useToast();
  const dismissed = useDismissedCandidates(workspaceId);
  const restore = useRestoreCandidate(workspaceId);
  const candidates = dismissed.data ?? [];
  if (candidates.length === 0) return null;

  return (
    <details className="dismissed-candidates">
      <summary>Dismissed candidates ({candidates.length})</summary>
      <ul className="dismissed-candidates__list">
        {candidates.map((candidate) => (
          <li key={candidate.id} className="dismissed-candidates__item">
            <span>
              <strong>{candidate.name}</strong>
              {candidate.affiliation !== null && <span className="muted">, {candidate.affiliation}</span>}
              <span className="muted"> · seen in {formatCount(candidate.evidence.length, 'sentence')}</span>
            </span>
            {canEdit && (
              <Button
                size="sm"
                aria-label={`Restore ${candidate.name}`}
                busy={restore.isPending && restore.variables === candidate.id}
                onClick={() => {
                  restore.mutate(candidate.id, {
                    onSuccess: () => showToast(`${candidate.name} is a candidate again.`),
                    onError: (error) => showToast(`Could not restore ${candidate.name}: ${errorMessage(error)}`, 'danger'),
                  });
                }}
              >
                Restore
              </Button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
