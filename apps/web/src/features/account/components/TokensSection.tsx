/**
 * Personal access tokens for scripts and the API. A new token's secret is shown once, right
 * after it is created; afterwards only its prefix identifies it.
 */
import { CreateTokenBodySchema, type CreatedToken, type TokenSummary } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { formatDateTime } from '../../../lib/format';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Alert, Button, ConfirmDialog, CopyField, EmptyState, ErrorState, FormError, LoadingState, TextField, useToast } from '../../../ui';
import { useCreateToken, useRevokeToken, useTokens } from '../hooks/useAccount';

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const createMutation = useCreateToken();
  const [name, setName] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(createMutation.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(CreateTokenBodySchema, { name });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    createMutation.mutate(validation.data, {
      onSuccess: (token) => {
        setName('');
        onCreated(token);
      },
    });
  }

  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate aria-label="Create a token">
      <TextField
        label="Token name"
        hint="What will use it, e.g. “export script”."
        maxLength={80}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        error={withLabel('Token name', fieldErrors.name)}
        fieldClassName="inline-form__grow"
      />
      <Button type="submit" variant="primary" busy={createMutation.isPending} className="inline-form__submit">
        Create token
      </Button>
      <FormError error={createMutation.error} className="inline-form__full" />
    </form>
  );
}

export function TokensSection() {
  const { data: tokens, error, isPending, refetch } = useTokens();
  const revokeMutation = useRevokeToken();
  const { showToast } = useToast();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);

  function closeRevoke() {
    setRevoking(null);
    revokeMutation.reset();
  }

  function handleRevoke() {
    if (!revoking) return;
    const token = revoking;
    revokeMutation.mutate(token.id, {
      onSuccess: () => {
        closeRevoke();
        if (created?.id === token.id) setCreated(null);
        showToast(`Token “${token.name}” revoked.`);
      },
    });
  }

  return (
    <div className="stack">
      <CreateTokenForm onCreated={setCreated} />
      <div aria-live="polite">
        {created && (
          <Alert tone="warning" title={`Token “${created.name}” created`}>
            <p>Copy it now and keep it somewhere safe. It will not be shown again; anyone who has it can act as you.</p>
            <CopyField label="New token" value={created.token} copyLabel="Copy token" />
            <Button
              size="sm"
              onClick={() => {
                setCreated(null);
              }}
            >
              I have copied it
            </Button>
          </Alert>
        )}
      </div>
      {isPending && <LoadingState label="Loading tokens…" />}
      {error && <ErrorState title="Tokens could not be loaded" error={error} onRetry={() => void refetch()} />}
      {tokens?.length === 0 && <EmptyState title="No tokens yet">Tokens let scripts use the Marginalia API as you.</EmptyState>}
      {tokens !== undefined && tokens.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Personal access tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className="table__primary table__wrap">
                    {token.name}
                  </th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td className="table__nowrap">{formatDateTime(token.createdAt)}</td>
                  <td className="table__nowrap">{token.lastUsedAt !== null ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
                  <td className="table__actions">
                    <Button
                      size="sm"
                      variant="danger"
                      aria-label={`Revoke token ${token.name}`}
                      onClick={() => {
                        setRevoking(token);
                      }}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={closeRevoke}
        onConfirm={handleRevoke}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description={<p>Anything using this token stops working at once.</p>}
        confirmLabel="Revoke token"
        destructive
        busy={revokeMutation.isPending}
        error={revokeMutation.error}
      />
    </div>
  );
}
