/** Creating an actor, or editing one: name, affiliation and a short description. */
import { CreateActorBodySchema, type Actor, type CreateActorBody } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, Dialog, FormError, TextAreaField, TextField } from '../../../ui';

export interface ActorFormDialogProps {
  open: boolean;
  /** Absent: a new actor. */
  actor?: Actor | undefined;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: CreateActorBody) => void;
}

export function ActorFormDialog({ open, actor, busy, error, onClose, onSubmit }: ActorFormDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={actor ? `Edit ${actor.name}` : 'New actor'}>
      {/* Mounted per opening, so the fields start from the actor each time. */}
      {open && <ActorForm actor={actor} busy={busy} error={error} onClose={onClose} onSubmit={onSubmit} />}
    </Dialog>
  );
}

function ActorForm({ actor, busy, error, onClose, onSubmit }: Omit<ActorFormDialogProps, 'open'>) {
  const [name, setName] = useState(actor?.name ?? '');
  const [affiliation, setAffiliation] = useState(actor?.affiliation ?? '');
  const [description, setDescription] = useState(actor?.description ?? '');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(CreateActorBodySchema, {
      name,
      affiliation: affiliation.trim() === '' ? null : affiliation,
      description: description.trim() === '' ? null : description,
    });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    onSubmit(validation.data);
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label={actor ? `Edit ${actor.name}` : 'New actor'}>
      <TextField
        label="Name"
        required
        maxLength={200}
        autoFocus
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        error={withLabel('Name', fieldErrors.name)}
      />
      <TextField
        label="Affiliation (optional)"
        hint="e.g. Institute for National Defense and Security Research"
        maxLength={300}
        value={affiliation}
        onChange={(event) => {
          setAffiliation(event.target.value);
        }}
        error={withLabel('Affiliation', fieldErrors.affiliation)}
      />
      <TextAreaField
        label="Description (optional)"
        rows={3}
        maxLength={2000}
        value={description}
        onChange={(event) => {
          setDescription(event.target.value);
        }}
        error={withLabel('Description', fieldErrors.description)}
      />
      <FormError error={Object.keys(fieldErrorsFrom(error)).length > 0 ? null : error} />
      <div className="dialog__actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          {actor ? 'Save actor' : 'Create actor'}
        </Button>
      </div>
    </form>
  );
}
