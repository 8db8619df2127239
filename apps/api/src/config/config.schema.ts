/**
 * Environment configuration, validated once at boot. A bad value stops the server with a
 * message naming the variable, rather than failing later in some unrelated place.
 */
import { COLLAB_DEFAULT_LIMITS, type InstanceSettingValues } from '@marginalia/shared';
import { settingsFromEnvironment } from '../modules/instance/settings-from-environment.js';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number().int().positive();

/**
 * The process's configuration. Instance settings an admin can also change in the UI
 * (registration, session lifetimes, email, single sign-on... see INSTANCE_SETTINGS in
 * packages/shared) are read apart, into `instanceSettings`: those set here win over saved ones.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: an embedded Postgres is started with its data under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Shared state for several API processes (socket fan-out); optional on one node. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * Starts every Redis channel and key of this deployment (`<prefix>:collab`, `<prefix>:socket.io*`).
   * Pub/sub ignores the database index, so deployments or test runs sharing one Redis need their own.
   */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'letters, digits and _ . : - only, at most 64').default('marginalia'),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Public origin of the web client, used for invite links and the Origin check. */
  PUBLIC_URL: z.url().optional(),
  /** Serve the built web client from the API (production mode); path to its dist folder. */
  WEB_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json, or pretty (readable lines); unset: pretty when stdout is a terminal, else json. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** This email becomes instance admin on registration (otherwise: the first account). */
  ADMIN_EMAIL: z.email().optional(),
  SEED_DEMO: booleanFromEnv.default(true),
  COOKIE_SECURE: booleanFromEnv.optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  REGISTRATION_MAX_PER_IP: positiveInt.default(20),
  REGISTRATION_THROTTLE_WINDOW_MINUTES: positiveInt.default(60),
  /** Email outbox: how often each process looks for due messages, the first retry delay (doubling each time), and attempts before a message is marked failed. */
  EMAIL_OUTBOX_POLL_MS: positiveInt.default(5_000),
  EMAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0).default(30),
  EMAIL_MAX_ATTEMPTS: positiveInt.default(8),
  /** Mentions of one person within this many seconds go out as one email. */
  MENTION_EMAIL_BATCH_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Forgotten-password emails per client IP and per account, per hour. */
  FORGOT_PASSWORD_MAX_PER_IP: positiveInt.default(10),
  FORGOT_PASSWORD_MAX_PER_ACCOUNT: positiveInt.default(3),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(10),
  LOGIN_MAX_FAILURES_PER_IP: positiveInt.default(50),
  LOGIN_THROTTLE_WINDOW_MINUTES: positiveInt.default(15),
  /** argon2 hashes run at most this many at a time; more wait in a bounded queue. */
  PASSWORD_HASH_CONCURRENCY: positiveInt.default(4),
  PASSWORD_HASH_QUEUE: positiveInt.default(64),
  // Real-time collaboration limits (defaults in COLLAB_DEFAULT_LIMITS, packages/shared).
  COLLAB_MAX_FRAME_BYTES: positiveInt.default(COLLAB_DEFAULT_LIMITS.maxFrameBytes),
  COLLAB_MAX_AWARENESS_STATE_BYTES: positiveInt.default(COLLAB_DEFAULT_LIMITS.maxAwarenessStateBytes),
  COLLAB_MAX_DOCUMENTS_PER_SOCKET: positiveInt.default(COLLAB_DEFAULT_LIMITS.maxDocumentsPerSocket),
  COLLAB_UPDATES_PER_SECOND: positiveInt.default(COLLAB_DEFAULT_LIMITS.updatesPerSecond),
  COLLAB_UPDATE_BURST: positiveInt.default(COLLAB_DEFAULT_LIMITS.updateBurst),
  COLLAB_AWARENESS_PER_SECOND: positiveInt.default(COLLAB_DEFAULT_LIMITS.awarenessPerSecond),
  COLLAB_AWARENESS_BURST: positiveInt.default(COLLAB_DEFAULT_LIMITS.awarenessBurst),
  COLLAB_APPLY_DEADLINE_MS: positiveInt.default(COLLAB_DEFAULT_LIMITS.applyDeadlineMs),
  COLLAB_MAX_DOCUMENT_BYTES: positiveInt.default(COLLAB_DEFAULT_LIMITS.maxDocumentBytes),
  COLLAB_MAX_SOCKETS_PER_USER: positiveInt.default(COLLAB_DEFAULT_LIMITS.maxSocketsPerUser),
  COLLAB_OFF_THREAD_ENCODE_BYTES: positiveInt.default(COLLAB_DEFAULT_LIMITS.offThreadEncodeBytes),
  /** Stored updates of one document after which it is compacted into a snapshot. */
  COLLAB_COMPACT_AFTER_UPDATES: positiveInt.default(2000),
  /** Compactions of one document start at least this far apart (under a flood of writes each would re-read the log). */
  COLLAB_COMPACT_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(2000),
  /** A document nobody has open stays in memory this long before it is unloaded. */
  COLLAB_UNLOAD_AFTER_MS: positiveInt.default(30_000),
  /** Sockets re-check their credentials this often (a logged-out session or disabled account is dropped). */
  COLLAB_REAUTHENTICATE_SECONDS: positiveInt.default(30),
  /** One uploaded file is read (parsed, titled, segmented) in a worker thread for at most this long, with at most this much heap. */
  IMPORT_READ_DEADLINE_MS: positiveInt.default(30_000),
  IMPORT_READ_MAX_HEAP_MB: positiveInt.default(512),
  /** A finished background export (its file under DATA_DIR/exports) is kept this long, then deleted. */
  EXPORT_JOB_TTL_HOURS: positiveInt.default(24),
  /** Extra browser origins allowed to open sockets, comma-separated (the app's own origin always is). */
  COLLAB_ALLOWED_ORIGINS: z.string().optional(),
});

export type AppConfig = z.infer<typeof ConfigSchema> & {
  /** Instance settings fixed by environment variables (REGISTRATION, SMTP_URL, OIDC_ISSUER...). */
  instanceSettings: Partial<InstanceSettingValues>;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset, which is what a copied .env.example means.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  const settings = settingsFromEnvironment(cleaned);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)), ...settings.problems];
  if (!parsed.success || problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return { ...parsed.data, instanceSettings: settings.values };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
