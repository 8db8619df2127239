/**
 * A secret or link that is shown once: read-only, selectable, with a copy button. When the
 * clipboard API is unavailable (plain http on a LAN address) the text is selected instead.
 */
import { useId, useRef, useState } from 'react';
import { Button } from './Button';

export interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel?: string;
}

type CopyState = 'idle' | 'copied' | 'manual';

export function CopyField({ label, value, copyLabel = 'Copy' }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      inputRef.current?.select();
      setState('manual');
    }
  }

  return (
    <div className="copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={inputRef}
          id={id}
          className="input copy-field__input"
          value={value}
          readOnly
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <Button onClick={() => void handleCopy()}>{copyLabel}</Button>
      </div>
      <p className="field__hint" role="status">
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'manual' && 'Copying is not available here: the text is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
    </div>
  );
}
