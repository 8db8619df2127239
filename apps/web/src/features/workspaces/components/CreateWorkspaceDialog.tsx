/** The "New workspace" dialog; on success it opens the new workspace. */
import { CreateWorkspaceBodySchema, WORKSPACE_DESCRIPTION_MAX, WORKSPACE_NAME_MAX } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, Dialog, FormError, TextAreaField, TextField } from '../../../ui';
import { useCreateWorkspace } from '../hooks/useWorkspaces';

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const createMutation = useCreateWorkspace();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(createMutation.error), ...clientErrors };

  function handleClose() {
    setName('');
    setDescription('');
    setClientErrors({});
    createMutation.reset();
    onClose();
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(CreateWorkspaceBodySchema, { name, description: description.trim() === '' ? undefined : description });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    createMutation.mutate(validation.data, {
      onSuccess: (workspace) => {
        handleClose();
        void navigate(`/w/${workspace.id}`);
      },
    });
  }

  return (
    <Dialog open={open} onClose={handleClose} title="New workspace" description="A workspace holds one corpus and the people who study it.">
      <form className="stack" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={WORKSPACE_NAME_MAX}
          autoFocus
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          error={withLabel('Name', fieldErrors.name)}
        />
        <TextAreaField
          label="Description (optional)"
          name="description"
          rows={3}
          maxLength={WORKSPACE_DESCRIPTION_MAX}
          hint="What is the corpus, and what question are you asking of it?"
          value={description}
          onChange={(event) => {
            setDescription(event.target.value);
          }}
          error={withLabel('Description', fieldErrors.description)}
        />
        <FormError error={createMutation.error} />
        <div className="dialog__actions">
          <Button onClick={handleClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={createMutation.isPending}>
            Create workspace
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
