/**
 * Actors proposed from the text, each with the sentences it was seen in. A person decides:
 * accept (optionally correcting the name or affiliation) or dismiss. Nothing is automatic.
 */
import type { ActorCandidate } from '@marginalia/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { documentPath } from '../../../lib/reader-links';
import { Button, useToast } from '../../../ui';
import { useDismissCandidate } from '../hooks/useActors';
import { AcceptCandidateDialog } from './AcceptCandidateDialog';

interface CandidateListProps {
  workspaceId: string;
  candidates: ActorCandidate[];
  documentTitles: ReadonlyMap<string, string>;
  canEdit: boolean;
}

const EVIDENCE_SHOWN = 3;

export function CandidateList({ workspaceId, candidates, documentTitles, canEdit }: CandidateListProps) {
  const { showToast } = useToast();
  const dismissMutation = useDismissCandidate(workspaceId);
  const [accepting, setAccepting] = useState<ActorCandidate | null>(null);

  function handleDismiss(candidate: ActorCandidate) {
    dismissMutation.mutate(candidate.id, {
      onSuccess: () => {
        showToast(`${candidate.name} dismissed.`);
      },
      onError: (error) => {
        showToast(`Could not dismiss ${candidate.name}: ${errorMessage(error)}`, 'danger');
      },
    });
  }

  return (
    <>
      <ul className="candidate-list">
        {candidates.map((candidate) => (
          <li key={candidate.id} className="candidate">
            <article className="candidate__body" aria-labelledby={`candidate-${candidate.id}`}>
              <header className="candidate__header">
                <h3 className="candidate__name" id={`candidate-${candidate.id}`}>
                  {candidate.name}
                </h3>
                {candidate.affiliation !== null && <p className="candidate__affiliation">{candidate.affiliation}</p>}
                <p className="muted candidate__count">Seen in {formatCount(candidate.evidence.length, 'sentence')}</p>
              </header>
              <ul className="candidate__evidence">
                {candidate.evidence.slice(0, EVIDENCE_SHOWN).map((item) => (
                  <li key={`${item.passageId}:${String(item.start)}`}>
                    <blockquote className="evidence-quote">{item.quote}</blockquote>
                    <Link className="evidence-quote__source" to={documentPath(workspaceId, item.documentId, { span: { start: item.start, end: item.end } })}>
                      in {documentTitles.get(item.documentId) ?? 'a document'}
                    </Link>
                  </li>
                ))}
              </ul>
              {candidate.evidence.length > EVIDENCE_SHOWN && (
                <p className="muted">and {formatCount(candidate.evidence.length - EVIDENCE_SHOWN, 'more sentence')}</p>
              )}
              {canEdit && (
                <div className="button-row">
                  <Button
                    variant="primary"
                    size="sm"
                    aria-label={`Accept ${candidate.name}`}
                    onClick={() => {
                      setAccepting(candidate);
                    }}
                  >
                    Accept…
                  </Button>
                  <Button
                    size="sm"
                    aria-label={`Dismiss ${candidate.name}`}
                    busy={dismissMutation.isPending && dismissMutation.variables === candidate.id}
                    onClick={() => {
                      handleDismiss(candidate);
                    }}
                  >
                    Dismiss
                  </Button>
                </div>
              )}
            </article>
          </li>
        ))}
      </ul>
      <AcceptCandidateDialog
        workspaceId={workspaceId}
        candidate={accepting}
        onClose={() => {
          setAccepting(null);
        }}
      />
    </>
  );
}
