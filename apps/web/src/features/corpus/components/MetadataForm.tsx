/**
 * Editing a document's metadata. Only changed fields are sent (an emptied field is sent as
 * null, which clears it); the shared schema checks the input first, the API's messages are
 * shown beside the fields they concern.
 */
import { METADATA_LIMITS, UpdateDocumentBodySchema, type DocumentDetail, type UpdateDocumentBody } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, FormError, TextField, useToast } from '../../../ui';
import { useUpdateDocument } from '../../documents';

type SimpleField = 'title' | 'source' | 'author' | 'publishedOn' | 'url' | 'language';
interface FieldRow {
  id: number;
  key: string;
  value: string;
}

const nullable = (value: string) => (value.trim() === '' ? null : value.trim());

function changes(document: DocumentDetail, values: Record<SimpleField, string>, rows: FieldRow[]): UpdateDocumentBody {
  const body: UpdateDocumentBody = {};
  if (values.title.trim() !== document.title) body.title = values.title;
  for (const key of ['source', 'author', 'publishedOn', 'url', 'language'] as const) {
    if (nullable(values[key]) !== document[key]) body[key] = nullable(values[key]);
  }
  const fields = Object.fromEntries(rows.filter((row) => row.key.trim() !== '' || row.value.trim() !== '').map((row) => [row.key.trim(), row.value]));
  if (JSON.stringify(fields) !== JSON.stringify(document.fields)) body.fields = fields;
  return body;
}

interface MetadataFormProps {
  workspaceId: string;
  document: DocumentDetail;
  onDone: () => void;
}

export function MetadataForm({ workspaceId, document, onDone }: MetadataFormProps) {
  const { showToast } = useToast();
  const updateMutation = useUpdateDocument(workspaceId, document.id);
  const [values, setValues] = useState<Record<SimpleField, string>>({
    title: document.title,
    source: document.source ?? '',
    author: document.author ?? '',
    publishedOn: document.publishedOn ?? '',
    url: document.url ?? '',
    language: document.language ?? '',
  });
  const [rows, setRows] = useState<FieldRow[]>(() => Object.entries(document.fields).map(([key, value], id) => ({ id, key, value })));
  const [nextRowId, setNextRowId] = useState(rows.length);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(updateMutation.error), ...clientErrors };
  const fieldsError = Object.entries(fieldErrors).find(([path]) => path === 'fields' || path.startsWith('fields.'))?.[1];
  const body = changes(document, values, rows);
  const changed = Object.keys(body).length > 0;

  const bind = (key: SimpleField) => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => {
      setValues((current) => ({ ...current, [key]: event.target.value }));
    },
  });

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!changed) {
      onDone();
      return;
    }
    if (rows.some((row) => row.key.trim() === '' && row.value.trim() !== '')) {
      setClientErrors({ fields: 'Every field needs a name.' });
      return;
    }
    const validation = validateWith(UpdateDocumentBodySchema, body);
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    updateMutation.mutate(body, {
      onSuccess: () => {
        showToast('Details saved.');
        onDone();
      },
    });
  }

  return (
    <form className="stack metadata-form" onSubmit={handleSubmit} noValidate aria-label="Edit document details">
      <TextField label="Title" required maxLength={METADATA_LIMITS.title} autoFocus {...bind('title')} error={withLabel('Title', fieldErrors.title)} />
      <TextField label="Source" hint="The outlet or collection, e.g. The Epoch Times" maxLength={METADATA_LIMITS.short} {...bind('source')} error={withLabel('Source', fieldErrors.source)} />
      <TextField label="Author" maxLength={METADATA_LIMITS.short} {...bind('author')} error={withLabel('Author', fieldErrors.author)} />
      <TextField label="Published on" type="date" {...bind('publishedOn')} error={withLabel('Publication date', fieldErrors.publishedOn)} />
      <TextField label="URL" type="url" inputMode="url" maxLength={METADATA_LIMITS.url} {...bind('url')} error={withLabel('URL', fieldErrors.url)} />
      <TextField label="Language" hint="A language tag: en, zh-Hant, pt-BR" {...bind('language')} error={withLabel('Language', fieldErrors.language)} />
      <fieldset className="fieldset">
        <legend>Other fields</legend>
        {rows.length === 0 && <p className="muted">None yet, e.g. section or translator.</p>}
        {rows.map((row, position) => (
          <div key={row.id} className="field-row">
            <TextField
              label={`Name of field ${String(position + 1)}`}
              maxLength={METADATA_LIMITS.fieldKey}
              value={row.key}
              onChange={(event) => {
                setRows((current) => current.map((other) => (other.id === row.id ? { ...other, key: event.target.value } : other)));
              }}
            />
            <TextField
              label={`Value of field ${String(position + 1)}`}
              maxLength={METADATA_LIMITS.fieldValue}
              value={row.value}
              onChange={(event) => {
                setRows((current) => current.map((other) => (other.id === row.id ? { ...other, value: event.target.value } : other)));
              }}
            />
            <Button
              size="sm"
              variant="ghost"
              className="field-row__remove"
              aria-label={`Remove field ${row.key || String(position + 1)}`}
              onClick={() => {
                setRows((current) => current.filter((other) => other.id !== row.id));
              }}
            >
              Remove
            </Button>
          </div>
        ))}
        {fieldsError !== undefined && <p className="field__error">{withLabel('Fields', fieldsError)}</p>}
        <div>
          <Button
            size="sm"
            disabled={rows.length >= METADATA_LIMITS.fields}
            onClick={() => {
              setRows((current) => [...current, { id: nextRowId, key: '', value: '' }]);
              setNextRowId((id) => id + 1);
            }}
          >
            Add field
          </Button>
        </div>
      </fieldset>
      <FormError error={updateMutation.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={updateMutation.isPending} disabled={!changed}>
          Save details
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
