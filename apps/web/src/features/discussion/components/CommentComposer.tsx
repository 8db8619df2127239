/**
 * Writing a comment: Markdown in a textarea, with "@" offering the workspace's members (arrows,
 * Enter or Tab to insert `[@Name](mention:id)`, Escape to dismiss), a pasted reader link turned
 * into the quote it points at with its citation, the size limit counted down and refused
 * clearly, and every keystroke reported (throttled) as "typing" in the thread. Ctrl+Enter sends.
 */
import { DISCUSSION_LIMITS, type DocumentDetail, type Member } from '@marginalia/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { api, errorMessage } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { Button, FormError } from '../../../ui';
import { documentKeys } from '../../documents';
import { useMembers } from '../../members';
import { insertMention, mentionQueryAt, type MentionQuery } from '../mention-text';
import { parseReaderDeepLink, quoteMarkdown } from '../reader-quote';
import { MentionListBox, mentionOptionId } from './MentionListBox';

export interface CommentComposerProps {
  workspaceId: string;
  label: string;
  submitLabel: string;
  initialValue?: string;
  busy: boolean;
  error: unknown;
  onSubmit: (body: string, clear: () => void) => void;
  onCancel?: () => void;
  onTyping?: () => void;
  autoFocus?: boolean;
}

const MAX_SUGGESTIONS = 8;

export function CommentComposer({ workspaceId, label, submitLabel, initialValue = '', busy, error, onSubmit, onCancel, onTyping, autoFocus = false }: CommentComposerProps) {
  const [value, setValue] = useState(initialValue);
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const members = useMembers(workspaceId);
  const queryClient = useQueryClient();
  const fieldId = useId();
  const listId = useId();
  const hintId = useId();

  const suggestions = useMemo(() => {
    if (!query) return [];
    const needle = query.text.toLocaleLowerCase();
    return (members.data ?? [])
      .filter((member: Member) => member.displayName.toLocaleLowerCase().includes(needle) || member.email.toLocaleLowerCase().startsWith(needle))
      .slice(0, MAX_SUGGESTIONS);
  }, [members.data, query]);
  const open = query !== null && suggestions.length > 0;
  const active = open ? suggestions[Math.min(activeIndex, suggestions.length - 1)] : undefined;
  const length = value.trim().length;
  const tooLong = value.length > DISCUSSION_LIMITS.commentChars;

  function update(next: string, caret: number) {
    setValue(next);
    pendingCaret.current = caret;
    setQuery(mentionQueryAt(next, caret));
    setActiveIndex(0);
    onTyping?.();
  }

  function pick(member: Member) {
    const textarea = textareaRef.current;
    if (!textarea || !query) return;
    const inserted = insertMention(value, query, textarea.selectionStart, member.userId, member.displayName);
    setValue(inserted.value);
    setQuery(null);
    pendingCaret.current = inserted.caret;
  }

  // A changed value puts the caret at the end; where text was inserted, it goes after the insertion
  // before the next keystroke can land (hence a layout effect, not a frame later).
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const textarea = textareaRef.current;
    if (caret === null || !textarea) return;
    pendingCaret.current = null;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  }, [value]);

  function clear() {
    setValue('');
    setQuery(null);
    setPasteNote(null);
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || length === 0 || tooLong) return;
    onSubmit(value.trim(), clear);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveIndex((index) => (index + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && active) {
        event.preventDefault();
        pick(active);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && onCancel) {
      onCancel();
    }
  }

  async function handlePaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const text = event.clipboardData.getData('text/plain');
    const link = parseReaderDeepLink(text, workspaceId);
    if (!link) return;
    event.preventDefault();
    const textarea = event.currentTarget;
    const { selectionStart, selectionEnd } = textarea;
    try {
      const document = await queryClient.fetchQuery({
        queryKey: documentKeys.detail(workspaceId, link.documentId),
        queryFn: () => api.get<DocumentDetail>(`/workspaces/${encodeURIComponent(workspaceId)}/documents/${encodeURIComponent(link.documentId)}`),
        staleTime: 10 * 60_000,
      });
      const quote = quoteMarkdown(workspaceId, document, link);
      const inserted = quote ?? text;
      const before = value.slice(0, selectionStart);
      const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
      const next = before + lead + inserted + value.slice(selectionEnd);
      update(next, (before + lead + inserted).length);
      setPasteNote(quote ? `Quoted from “${document.title}”.` : null);
    } catch (caught) {
      update(value.slice(0, selectionStart) + text + value.slice(selectionEnd), selectionStart + text.length);
      setPasteNote(`The link's passage could not be quoted: ${errorMessage(caught)}`);
    }
  }

  return (
    <form className="comment-composer" onSubmit={submit} noValidate>
      <label className="field__label" htmlFor={fieldId}>
        {label}
      </label>
      <div className="comment-composer__input">
        <textarea
          ref={textareaRef}
          id={fieldId}
          className="input comment-composer__textarea"
          value={value}
          rows={3}
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={active ? mentionOptionId(listId, active.userId) : undefined}
          aria-describedby={hintId}
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            update(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => {
            setQuery(mentionQueryAt(event.currentTarget.value, event.currentTarget.selectionStart));
          }}
          onBlur={() => {
            setQuery(null);
          }}
          onKeyDown={handleKeyDown}
          onPaste={(event) => void handlePaste(event)}
        />
        {open && <MentionListBox id={listId} members={suggestions} activeIndex={activeIndex} onPick={pick} />}
      </div>
      <p id={hintId} className={tooLong ? 'comment-composer__hint comment-composer__hint--error' : 'comment-composer__hint'} role={tooLong ? 'alert' : undefined}>
        {tooLong
          ? `Too long: ${formatNumber(value.length)} of at most ${formatNumber(DISCUSSION_LIMITS.commentChars)} characters. Shorten it to send.`
          : 'Markdown. Type @ to mention someone; paste a reader link to quote it. Ctrl+Enter sends.'}
      </p>
      {pasteNote && (
        <p className="comment-composer__hint" role="status">
          {pasteNote}
        </p>
      )}
      <FormError error={error} />
      <div className="comment-composer__actions">
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button size="sm" variant="primary" type="submit" busy={busy} disabled={length === 0 || tooLong}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
