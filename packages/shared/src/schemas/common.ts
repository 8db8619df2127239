import { z } from 'zod';

export const UuidSchema = z.uuid();
export const IsoDateSchema = z.iso.datetime({ offset: true });

/** Every error the API returns has this shape. */
export const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  /** Field-level problems for validation errors: path -> message. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be a valid email address' }))
  .transform((email) => email.toLowerCase());

/*
 * Text typed by people. NUL is never text (Postgres refuses it in a text column, which was a
 * 500); other control characters make no sense in text people type, except a tab anywhere and
 * line breaks in text that runs over lines. Refused with a 400 that says so.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000a-\u001f\u007f]*$/;
// eslint-disable-next-line no-control-regex -- as above, and LF and CR are text here too
const NO_CONTROL_CHARACTERS_BUT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** One line of text (a name, a title, a filter), trimmed: no NUL, line breaks or other control characters (a tab is whitespace). */
export const lineText = () => z.string().trim().regex(NO_CONTROL_CHARACTERS, 'must not contain NUL, line breaks or other control characters');
/** Text that may run over several lines (a description, a field value): no NUL or control characters but tab and line breaks. */
export const multilineText = () => z.string().regex(NO_CONTROL_CHARACTERS_BUT_LINES, 'must not contain NUL or control characters other than tabs and line breaks');

export const DisplayNameSchema = lineText().min(1, 'must not be empty').max(80);

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 accepts more, but a cap keeps hashing cost bounded per request. */
export const PASSWORD_MAX_LENGTH = 256;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  api: z.literal('ok'),
  database: z.enum(['ok', 'unreachable']),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof HealthSchema>;
