import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { incrementsFor, type EvaluationEvent, type WeekCounts, type WeekRef } from '../core/evaluation';
import type { Keys } from './keys';

/** Counts events. Never awaited on a hot path: callers fire and forget (see flows/evaluation/record.ts). */
export interface EvaluationRecorder {
  /** Adds every event's counters for the week in `at`, in one Redis round trip. Recording nothing costs nothing. */
  record(team: string, at: WeekRef, events: readonly EvaluationEvent[]): Promise<void>;
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

/** Per-channel fields a week may hold; later channels count under `_other`, so memory stays bounded. */
export const CHANNEL_FIELD_CAP = 400;

// One script per record() call: every counter of every event, the channel cap, and the expiry of each key it
// touched, in a single round trip. EXPIREAT is absolute, so writing a week again never extends it.
const RECORD = `
local touched = {false, false, false, false}
local cap = tonumber(ARGV[3])
for i = 4, #ARGV, 3 do
  local scope, field, by = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  if scope == 't' then
    redis.call('HINCRBY', KEYS[1], field, by); touched[1] = true
  elseif scope == 'c' then
    if redis.call('HEXISTS', KEYS[2], field) == 0 and redis.call('HLEN', KEYS[2]) >= cap then
      local bar = string.find(field, '|', 1, true)
      field = '_other' .. string.sub(field, bar)
    end
    redis.call('HINCRBY', KEYS[2], field, by); touched[2] = true
  elseif scope == 'u' then
    redis.call('HINCRBY', KEYS[3], field, by); touched[3] = true
  elseif scope == 'p' then
    redis.call('ZINCRBY', KEYS[4], by, field); touched[4] = true
  end
end
if touched[1] then redis.call('EXPIREAT', KEYS[1], ARGV[1]) end
if touched[2] then redis.call('EXPIREAT', KEYS[2], ARGV[1]) end
if touched[3] then redis.call('EXPIREAT', KEYS[3], ARGV[2]) end
if touched[4] then redis.call('EXPIREAT', KEYS[4], ARGV[2]) end
return 1
`;

const SCOPE_CODE = { team: 't', channel: 'c', user: 'u', people: 'p' } as const;
const RECORD_SHA = createHash('sha1').update(RECORD).digest('hex');

/**
 * EVALSHA, and EVAL only when Redis does not know the script yet (first use, or after a restart): the script
 * is not re-sent per event. Not ioredis's defineCommand: a command defined while an auto-pipelined batch is
 * being gathered is missing from that batch's pipeline, and the whole batch fails.
 */
async function runRecord(redis: Redis, args: Array<string | number>): Promise<void> {
  try {
    await redis.evalsha(RECORD_SHA, 4, ...args);
  } catch (err) {
    if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
    await redis.eval(RECORD, 4, ...args);
  }
}

function numbers(raw: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, value] of Object.entries(raw)) out[field] = Number(value);
  return out;
}

export function createEvaluationStore(redis: Redis, keys: Keys, options: { channelFieldCap?: number } = {}): EvaluationStore {
  const cap = options.channelFieldCap ?? CHANNEL_FIELD_CAP;

  return {
    async record(team, at, events) {
      const args: Array<string | number> = [];
      // Several events of one person in one call land in one user key; they always share it (same team, week).
      let user = '_';
      for (const event of events) {
        if ('user' in event) user = event.user;
        for (const inc of incrementsFor(event)) args.push(SCOPE_CODE[inc.scope], inc.field, inc.by);
      }
      if (args.length === 0) return;
      await runRecord(redis, [
        keys.evalWeek(team, at.week),
        keys.evalChannels(team, at.week),
        keys.evalUser(team, at.week, user),
        keys.evalPeople(team, at.week),
        at.expireAt,
        at.personalExpireAt,
        cap,
        ...args,
      ]);
    },
    async weeks(team, weeks) {
      if (weeks.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const week of weeks) pipeline.hgetall(keys.evalWeek(team, week));
      const replies = (await pipeline.exec()) ?? [];
      return replies.map(([err, raw]) => {
        if (err) throw err;
        return numbers(raw as Record<string, string>);
      });
    },
    async channelWeek(team, week) {
      return numbers(await redis.hgetall(keys.evalChannels(team, week)));
    },
    async userWeek(team, week, user) {
      return numbers(await redis.hgetall(keys.evalUser(team, week, user)));
    },
    async topPeople(team, week, limit) {
      const flat = await redis.zrange(keys.evalPeople(team, week), '0', String(limit - 1), 'REV', 'WITHSCORES');
      const out: Array<{ user: string; count: number }> = [];
      for (let i = 0; i + 1 < flat.length; i += 2) out.push({ user: flat[i]!, count: Number(flat[i + 1]) });
      return out;
    },
    async forgetUser(team, user) {
      let removed = 0;
      for (const [pattern, each] of [
        [keys.evalUser(team, '*', user), async (found: string[]) => (removed += await redis.unlink(...found))],
        [keys.evalPeople(team, '*'), async (found: string[]) => {
          for (const key of found) removed += await redis.zrem(key, user);
        }],
      ] as const) {
        let cursor = '0';
        do {
          const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
          cursor = next;
          if (found.length) await each(found);
        } while (cursor !== '0');
      }
      return removed;
    },
  };
}
