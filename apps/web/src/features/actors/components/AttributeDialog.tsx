/**
 * "Attribute to actor…" for a span selected in the reader: pick an existing actor or create
 * one on the spot, then store the attribution. Offsets arrive as code points, ready to send.
 */
import { CreateActorBodySchema } from '@marginalia/shared';
import { useMemo, useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, Dialog, FormError, SelectField, TextField, useToast } from '../../../ui';
import { useActors, useCreateActor, useCreateAttribution } from '../hooks/useActors';

export interface SpanToAttribute {
  start: number;
  end: number;
  quote: string;
}

interface AttributeDialogProps {
  workspaceId: string;
  documentId: string;
  span: SpanToAttribute | null;
  onClose: () => void;
}

const NEW_ACTOR = '__new__';

export function AttributeDialog({ workspaceId, documentId, span, onClose }: AttributeDialogProps) {
  return (
    <Dialog open={span !== null} onClose={onClose} title="Attribute to actor" description={span ? <blockquote className="evidence-quote">{span.quote}</blockquote> : undefined}>
      {span !== null && <AttributeForm workspaceId={workspaceId} documentId={documentId} span={span} onClose={onClose} />}
    </Dialog>
  );
}

function AttributeForm({ workspaceId, documentId, span, onClose }: { workspaceId: string; documentId: string; span: SpanToAttribute; onClose: () => void }) {
  const { showToast } = useToast();
  const actors = useActors(workspaceId);
  const createActor = useCreateActor(workspaceId);
  const createAttribution = useCreateAttribution(workspaceId, documentId);
  const sorted = useMemo(() => [...(actors.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [actors.data]);
  const [choice, setChoice] = useState('');
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  // Until the list arrives, and when there are no actors, the form offers a new one.
  const selected = choice !== '' ? choice : sorted[0]?.id ?? NEW_ACTOR;
  const creatingNew = selected === NEW_ACTOR;
  const fieldErrors = { ...fieldErrorsFrom(createActor.error), ...clientErrors };
  const busy = createActor.isPending || createAttribution.isPending;

  async function attribute() {
    let actorId = selected;
    let actorName = sorted.find((actor) => actor.id === selected)?.name ?? '';
    if (creatingNew) {
      const validation = validateWith(CreateActorBodySchema, { name, affiliation: affiliation.trim() === '' ? null : affiliation });
      if (!validation.ok) {
        setClientErrors(validation.fieldErrors);
        return;
      }
      setClientErrors({});
      const actor = await createActor.mutateAsync(validation.data);
      // Created once: a failed attribution below is retried against this actor, not a duplicate.
      setChoice(actor.id);
      actorId = actor.id;
      actorName = actor.name;
    }
    await createAttribution.mutateAsync({ actorId, start: span.start, end: span.end });
    onClose();
    showToast(`Attributed to ${actorName}.`);
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    attribute().catch(() => {
      // Shown in the form from the mutations' errors.
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Attribute to actor">
      <SelectField
        label="Actor"
        value={selected}
        disabled={actors.isPending}
        hint={actors.isPending ? 'Loading actors…' : undefined}
        onChange={(event) => {
          setChoice(event.target.value);
        }}
        options={[...sorted.map((actor) => ({ value: actor.id, label: actor.affiliation ? `${actor.name} (${actor.affiliation})` : actor.name })), { value: NEW_ACTOR, label: 'New actor…' }]}
      />
      {creatingNew && (
        <fieldset className="fieldset">
          <legend>New actor</legend>
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
        </fieldset>
      )}
      <FormError error={createAttribution.error ?? (Object.keys(fieldErrorsFrom(createActor.error)).length > 0 ? null : createActor.error)} />
      <div className="dialog__actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          Attribute
        </Button>
      </div>
    </form>
  );
}
