/**
 * Per-field messages for forms, from either the API's `issues` or a shared zod schema run
 * in the browser first, so both speak the same words ("must be at least 10 characters").
 */
import { isApiRequestError } from './api-client';

export type FieldErrors = Partial<Record<string, string>>;

interface SchemaLike<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** First message per field wins: one clear sentence beats a list of everything wrong. */
export function validateWith<T>(schema: SchemaLike<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

export function fieldErrorsFrom(error: unknown): FieldErrors {
  if (!isApiRequestError(error)) return {};
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) fieldErrors[issue.path || 'form'] ??= issue.message;
  return fieldErrors;
}

/** Messages like "must be at least 10 characters" read well after the field's label. */
export function withLabel(label: string, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
