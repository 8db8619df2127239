/**
 * Instance settings: what an instance admin may change in the UI, each also settable by an
 * environment variable that wins over the saved value (the UI shows it locked, naming the
 * variable). One definition here serves the API's store, the admin form and the docs.
 */
import { z } from 'zod';
import { WORKSPACE_ROLES } from '../roles.js';

const hostnamePattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The value of every setting, as the server uses it. */
export const InstanceSettingValuesSchema = z.object({
  /** Who may create an account. */
  registration: z.enum(['open', 'invite-only', 'closed']),
  /** Who may create workspaces. */
  workspaceCreation: z.enum(['everyone', 'admins']),
  /** Role proposed for new members when inviting (the inviter may pick another). */
  defaultMemberRole: z.enum(WORKSPACE_ROLES).exclude(['owner']),
  /** Invite links stop working after this many hours. */
  inviteTtlHours: z.number().int().min(1).max(24 * 30),
  /** A session unused for this long ends. */
  sessionIdleTimeoutMinutes: z.number().int().min(5).max(60 * 24 * 90),
  /** A session ends this long after sign-in, used or not. */
  sessionAbsoluteTimeoutHours: z.number().int().min(1).max(24 * 365),
  /** Largest file accepted by imports, in MiB (the hard ceiling is IMPORT_LIMITS.maxFileBytes). */
  maxUploadMegabytes: z.number().int().min(1).max(20),
  /** Show images from other sites in Markdown (notebook, comments). */
  markdownRemoteImages: z.boolean(),
  /** smtp(s)://user:password@host:port; null: no email (links are handed over by hand). */
  smtpUrl: z.url({ protocol: /^smtps?$/ }).nullable(),
  /** Sender of the instance's email, e.g. "Marginalia <marginalia@example.org>". */
  mailFrom: z.string().min(3).max(320).nullable(),
  /** OpenID Connect issuer (discovery at <issuer>/.well-known/openid-configuration); null: no single sign-on. */
  oidcIssuer: z.url({ protocol: /^https?$/ }).nullable(),
  oidcClientId: z.string().min(1).max(512).nullable(),
  oidcClientSecret: z.string().min(1).max(2048).nullable(),
  /** Label of the sign-in button, e.g. "University account". */
  oidcDisplayName: z.string().min(1).max(80),
  /** Email domains allowed to sign in through the provider; empty: any. */
  oidcAllowedDomains: z.array(z.string().toLowerCase().regex(hostnamePattern, 'a domain such as example.org')).max(50),
  /** Create an account on first sign-in through the provider (otherwise only existing accounts link). */
  oidcCreateAccounts: z.boolean(),
  /** "claim=value" (e.g. "groups=marginalia-admins"): who has it is instance admin; null: the provider grants nothing. */
  oidcAdminClaim: z
    .string()
    .regex(/^[A-Za-z0-9_.:/-]+=[^=]+$/, 'claim=value, e.g. groups=marginalia-admins')
    .nullable(),
  /** Sign in with email and password (turn off when everyone signs in through the provider). */
  passwordSignIn: z.boolean(),
});
export type InstanceSettingValues = z.infer<typeof InstanceSettingValuesSchema>;
export type InstanceSettingKey = keyof InstanceSettingValues;

export interface InstanceSettingDefinition {
  /** The environment variable that sets it (and then wins over the saved value). */
  env: string;
  /** Never sent back to the browser: the form only learns whether it is set. */
  secret: boolean;
  group: 'access' | 'sessions' | 'uploads' | 'email' | 'sso';
  label: string;
  /** How the environment variable's text reads: a list is comma-separated, a boolean true/false/1/0/yes/no. */
  kind: 'text' | 'integer' | 'boolean' | 'list';
}

export const INSTANCE_SETTINGS: { [K in InstanceSettingKey]: InstanceSettingDefinition } = {
  registration: { env: 'REGISTRATION', secret: false, group: 'access', label: 'Who may register', kind: 'text' },
  workspaceCreation: { env: 'WORKSPACE_CREATION', secret: false, group: 'access', label: 'Who may create workspaces', kind: 'text' },
  defaultMemberRole: { env: 'DEFAULT_MEMBER_ROLE', secret: false, group: 'access', label: 'Default role of new members', kind: 'text' },
  inviteTtlHours: { env: 'INVITE_TTL_HOURS', secret: false, group: 'access', label: 'Invite lifetime (hours)', kind: 'integer' },
  sessionIdleTimeoutMinutes: { env: 'SESSION_IDLE_TIMEOUT_MINUTES', secret: false, group: 'sessions', label: 'Idle session timeout (minutes)', kind: 'integer' },
  sessionAbsoluteTimeoutHours: { env: 'SESSION_ABSOLUTE_TIMEOUT_HOURS', secret: false, group: 'sessions', label: 'Session lifetime (hours)', kind: 'integer' },
  maxUploadMegabytes: { env: 'MAX_UPLOAD_MB', secret: false, group: 'uploads', label: 'Largest uploaded file (MiB)', kind: 'integer' },
  markdownRemoteImages: { env: 'MARKDOWN_REMOTE_IMAGES', secret: false, group: 'uploads', label: 'Show remote images in Markdown', kind: 'boolean' },
  smtpUrl: { env: 'SMTP_URL', secret: true, group: 'email', label: 'SMTP server URL', kind: 'text' },
  mailFrom: { env: 'MAIL_FROM', secret: false, group: 'email', label: 'Sender address', kind: 'text' },
  oidcIssuer: { env: 'OIDC_ISSUER', secret: false, group: 'sso', label: 'OpenID Connect issuer URL', kind: 'text' },
  oidcClientId: { env: 'OIDC_CLIENT_ID', secret: false, group: 'sso', label: 'Client id', kind: 'text' },
  oidcClientSecret: { env: 'OIDC_CLIENT_SECRET', secret: true, group: 'sso', label: 'Client secret', kind: 'text' },
  oidcDisplayName: { env: 'OIDC_DISPLAY_NAME', secret: false, group: 'sso', label: 'Sign-in button label', kind: 'text' },
  oidcAllowedDomains: { env: 'OIDC_ALLOWED_DOMAINS', secret: false, group: 'sso', label: 'Allowed email domains', kind: 'list' },
  oidcCreateAccounts: { env: 'OIDC_CREATE_ACCOUNTS', secret: false, group: 'sso', label: 'Create accounts on first sign-in', kind: 'boolean' },
  oidcAdminClaim: { env: 'OIDC_ADMIN_CLAIM', secret: false, group: 'sso', label: 'Claim that makes an instance admin', kind: 'text' },
  passwordSignIn: { env: 'PASSWORD_SIGN_IN', secret: false, group: 'sso', label: 'Password sign-in', kind: 'boolean' },
};

export const INSTANCE_SETTING_DEFAULTS: InstanceSettingValues = {
  registration: 'open',
  workspaceCreation: 'everyone',
  defaultMemberRole: 'editor',
  inviteTtlHours: 48,
  sessionIdleTimeoutMinutes: 60 * 24 * 7,
  sessionAbsoluteTimeoutHours: 24 * 30,
  maxUploadMegabytes: 20,
  markdownRemoteImages: false,
  smtpUrl: null,
  mailFrom: null,
  oidcIssuer: null,
  oidcClientId: null,
  oidcClientSecret: null,
  oidcDisplayName: 'Single sign-on',
  oidcAllowedDomains: [],
  oidcCreateAccounts: true,
  oidcAdminClaim: null,
  passwordSignIn: true,
};

export const InstanceSettingSourceSchema = z.enum(['environment', 'saved', 'default']);
export type InstanceSettingSource = z.infer<typeof InstanceSettingSourceSchema>;

/** One setting as the admin form shows it; a secret's value is replaced by whether it is set. */
export const AdminInstanceSettingSchema = z.object({
  key: z.string(),
  env: z.string(),
  group: z.string(),
  label: z.string(),
  secret: z.boolean(),
  source: InstanceSettingSourceSchema,
  /** null for secrets (see isSet). */
  value: z.unknown(),
  isSet: z.boolean(),
});
export type AdminInstanceSetting = z.infer<typeof AdminInstanceSettingSchema>;

export const AdminInstanceSettingsSchema = z.object({ settings: z.array(AdminInstanceSettingSchema) });
export type AdminInstanceSettings = z.infer<typeof AdminInstanceSettingsSchema>;

/** PATCH body: any subset; null clears a nullable setting; a locked (environment) key is refused. */
export const UpdateInstanceSettingsBodySchema = InstanceSettingValuesSchema.partial().strict();
export type UpdateInstanceSettingsBody = z.input<typeof UpdateInstanceSettingsBodySchema>;
