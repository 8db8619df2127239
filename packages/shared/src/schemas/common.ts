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

export const DisplayNameSchema = z.string().trim().min(1, 'must not be empty').max(80);

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
