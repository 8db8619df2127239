/** Pasted text becomes one document; the title is proposed from the first line if left empty. */
import { IMPORT_LIMITS, PasteDocumentBodySchema } from '@marginalia/shared';
import { useState, type SubmitEvent } from 'react';
import { formatNumber } from '../../../lib/format';
import { fieldErrorsFrom, validateWith, withLabel, type FieldErrors } from '../../../lib/form-errors';
import { Button, FormError, TextAreaField, TextField } from '../../../ui';
import { useImportPastedText } from '../hooks/useImports';

export function PasteImportForm({ workspaceId }: { workspaceId: string }) {
  const paste = useImportPastedText(workspaceId);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const fieldErrors = { ...fieldErrorsFrom(paste.error), ...clientErrors };

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const validation = validateWith(PasteDocumentBodySchema, { text, ...(title.trim() === '' ? {} : { title }) });
    if (!validation.ok) {
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors({});
    paste.mutate(validation.data, {
      onSuccess: () => {
        setTitle('');
        setText('');
      },
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Import pasted text">
      <TextField
        label="Title (optional)"
        hint="Left empty, the first line is proposed as the title; you can confirm or change it later."
        maxLength={300}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
        }}
        error={withLabel('Title', fieldErrors.title)}
      />
      <TextAreaField
        label="Text"
        rows={8}
        hint={`Up to ${formatNumber(IMPORT_LIMITS.maxPastedCharacters)} characters. One paragraph per line, or paragraphs separated by blank lines.`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
        error={withLabel('Text', fieldErrors.text)}
      />
      <FormError error={paste.error} />
      <div>
        <Button type="submit" variant="primary" busy={paste.isPending}>
          Import text
        </Button>
      </div>
    </form>
  );
}
