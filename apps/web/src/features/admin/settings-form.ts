/**
 * How the instance settings form shows and reads each setting, derived from INSTANCE_SETTINGS
 * (kind) and the shared value schema (which also validates each field before saving).
 */
import { INSTANCE_SETTINGS, InstanceSettingValuesSchema, type AdminInstanceSetting, type InstanceSettingKey } from '@marginalia/shared';

export const GROUPS = [
  { key: 'access', title: 'Access', description: 'Who may join this server and create workspaces.' },
  { key: 'sessions', title: 'Sessions', description: 'How long people stay signed in.' },
  { key: 'uploads', title: 'Uploads and content', description: 'Imports and what Markdown may show.' },
  { key: 'email', title: 'Email', description: 'Without an SMTP server, invite and reset links are handed over by hand.' },
  { key: 'sso', title: 'Single sign-on', description: 'Sign-in through an OpenID Connect provider.' },
] as const;

/** Settings chosen from a list, with words for each value. */
export const CHOICES: Partial<Record<InstanceSettingKey, { value: string; label: string }[]>> = {
  registration: [
    { value: 'open', label: 'Anyone may create an account' },
    { value: 'invite-only', label: 'Only people with an invitation' },
    { value: 'closed', label: 'Nobody (administrators create accounts)' },
  ],
  workspaceCreation: [
    { value: 'everyone', label: 'Everyone with an account' },
    { value: 'admins', label: 'Instance administrators only' },
  ],
  defaultMemberRole: [
    { value: 'admin', label: 'Admin' },
    { value: 'editor', label: 'Editor' },
    { value: 'commenter', label: 'Commenter' },
    { value: 'viewer', label: 'Viewer' },
  ],
};

/** The text an input shows for a setting's value. */
export function toInputText(setting: AdminInstanceSetting): string {
  const value = setting.value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Reads an input's text back as the setting's value, or an error message for the field. */
export function fromInputText(key: InstanceSettingKey, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const kind = INSTANCE_SETTINGS[key].kind;
  const trimmed = text.trim();
  let value: unknown;
  if (kind === 'integer') value = trimmed === '' ? Number.NaN : Number(trimmed);
  else if (kind === 'list')
    value = trimmed
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  else if (kind === 'boolean') value = text === 'true';
  else value = trimmed === '' && InstanceSettingValuesSchema.shape[key].safeParse(null).success ? null : trimmed;
  const parsed = InstanceSettingValuesSchema.shape[key].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join('; ') };
}
