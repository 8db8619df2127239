/**
 * Reads the instance settings that are set by environment variables. Those win over saved
 * values, and the admin form shows them locked; a bad value stops the server at boot, naming
 * the variable, like every other configuration error.
 */
import { INSTANCE_SETTINGS, InstanceSettingValuesSchema, type InstanceSettingKey, type InstanceSettingValues } from '@marginalia/shared';

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

function readText(kind: (typeof INSTANCE_SETTINGS)[InstanceSettingKey]['kind'], raw: string): unknown {
  switch (kind) {
    case 'integer':
      return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    case 'boolean':
      if (TRUE.has(raw.trim().toLowerCase())) return true;
      if (FALSE.has(raw.trim().toLowerCase())) return false;
      return raw;
    case 'list':
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'text':
      return raw;
  }
}

export interface EnvironmentSettings {
  values: Partial<InstanceSettingValues>;
  problems: string[];
}

export function settingsFromEnvironment(env: Record<string, string | undefined>): EnvironmentSettings {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, definition] of Object.entries(INSTANCE_SETTINGS) as [InstanceSettingKey, (typeof INSTANCE_SETTINGS)[InstanceSettingKey]][]) {
    const raw = env[definition.env];
    if (raw === undefined || raw === '') continue;
    const parsed = InstanceSettingValuesSchema.shape[key].safeParse(readText(definition.kind, raw));
    if (parsed.success) values[key] = parsed.data;
    else problems.push(`  ${definition.env}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return { values: values as Partial<InstanceSettingValues>, problems };
}
