import type { Redis } from 'ioredis';
import type { SettingsSource } from '../config/load';
import { defaultSettings, Settings, type SettingsInput, type WorkspaceSettings } from '../config/settings';
import type { Issue, Outcome } from '../core/errors';
import type { SettingsStore } from '../core/ports';
import { diffSettings, formatKeyPath } from '../core/settings-diff';
import { settingsToInput } from '../core/settings-input';
import type { Keys } from './keys';

/** Why a change was made; shown in `/quadrant history`. */
export type SettingsChangeKind = 'set' | 'setup' | 'channel' | 'oncall' | 'import' | 'rollback';

export interface SettingsChange {
  /** 1, 2, 3... per workspace; stable, so a Roll back button always means the change it was shown with. */
  id: number;
  at: number;
  by: string;
  kind: SettingsChangeKind;
  /** For a rollback: the change whose previous settings were restored. */
  reverts?: number;
  /** Key paths whose effective value changed ("emergency.tiers[0][0].phone"). */
  changed: string[];
  /** What was stored before; null when the workspace ran on QUADRANT_CONFIG or the defaults. */
  previous: SettingsInput | null;
  /** What is stored now; null when a rollback returned the workspace to QUADRANT_CONFIG or the defaults. */
  next: SettingsInput | null;
}

export type SettingsUpdate = Outcome<{ settings: WorkspaceSettings; change?: SettingsChange }>;

export interface ChangeOptions {
  kind?: SettingsChangeKind;
  reverts?: number;
}

export interface RedisSettingsStore extends SettingsStore {
  /** The settings as stored (durations as text), or undefined when the workspace has none of its own. */
  getInput(team: string): Promise<SettingsInput | undefined>;
  /** What an edit starts from: the stored settings, else the file's or the defaults, in input form. */
  getEditable(team: string): Promise<SettingsInput>;
  /** Validates, stores, records history and tells every process to reload. */
  set(team: string, input: unknown, by: string, options?: ChangeOptions): Promise<Outcome<WorkspaceSettings>>;
  /**
   * Applies `edit` to the settings as stored at that moment; if another process changes them meanwhile,
   * re-reads and applies it again, so neither change is lost. `null` from `edit` removes the workspace's
   * own settings (it follows the file or the defaults again). An edit that changes nothing records nothing.
   */
  update(team: string, edit: (current: SettingsInput) => unknown, by: string, options?: ChangeOptions): Promise<SettingsUpdate>;
  /** Restores the settings as they were before change `changeId` (later changes are undone too). */
  rollback(team: string, changeId: number, by: string): Promise<SettingsUpdate>;
  /** Newest first. */
  history(team: string, limit?: number): Promise<SettingsChange[]>;
  /** True when QUADRANT_CONFIG_AUTHORITATIVE is set and the file covers this workspace: changes are refused. */
  isAuthoritative(team: string): boolean;
  /** Called with the team id whenever any process changes a workspace's settings, after this process reloaded them. */
  onChange(listener: (team: string) => unknown): void;
  /** Resolves once this process hears changes made by others (tests wait on it). */
  ready(): Promise<void>;
  /** Last settings read for a team, without touching Redis (the emergency path uses it when Redis is down). */
  cached(team: string): WorkspaceSettings | undefined;
  close(): Promise<void>;
}

const HISTORY_LIMIT = 100;
const MAX_ATTEMPTS = 10;
export const AUTHORITATIVE_ISSUE = 'settings_file_authoritative';

// Compare-and-set: store only if nothing changed since we read, then number the change, record it and tell
// every process. One script, so the history's `previous` is always what was really replaced.
const COMMIT = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return -1 end
local id = redis.call('INCR', KEYS[3])
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
redis.call('LPUSH', KEYS[2], '{"id":' .. id .. ',' .. string.sub(ARGV[3], 2))
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
redis.call('SADD', KEYS[4], ARGV[6])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return id
`;

/**
 * Settings live in Redis per workspace. The settings file seeds a workspace that has none yet (its settings
 * are in effect, and the first change stores them together with the edit), or, when authoritative, always
 * wins and changes through Slack are refused (infrastructure-as-code). Reads are cached in process; every
 * change is published, and each process reloads and tells its listeners, so web and worker processes follow
 * without a restart.
 */
export function createSettingsStore(options: {
  redis: Redis;
  subscriber: Redis;
  keys: Keys;
  source?: SettingsSource;
  authoritative?: boolean;
  now?: () => number;
  onListenerError?: (err: unknown, team: string) => void;
}): RedisSettingsStore {
  const { redis, subscriber, keys, source, authoritative = false, now = Date.now, onListenerError } = options;
  const cache = new Map<string, WorkspaceSettings>();
  // Entries in `cache` that no change has been published for since they were read.
  const fresh = new Set<string>();
  // Bumped on every published change, so a read that started before it never lands in the cache as fresh.
  const generation = new Map<string, number>();
  const listeners: Array<(team: string) => unknown> = [];
  const channel = keys.settingsChanged();
  let subscribed: Promise<void> | undefined;
  // Only while subscribed can a cached read be trusted; otherwise every get() asks Redis (and `cached()` keeps
  // the last answer for the emergency path).
  let live = false;
  let resubscribes = false;

  function invalidate(team: string): void {
    generation.set(team, (generation.get(team) ?? 0) + 1);
    fresh.delete(team);
  }

  function ensureSubscribed(): Promise<void> {
    subscribed ??= (async () => {
      subscriber.on('message', (ch: string, team: string) => {
        if (ch === channel) void reloaded(team);
      });
      // Messages published while the connection was down are lost: after a reconnect nothing cached is trusted.
      subscriber.on('close', () => {
        live = false;
      });
      subscriber.on('ready', () => {
        if (!resubscribes) return;
        for (const team of [...fresh]) invalidate(team);
        live = true;
      });
      await subscriber.subscribe(channel);
      // From here on ioredis re-subscribes by itself after every reconnect.
      resubscribes = true;
      live = true;
    })();
    return subscribed;
  }

  async function reloaded(team: string): Promise<void> {
    invalidate(team);
    await load(team).catch(() => undefined);
    for (const listener of listeners) {
      try {
        await listener(team);
      } catch (err) {
        onListenerError?.(err, team);
      }
    }
  }

  function fromFile(team: string): WorkspaceSettings | undefined {
    return source?.workspaces[team] ?? source?.fallback;
  }

  function isAuthoritative(team: string): boolean {
    return authoritative && fromFile(team) !== undefined;
  }

  function parseStored(raw: string | null): WorkspaceSettings | undefined {
    if (!raw) return undefined;
    return parseTolerantly(JSON.parse(raw));
  }

  async function read(team: string): Promise<WorkspaceSettings> {
    if (isAuthoritative(team)) return fromFile(team)!;
    return parseStored(await redis.get(keys.settings(team))) ?? fromFile(team) ?? defaultSettings();
  }

  async function load(team: string): Promise<WorkspaceSettings> {
    const before = generation.get(team) ?? 0;
    const settings = await read(team);
    cache.set(team, settings);
    if (live && (generation.get(team) ?? 0) === before) fresh.add(team);
    return settings;
  }

  /** Both sides of a diff in one normal form, so "5m" against "300s" or an omitted default is no change. */
  function normalized(raw: unknown, team: string): unknown {
    if (raw === null || raw === undefined) return settingsToInput(fromFile(team) ?? defaultSettings());
    const parsed = Settings.safeParse(raw);
    return parsed.success ? settingsToInput(parsed.data) : raw;
  }

  async function commit(team: string, edit: (current: SettingsInput) => unknown, by: string, change: ChangeOptions): Promise<SettingsUpdate> {
    if (isAuthoritative(team)) {
      return { ok: false, issues: [{ code: AUTHORITATIVE_ISSUE, path: [], message: 'settings are managed in the QUADRANT_CONFIG file (QUADRANT_CONFIG_AUTHORITATIVE is set); change the file instead' }] };
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const currentRaw = await redis.get(keys.settings(team));
      const previous = currentRaw ? (JSON.parse(currentRaw) as SettingsInput) : null;
      const next = edit(previous ?? settingsToInput(fromFile(team) ?? defaultSettings()));
      let settings: WorkspaceSettings;
      if (next === null) {
        settings = fromFile(team) ?? defaultSettings();
      } else {
        const parsed = Settings.safeParse(next);
        if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error.issues) };
        settings = parsed.data;
      }
      const changed = diffSettings(normalized(previous, team), normalized(next, team)).map((d) => formatKeyPath(d.path));
      if (changed.length === 0 && (next === null) === (previous === null)) return { ok: true, value: { settings } };
      const record: Omit<SettingsChange, 'id'> = { at: now(), by, kind: change.kind ?? 'set', ...(change.reverts ? { reverts: change.reverts } : {}), changed, previous, next: next as SettingsInput | null };
      const id = (await redis.eval(
        COMMIT,
        4,
        keys.settings(team),
        keys.settingsHistory(team),
        keys.settingsSeq(team),
        keys.teams(),
        currentRaw ?? '',
        next === null ? '' : JSON.stringify(next),
        JSON.stringify(record),
        String(HISTORY_LIMIT),
        channel,
        team,
      )) as number;
      if (id === -1) continue;
      invalidate(team);
      cache.set(team, settings);
      return { ok: true, value: { settings, change: { id, ...record } } };
    }
    return { ok: false, issues: [{ code: 'settings_busy', path: [], message: 'the settings kept changing while this change was being saved; try again' }] };
  }

  async function history(team: string, limit = 20): Promise<SettingsChange[]> {
    const raws = await redis.lrange(keys.settingsHistory(team), 0, limit - 1);
    return raws.map((raw) => JSON.parse(raw) as SettingsChange);
  }

  return {
    async get(team) {
      void ensureSubscribed().catch(() => undefined);
      if (live && fresh.has(team)) return cache.get(team)!;
      return load(team);
    },
    cached(team) {
      return cache.get(team) ?? fromFile(team);
    },
    async getInput(team) {
      const raw = await redis.get(keys.settings(team));
      return raw ? (JSON.parse(raw) as SettingsInput) : undefined;
    },
    async getEditable(team) {
      return (await this.getInput(team)) ?? settingsToInput(fromFile(team) ?? defaultSettings());
    },
    async set(team, input, by, options = {}) {
      const outcome = await commit(team, () => input, by, options);
      return outcome.ok ? { ok: true, value: outcome.value.settings } : outcome;
    },
    update: (team, edit, by, options = {}) => commit(team, edit, by, options),
    async rollback(team, changeId, by) {
      const target = (await history(team, HISTORY_LIMIT)).find((c) => c.id === changeId);
      if (!target) return { ok: false, issues: [{ code: 'change_not_found', path: [], message: `change #${changeId} is not among the last ${HISTORY_LIMIT} changes` }] };
      return commit(team, () => target.previous, by, { kind: 'rollback', reverts: changeId });
    },
    history,
    isAuthoritative,
    onChange(listener) {
      listeners.push(listener);
      void ensureSubscribed().catch(() => undefined);
    },
    ready: () => ensureSubscribed(),
    async close() {
      if (subscribed) await subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}

function zodIssues(issues: ReadonlyArray<{ code: string; path: PropertyKey[]; message: string; keys?: string[] }>): Issue[] {
  return issues.map((i) => ({
    code: i.code,
    path: [...i.path.filter((p): p is string | number => typeof p !== 'symbol'), ...(i.code === 'unrecognized_keys' && i.keys?.[0] ? [i.keys[0]] : [])],
    message: i.code === 'unrecognized_keys' && i.keys ? `unknown key${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` : i.message,
  }));
}

const REPAIR_ROUNDS = 5;

/**
 * Stored settings were valid when written, but a later, stricter schema (a default_digest must now have a
 * digest) may reject them. Falling back to the defaults would drop the workspace's emergency tiers, so the
 * keys a rule rejects are dropped instead, one rejected key at a time, and the rest is kept.
 */
function parseTolerantly(value: unknown): WorkspaceSettings | undefined {
  let candidate = value;
  for (let round = 0; round <= REPAIR_ROUNDS; round++) {
    const parsed = Settings.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const path = parsed.error.issues[0]?.path ?? [];
    if (path.length === 0) return undefined;
    candidate = withoutKey(candidate, path);
  }
  return undefined;
}

function withoutKey(value: unknown, path: readonly PropertyKey[]): unknown {
  const copy = structuredClone(value) as Record<PropertyKey, unknown>;
  let parent: Record<PropertyKey, unknown> | undefined = copy;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<PropertyKey, unknown> | undefined;
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent && typeof parent === 'object') delete parent[last];
  return copy;
}
