/**
 * Labelled form controls. Every control has a visible <label>, hints and errors are tied to
 * it with aria-describedby, and an error sets aria-invalid so it is announced with the field.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cx } from './cx';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}

function FieldShell({ id, label, hint, error, className, children }: FieldShellProps) {
  return (
    <div className={cx('field', error !== undefined && 'field--invalid', className)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint !== undefined && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface CommonFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  fieldClassName?: string;
}

export type TextFieldProps = CommonFieldProps & InputHTMLAttributes<HTMLInputElement>;

export function TextField({ label, hint, error, fieldClassName, id, className, ...inputProps }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldShell id={inputId} label={label} hint={hint} error={error} className={fieldClassName}>
      <input
        id={inputId}
        className={cx('input', className)}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...inputProps}
      />
    </FieldShell>
  );
}

export type TextAreaFieldProps = CommonFieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ label, hint, error, fieldClassName, id, className, ...textareaProps }: TextAreaFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldShell id={inputId} label={label} hint={hint} error={error} className={fieldClassName}>
      <textarea
        id={inputId}
        className={cx('input', 'input--multiline', className)}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...textareaProps}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectFieldProps = CommonFieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[] };

export function SelectField({ label, hint, error, fieldClassName, id, className, options, ...selectProps }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <FieldShell id={selectId} label={label} hint={hint} error={error} className={fieldClassName}>
      <select
        id={selectId}
        className={cx('input', 'input--select', className)}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={describedBy(selectId, hint, error)}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
