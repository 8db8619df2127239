/** Name and description of the workspace; read-only for members below admin. */
import { UpdateWorkspaceBodySchema, WORKSPACE_DESCRIPTION_MAX, WORKSPACE_NAME_MAX, type Workspace } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, FormError, TextAreaField, TextField, useToast } from '../../../ui';
import { useUpdateWorkspace, useWorkspacePermission } from '../../workspaces';

export function WorkspaceDetailsForm({ workspace }: { workspace: Workspace }) {
  const canEdit = useWorkspacePermission('workspace.update');
  const updateMutation = useUpdateWorkspace(workspace.id);
  const { showToast } = useToast();
  const [name, setName] = useState(workspace.name);
  const [description, setDescription] = useState(workspace.description);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(updateMutation.error), ...clientErrors };
  const changed = name !== workspace.name || description !== workspace.description;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(UpdateWorkspaceBodySchema, { name, description });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    updateMutation.mutate(validation.data, {
      onSuccess: (saved) => {
        setName(saved.name);
        setDescription(saved.description);
        showToast('Workspace details saved.');
      },
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Workspace details">
      <TextField
        label="Name"
        name="name"
        required
        maxLength={WORKSPACE_NAME_MAX}
        readOnly={!canEdit}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        error={withLabel('Name', fieldErrors.name)}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={4}
        maxLength={WORKSPACE_DESCRIPTION_MAX}
        readOnly={!canEdit}
        value={description}
        onChange={(event) => {
          setDescription(event.target.value);
        }}
        error={withLabel('Description', fieldErrors.description)}
      />
      <FormError error={updateMutation.error} />
      {canEdit ? (
        <div>
          <Button type="submit" variant="primary" busy={updateMutation.isPending} disabled={!changed}>
            Save details
          </Button>
        </div>
      ) : (
        <p className="muted">
          {workspace.archivedAt !== null ? 'An archived workspace cannot be edited.' : 'Only admins and owners can change these details.'}
        </p>
      )}
    </form>
  );
}
