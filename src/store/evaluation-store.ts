import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { incrementsFor, type EvaluationEvent, type WeekCounts, type WeekRef } from '../core/evaluation';
import type { Keys } from './keys';

/** Counts events. Never awaited on a hot path: callers fire and forget (see flows/evaluation/record.ts). */
export interface EvaluationRecorder {
  /**
   * Adds the events' counters for the week in `at`. Counts are summed in memory and written within
   * `flushMs`, one Redis command per workspace and week, whatever the number of events; the promise settles
   * (never rejects) once they are written. Recording nothing costs nothing.
   */
  record(team: string, at: WeekRef, events: readonly EvaluationEvent[]): Promise<void>;
  /** Writes what is pending now. Reads call it first, so a process always reads its own counts. */
  flush(): Promise<void>;
  /** Flushes and stops the timer (graceful shutdown). */
  close(): Promise<void>;
}

/** Counts as stored, read back for reports, App Home and the weekly chart. */
export interface EvaluationStore extends EvaluationRecorder {
  /** Workspace totals of each week, in the order asked; a week with nothing recorded reads as {}. */
  weeks(team: string, weeks: readonly string[]): Promise<WeekCounts[]>;
  /** A week's per-channel counters, as stored (`<channel>|<counter>`; channels over the cap under `_other`). */
  channelWeek(team: string, week: string): Promise<WeekCounts>;
  userWeek(team: string, week: string, user: string): Promise<WeekCounts>;
  /** People with the most FYI broadcasts that week, most first. */
  topPeople(team: string, week: string, limit: number): Promise<Array<{ user: string; count: number }>>;
  /** Removes a person's own counters and ranking entries (privacy erase); the workspace totals stay. */
  forgetUser(team: string, user: string): Promise<number>;
}

export interface EvaluationStoreOptions {
  /** How long counts are summed in memory before they are written (0: on the next turn of the event loop). */
  flushMs?: number;
  /** Per-channel fields a week may hold. */
  channelFieldCap?: number;
  /** Counts Redis did not take (it was down): they are dropped, not retried; the caller logs it. */
  onError?: (err: unknown, team: string) => void;
}

/** Per-channel fields a week may hold; later channels count under `_other`, so memory stays bounded. */
export const CHANNEL_FIELD_CAP = 400;
/** Counts lost in a crash are at most this old; under load, one write per workspace per interval. */
export const DEFAULT_FLUSH_MS = 500;

// One script per workspace and week: every pending counter, the channel cap, and the expiry of each key it
// touched. KEYS: 1 workspace hash, 2 channel hash, 3 people ranking, 4.. personal hashes. ARGV: 1 expiry,
// 2 personal expiry, 3 channel cap, then (scope, field, by) triples; a personal field is "<key index>|<counter>".
// EXPIREAT is absolute, so writing a week again never extends it.
const RECORD = `
local touched = {}
local cap = tonumber(ARGV[3])
for i = 4, #ARGV, 3 do
  local scope, field, by = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  if scope == 't' then
    redis.call('HINCRBY', KEYS[1], field, by); touched[1] = ARGV[1]
  elseif scope == 'c' then
    if redis.call('HEXISTS', KEYS[2], field) == 0 and redis.call('HLEN', KEYS[2]) >= cap then
      local bar = string.find(field, '|', 1, true)
      field = '_other' .. string.sub(field, bar)
    end
    redis.call('HINCRBY', KEYS[2], field, by); touched[2] = ARGV[1]
  elseif scope == 'p' then
    redis.call('ZINCRBY', KEYS[3], by, field); touched[3] = ARGV[2]
  elseif scope == 'u' then
    local bar = string.find(field, '|', 1, true)
    local index = tonumber(string.sub(field, 1, bar - 1))
    redis.call('HINCRBY', KEYS[index], string.sub(field, bar + 1), by); touched[index] = ARGV[2]
  end
end
for index, at in pairs(touched) do redis.call('EXPIREAT', KEYS[index], at) end
return 1
`;
const RECORD_SHA = createHash('sha1').update(RECORD).digest('hex');

/**
 * EVALSHA, and EVAL only when Redis does not know the script yet (first use, or after a restart): the script
 * is not re-sent per write. Not ioredis's defineCommand: a command defined while an auto-pipelined batch is
 * being gathered is missing from that batch's pipeline, and the whole batch fails.
 */
async function runRecord(redis: Redis, keyCount: number, args: Array<string | number>): Promise<void> {
  try {
    await redis.evalsha(RECORD_SHA, keyCount, ...args);
  } catch (err) {
    if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
    await redis.eval(RECORD, keyCount, ...args);
  }
}

/** Counters of one workspace and week waiting to be written. */
interface Pending {
  team: string;
  at: WeekRef;
  workspace: Map<string, number>;
  channel: Map<string, number>;
  people: Map<string, number>;
  users: Map<string, Map<string, number>>;
}

const add = (map: Map<string, number>, field: string, by: number) => map.set(field, (map.get(field) ?? 0) + by);

async function scan(redis: Redis, pattern: string, each: (keys: string[]) => Promise<void>): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (found.length) await each(found);
  } while (cursor !== '0');
}

function numbers(raw: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, value] of Object.entries(raw)) out[field] = Number(value);
  return out;
}

export function createEvaluationStore(redis: Redis, keys: Keys, options: EvaluationStoreOptions = {}): EvaluationStore {
  const cap = options.channelFieldCap ?? CHANNEL_FIELD_CAP;
  const flushMs = options.flushMs ?? DEFAULT_FLUSH_MS;
  let pending = new Map<string, Pending>();
  let waiting: { promise: Promise<void>; resolve: () => void } | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function write(p: Pending): Promise<void> {
    const userKeys = [...p.users.keys()];
    const args: Array<string | number> = [];
    for (const [field, by] of p.workspace) args.push('t', field, by);
    for (const [field, by] of p.channel) args.push('c', field, by);
    for (const [user, by] of p.people) args.push('p', user, by);
    userKeys.forEach((user, i) => {
      for (const [field, by] of p.users.get(user)!) args.push('u', `${4 + i}|${field}`, by);
    });
    const keyList = [keys.evalWeek(p.team, p.at.week), keys.evalChannels(p.team, p.at.week), keys.evalPeople(p.team, p.at.week), ...userKeys.map((u) => keys.evalUser(p.team, p.at.week, u))];
    try {
      await runRecord(redis, keyList.length, [...keyList, p.at.expireAt, p.at.personalExpireAt, cap, ...args]);
    } catch (err) {
      options.onError?.(err, p.team);
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const waiters = waiting;
    waiting = undefined;
    const batch = [...pending.values()];
    pending = new Map();
    // Auto-pipelined: every workspace and week of the batch goes in one round trip.
    const done = Promise.all(batch.map(write)).then(() => undefined);
    if (waiters) void done.then(waiters.resolve);
    return done;
  }

  function schedule(): Promise<void> {
    if (!waiting) {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      waiting = { promise, resolve };
      if (flushMs <= 0) setImmediate(() => void flush());
      else timer = setTimeout(() => void flush(), flushMs).unref();
    }
    return waiting.promise;
  }

  return {
    record(team, at, events) {
      if (events.length === 0) return Promise.resolve();
      const id = `${team}\u0000${at.week}`;
      let p = pending.get(id);
      if (!p) pending.set(id, (p = { team, at, workspace: new Map(), channel: new Map(), people: new Map(), users: new Map() }));
      for (const event of events) {
        const user = 'user' in event ? event.user : undefined;
        for (const inc of incrementsFor(event)) {
          if (inc.scope === 'team') add(p.workspace, inc.field, inc.by);
          else if (inc.scope === 'channel') add(p.channel, inc.field, inc.by);
          else if (inc.scope === 'people') add(p.people, inc.field, inc.by);
          else if (user) {
            let mine = p.users.get(user);
            if (!mine) p.users.set(user, (mine = new Map()));
            add(mine, inc.field, inc.by);
          }
        }
      }
      return schedule();
    },
    flush,
    async close() {
      await flush();
    },
    async weeks(team, weeks) {
      await flush();
      if (weeks.length === 0) return [];
      const replies = await Promise.all(weeks.map((week) => redis.hgetall(keys.evalWeek(team, week))));
      return replies.map(numbers);
    },
    async channelWeek(team, week) {
      await flush();
      return numbers(await redis.hgetall(keys.evalChannels(team, week)));
    },
    async userWeek(team, week, user) {
      await flush();
      return numbers(await redis.hgetall(keys.evalUser(team, week, user)));
    },
    async topPeople(team, week, limit) {
      await flush();
      const flat = await redis.zrange(keys.evalPeople(team, week), '0', String(limit - 1), 'REV', 'WITHSCORES');
      const out: Array<{ user: string; count: number }> = [];
      for (let i = 0; i + 1 < flat.length; i += 2) out.push({ user: flat[i]!, count: Number(flat[i + 1]) });
      return out;
    },
    async forgetUser(team, user) {
      await flush();
      let removed = 0;
      await scan(redis, keys.evalUser(team, '*', user), async (found) => void (removed += await redis.unlink(...found)));
      await scan(redis, keys.evalPeople(team, '*'), async (found) => {
        for (const key of found) removed += await redis.zrem(key, user);
      });
      return removed;
    },
  };
}

/** Records nothing and reads empty: for processes run with evaluation off (the benchmark's baseline). */
export const NO_EVALUATION: EvaluationStore = {
  record: async () => undefined,
  flush: async () => undefined,
  close: async () => undefined,
  weeks: async (_team, weeks) => weeks.map(() => ({})),
  channelWeek: async () => ({}),
  userWeek: async () => ({}),
  topPeople: async () => [],
  forgetUser: async () => 0,
};
