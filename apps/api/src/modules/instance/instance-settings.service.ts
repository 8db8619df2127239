/**
 * The instance settings in force: environment variable, else saved value, else default.
 * Every process keeps the saved values for at most FRESH_FOR_MS, so a change made on one
 * node reaches the others within that time (and the node that made it at once).
 */
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  INSTANCE_SETTING_DEFAULTS,
  INSTANCE_SETTINGS,
  InstanceSettingValuesSchema,
  type AdminInstanceSetting,
  type InstanceSettingKey,
  type InstanceSettingSource,
  type InstanceSettingValues,
  type UpdateInstanceSettingsBody,
} from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { InstanceAuditService } from '../audit/instance-audit.service.js';
import { InstanceSettingRecord } from './instance-setting.entity.js';

export const SETTINGS_FRESH_FOR_MS = 2_000;

const KEYS = Object.keys(INSTANCE_SETTINGS) as InstanceSettingKey[];

interface Loaded {
  values: InstanceSettingValues;
  sources: Record<InstanceSettingKey, InstanceSettingSource>;
  loadedAt: number;
}

@Injectable()
export class InstanceSettingsService {
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: InstanceAuditService,
  ) {}

  /** The settings in force now. */
  async current(): Promise<InstanceSettingValues> {
    return (await this.fresh()).values;
  }

  async get<K extends InstanceSettingKey>(key: K): Promise<InstanceSettingValues[K]> {
    return (await this.current())[key];
  }

  /**
   * The last settings read, without waiting (for synchronous paths such as response
   * headers); starts a refresh when they are stale. Before the first read: environment and defaults.
   */
  peek(): InstanceSettingValues {
    if (!this.loaded || Date.now() - this.loaded.loadedAt > SETTINGS_FRESH_FOR_MS) void this.fresh().catch(() => undefined);
    return this.loaded?.values ?? { ...INSTANCE_SETTING_DEFAULTS, ...this.config.instanceSettings };
  }

  /** The environment variable that fixes this setting, if any. */
  lockedBy(key: InstanceSettingKey): string | null {
    return this.config.instanceSettings[key] === undefined ? null : INSTANCE_SETTINGS[key].env;
  }

  async adminView(): Promise<AdminInstanceSetting[]> {
    const { values, sources } = await this.fresh();
    return KEYS.map((key) => {
      const definition = INSTANCE_SETTINGS[key];
      const value = values[key];
      return {
        key,
        env: definition.env,
        group: definition.group,
        label: definition.label,
        secret: definition.secret,
        source: sources[key],
        value: definition.secret ? null : value,
        isSet: value !== null && !(Array.isArray(value) && value.length === 0),
      };
    });
  }

  /**
   * Saves some settings at once, all or none. A setting fixed by the environment is refused
   * (409, naming the variable) and nothing is saved. `null` on a nullable setting clears it.
   */
  async update(actorId: string, patch: UpdateInstanceSettingsBody, ip: string | null): Promise<AdminInstanceSetting[]> {
    const keys = Object.keys(patch) as InstanceSettingKey[];
    const locked = keys.map((key) => this.lockedBy(key)).filter((env): env is string => env !== null);
    if (locked.length > 0) {
      throw new ConflictException(`set by the environment (${locked.join(', ')}): change it there and restart, or unset it to manage it here`);
    }
    const parsed = InstanceSettingValuesSchema.partial().strict().parse(patch);
    await this.dataSource.transaction(async (manager) => {
      for (const key of keys) {
        // jsonb null would read back as SQL NULL through the driver: a cleared setting is a deleted row.
        if (parsed[key] === null) await manager.delete(InstanceSettingRecord, { key });
        else await manager.upsert(InstanceSettingRecord, { key, value: parsed[key] as never, updatedBy: actorId }, ['key']);
      }
      const shown = Object.fromEntries(keys.map((key) => [key, INSTANCE_SETTINGS[key].secret ? (parsed[key] === null ? null : '(changed)') : parsed[key]]));
      await this.audit.record({ actorId, action: 'settings.changed', subject: { type: 'settings', label: keys.join(', ') }, details: { changed: shown }, ip }, manager);
    });
    this.loaded = null;
    return await this.adminView();
  }

  private async fresh(): Promise<Loaded> {
    if (this.loaded && Date.now() - this.loaded.loadedAt <= SETTINGS_FRESH_FOR_MS) return this.loaded;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return await this.loading;
  }

  private async load(): Promise<Loaded> {
    const rows = await this.dataSource.getRepository(InstanceSettingRecord).find();
    const saved = new Map(rows.map((row) => [row.key, row.value]));
    const values = { ...INSTANCE_SETTING_DEFAULTS } as Record<InstanceSettingKey, unknown>;
    const sources = {} as Record<InstanceSettingKey, InstanceSettingSource>;
    for (const key of KEYS) {
      const fromEnvironment = this.config.instanceSettings[key];
      const stored = saved.has(key) ? InstanceSettingValuesSchema.shape[key].safeParse(saved.get(key)) : null;
      if (fromEnvironment !== undefined) {
        values[key] = fromEnvironment;
        sources[key] = 'environment';
      } else if (stored?.success) {
        values[key] = stored.data;
        sources[key] = 'saved';
      } else {
        // A saved value that no longer validates (a setting's rules tightened since) counts as unset.
        sources[key] = 'default';
      }
    }
    this.loaded = { values: values as InstanceSettingValues, sources, loadedAt: Date.now() };
    return this.loaded;
  }
}
