import type { Redis } from 'ioredis';
import type { SettingsSource } from '../config/load';
import { defaultSettings, Settings, type SettingsInput, type WorkspaceSettings } from '../config/settings';
import type { Outcome } from '../core/errors';
import type { SettingsStore } from '../core/ports';
import type { Keys } from './keys';

export interface SettingsChange {
  at: number;
  by: string;
  previous: SettingsInput | null;
  next: SettingsInput;
}

export interface RedisSettingsStore extends SettingsStore {
  /** The settings as written (durations as text), for export and history. */
  getInput(team: string): Promise<SettingsInput | undefined>;
  /** Validates, stores, records history and tells every process to reload. */
  set(team: string, input: unknown, by: string): Promise<Outcome<WorkspaceSettings>>;
  history(team: string, limit?: number): Promise<SettingsChange[]>;
  /** Called with the team id whenever any process changes a workspace's settings. */
  onChange(listener: (team: string) => void): void;
  /** Last settings read for a team, without touching Redis (the emergency path uses it when Redis is down). */
  cached(team: string): WorkspaceSettings | undefined;
  close(): Promise<void>;
}

const HISTORY_LIMIT = 100;

/**
 * Settings live in Redis per workspace. The settings file seeds a workspace that has none yet, or, when
 * authoritative, always wins (infrastructure-as-code). Reads are cached in process and dropped when any
 * process publishes a change, so every web and worker process follows without a restart.
 */
export function createSettingsStore(options: {
  redis: Redis;
  subscriber: Redis;
  keys: Keys;
  source?: SettingsSource;
  authoritative?: boolean;
}): RedisSettingsStore {
  const { redis, subscriber, keys, source, authoritative = false } = options;
  const cache = new Map<string, WorkspaceSettings>();
  const listeners: Array<(team: string) => void> = [];
  const channel = keys.settingsChanged();
  let subscribed: Promise<unknown> | undefined;

  function ensureSubscribed(): Promise<unknown> {
    subscribed ??= subscriber.subscribe(channel).then(() => {
      subscriber.on('message', (ch: string, team: string) => {
        if (ch !== channel) return;
        cache.delete(team);
        for (const listener of listeners) listener(team);
      });
    });
    return subscribed;
  }

  function fromFile(team: string): WorkspaceSettings | undefined {
    return source?.workspaces[team] ?? source?.fallback;
  }

  async function read(team: string): Promise<WorkspaceSettings> {
    if (authoritative) {
      const file = fromFile(team);
      if (file) return file;
    }
    const raw = await redis.get(keys.settings(team));
    if (raw) {
      const parsed = Settings.safeParse(JSON.parse(raw));
      // Stored settings were valid when written; a schema change that rejects them must not stop paging.
      if (parsed.success) return parsed.data;
    }
    return fromFile(team) ?? defaultSettings();
  }

  return {
    async get(team) {
      void ensureSubscribed();
      const hit = cache.get(team);
      if (hit) return hit;
      const settings = await read(team);
      cache.set(team, settings);
      return settings;
    },
    cached(team) {
      return cache.get(team) ?? fromFile(team);
    },
    async getInput(team) {
      const raw = await redis.get(keys.settings(team));
      return raw ? (JSON.parse(raw) as SettingsInput) : undefined;
    },
    async set(team, input, by) {
      const parsed = Settings.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          issues: parsed.error.issues.map((i) => ({ code: i.code, path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })),
        };
      }
      const previous = await this.getInput(team);
      const change: SettingsChange = { at: Date.now(), by, previous: previous ?? null, next: input as SettingsInput };
      await redis
        .multi()
        .set(keys.settings(team), JSON.stringify(input))
        .lpush(keys.settingsHistory(team), JSON.stringify(change))
        .ltrim(keys.settingsHistory(team), 0, HISTORY_LIMIT - 1)
        .publish(channel, team)
        .exec();
      cache.set(team, parsed.data);
      return { ok: true, value: parsed.data };
    },
    async history(team, limit = 20) {
      const raws = await redis.lrange(keys.settingsHistory(team), 0, limit - 1);
      return raws.map((raw) => JSON.parse(raw) as SettingsChange);
    },
    onChange(listener) {
      listeners.push(listener);
      void ensureSubscribed();
    },
    async close() {
      if (subscribed) await subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}
