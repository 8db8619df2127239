/** One tag's definition: admins edit it in place; everyone else reads it. */
import type { Tag, TagColor, UpdateTagBody } from '@marginalia/shared';
import { useState, type FormEvent } from 'react';
import { Button, FormError, TextAreaField, TextField } from '../../../ui';
import { ColorPicker } from './ColorPicker';
import { TagLabel } from './TagSwatch';

export interface TagEditorProps {
  tag: Tag;
  path: string;
  canManage: boolean;
  saving: boolean;
  error: unknown;
  onSave: (body: UpdateTagBody) => void;
  onMerge: () => void;
  onDelete: () => void;
}

const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

export function TagEditor(props: TagEditorProps) {
  // Remount per tag (and per server version) so the form starts from what is stored.
  return <TagEditorForm key={`${props.tag.id}:${props.tag.updatedAt}`} {...props} />;
}

function TagEditorForm({ tag, path, canManage, saving, error, onSave, onMerge, onDelete }: TagEditorProps) {
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState<TagColor>(tag.color as TagColor);
  const [definition, setDefinition] = useState(tag.definition);
  const [inclusion, setInclusion] = useState(tag.inclusion);
  const [exclusion, setExclusion] = useState(tag.exclusion);
  const [examples, setExamples] = useState(tag.examples.join('\n'));

  if (!canManage) {
    return (
      <article className="tag-editor" aria-label={`Tag ${tag.name}`}>
        <h2 className="tag-editor__title">
          <TagLabel name={tag.name} color={tag.color} />
        </h2>
        <p className="muted">{path}</p>
        <dl className="tag-editor__definition">
          <dt>Definition</dt>
          <dd>{tag.definition || '—'}</dd>
          <dt>Include when</dt>
          <dd>{tag.inclusion || '—'}</dd>
          <dt>Exclude when</dt>
          <dd>{tag.exclusion || '—'}</dd>
          <dt>Examples</dt>
          <dd>{tag.examples.length === 0 ? '—' : <ul>{tag.examples.map((example) => <li key={example}>“{example}”</li>)}</ul>}</dd>
        </dl>
      </article>
    );
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSave({ name, color, definition, inclusion, exclusion, examples: linesOf(examples) });
  }

  return (
    <form className="tag-editor" aria-label={`Edit tag ${tag.name}`} onSubmit={handleSubmit}>
      <p className="muted">{path}</p>
      <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
      <ColorPicker value={color} onChange={setColor} />
      <TextAreaField label="Definition" value={definition} onChange={(event) => setDefinition(event.target.value)} rows={3} />
      <TextAreaField label="Include when" value={inclusion} onChange={(event) => setInclusion(event.target.value)} rows={2} />
      <TextAreaField label="Exclude when" value={exclusion} onChange={(event) => setExclusion(event.target.value)} rows={2} />
      <TextAreaField label="Example quotes" hint="One per line." value={examples} onChange={(event) => setExamples(event.target.value)} rows={3} />
      <FormError error={error} />
      <div className="tag-editor__actions">
        <Button type="submit" variant="primary" busy={saving}>
          Save tag
        </Button>
        <Button onClick={onMerge}>Merge into…</Button>
        <Button variant="danger" onClick={onDelete}>
          Delete…
        </Button>
      </div>
    </form>
  );
}
