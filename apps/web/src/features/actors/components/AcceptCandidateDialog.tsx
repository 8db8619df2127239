/** Accepting a proposed actor, with a last chance to correct the name and affiliation. */
import { AcceptCandidateBodySchema, type ActorCandidate } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { formatCount } from '../../../lib/format';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, Dialog, FormError, TextField, useToast } from '../../../ui';
import { useAcceptCandidate } from '../hooks/useActors';

interface AcceptCandidateDialogProps {
  workspaceId: string;
  candidate: ActorCandidate | null;
  onClose: () => void;
}

export function AcceptCandidateDialog({ workspaceId, candidate, onClose }: AcceptCandidateDialogProps) {
  return (
    <Dialog open={candidate !== null} onClose={onClose} title={`Accept ${candidate?.name ?? 'candidate'}`}>
      {candidate !== null && <AcceptForm workspaceId={workspaceId} candidate={candidate} onClose={onClose} />}
    </Dialog>
  );
}

function AcceptForm({ workspaceId, candidate, onClose }: { workspaceId: string; candidate: ActorCandidate; onClose: () => void }) {
  const { showToast } = useToast();
  const acceptMutation = useAcceptCandidate(workspaceId);
  const [name, setName] = useState(candidate.name);
  const [affiliation, setAffiliation] = useState(candidate.affiliation ?? '');
  const [attributeEvidence, setAttributeEvidence] = useState(true);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(acceptMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // Only send what changed: the API keeps the proposed values otherwise.
    const body = {
      ...(name.trim() !== candidate.name ? { name } : {}),
      ...(affiliation.trim() !== (candidate.affiliation ?? '') ? { affiliation: affiliation.trim() === '' ? null : affiliation } : {}),
      attributeEvidence,
    };
    const validation = validateWith(AcceptCandidateBodySchema, body);
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    acceptMutation.mutate(
      { candidateId: candidate.id, body: validation.data },
      {
        onSuccess: (actor) => {
          onClose();
          showToast(`${actor.name} is now an actor.`);
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label={`Accept ${candidate.name}`}>
      <TextField
        label="Name"
        required
        maxLength={200}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        error={withLabel('Name', fieldErrors.name)}
      />
      <TextField
        label="Affiliation (optional)"
        maxLength={300}
        value={affiliation}
        onChange={(event) => {
          setAffiliation(event.target.value);
        }}
        error={withLabel('Affiliation', fieldErrors.affiliation)}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={attributeEvidence}
          onChange={(event) => {
            setAttributeEvidence(event.target.checked);
          }}
        />
        <span>Attribute the {formatCount(candidate.evidence.length, 'sentence')} it was seen in to this actor</span>
      </label>
      <FormError error={acceptMutation.error} />
      <div className="dialog__actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={acceptMutation.isPending}>
          Accept actor
        </Button>
      </div>
    </form>
  );
}
