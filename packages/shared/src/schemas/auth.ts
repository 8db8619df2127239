import { z } from 'zod';
import { DisplayNameSchema, EmailSchema, IsoDateSchema, PasswordSchema, UuidSchema, lineText } from './common.js';

export const RegisterBodySchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  /** The token of an invite made out to this email: needed when REGISTRATION=invite-only. */
  inviteToken: z.string().min(1).max(128).optional(),
});
export type RegisterBody = z.input<typeof RegisterBodySchema>;

export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'is required').max(1024),
});
export type LoginBody = z.input<typeof LoginBodySchema>;

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: PasswordSchema,
});
export type ChangePasswordBody = z.input<typeof ChangePasswordBodySchema>;

export const UpdateProfileBodySchema = z.strictObject({
  displayName: DisplayNameSchema,
});
export type UpdateProfileBody = z.input<typeof UpdateProfileBodySchema>;

export const CurrentUserSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  displayName: z.string(),
  isInstanceAdmin: z.boolean(),
  createdAt: IsoDateSchema,
  /** When the account proved it receives mail at its address (an emailed link was used); null if never. */
  emailVerifiedAt: IsoDateSchema.nullable(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

/**
 * Who is signed in, if anyone: GET /api/auth/session answers 200 either way, so loading a page
 * while signed out is not an error (GET /api/auth/me answers 401 then).
 */
export const SessionStateSchema = z.object({ user: CurrentUserSchema.nullable() });
export type SessionState = z.infer<typeof SessionStateSchema>;

/** Returned by register and login; the session itself travels in the httpOnly cookie. */
export const AuthResultSchema = z.object({
  user: CurrentUserSchema,
  /** Echo this in the x-csrf-token header on mutating requests (also set as a cookie). */
  csrfToken: z.string(),
});
export type AuthResult = z.infer<typeof AuthResultSchema>;

export const SessionSummarySchema = z.object({
  id: UuidSchema,
  current: z.boolean(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: IsoDateSchema,
  lastSeenAt: IsoDateSchema,
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const CreateTokenBodySchema = z.strictObject({
  name: lineText().min(1, 'must not be empty').max(80),
});
export type CreateTokenBody = z.input<typeof CreateTokenBodySchema>;

export const TokenSummarySchema = z.object({
  id: UuidSchema,
  name: z.string(),
  /** First characters of the token, to recognise it; the rest is never shown again. */
  prefix: z.string(),
  createdAt: IsoDateSchema,
  lastUsedAt: IsoDateSchema.nullable(),
});
export type TokenSummary = z.infer<typeof TokenSummarySchema>;

export const CreatedTokenSchema = TokenSummarySchema.extend({
  /** The secret, shown exactly once. */
  token: z.string(),
});
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

/** Claims instance administration with the one-time link printed at start-up. */
export const AdminSetupBodySchema = z.strictObject({
  token: z.string().min(1, 'is required').max(128),
});
export type AdminSetupBody = z.input<typeof AdminSetupBodySchema>;
