import type { Redis } from 'ioredis';
import type { Item } from '../core/item';
import type { Priority } from '../core/priority';
import type { Keys } from './keys';

/**
 * Digest state in Redis: one record per (team, channel, digestId) holding the plan (which items go in which
 * reply, fixed when the items are claimed) and the progress (the ts of every message posted so far), plus
 * the per-channel poster lock and the schedule registry.
 *
 * Exactly-once rests on three writes:
 * - `plan` claims every listed item atomically (its `posted` names the digest), so no other digest lists it;
 * - `markInflight` notes a slot before its message is sent, so a crash between Slack accepting the message and
 *   `recordPosted` is noticed and reconciled against Slack instead of posting again;
 * - `recordPosted` stores the slot's ts (and the reply ts on its items) after each message.
 */

export type DigestReason = 'scheduled' | 'catch_up' | 'now';

export interface PlannedReply {
  priority: Priority;
  /** 1-based positions of the first and last item among all listed items. */
  first: number;
  last: number;
  ids: string[];
}

export interface DigestPlan {
  digestId: string;
  channel: string;
  reason: DigestReason;
  /** The digest's moment: ages, the day in the heading and snoozes are read at this instant. */
  at: number;
  timezone: string;
  replies: PlannedReply[];
  /** Open items posted in earlier digests: counted and linked from the parent, never posted again. */
  carried: string[];
  /** Open items left out because they were snoozed at `at`. */
  snoozed: number;
  /** Author display names by user id, resolved once when planning. */
  names: Record<string, string>;
}

/** 'parent' or 'r<index>' */
export type Slot = string;
export const PARENT_SLOT: Slot = 'parent';
export const replySlot = (index: number): Slot => `r${index}`;
/** Recorded for a reply whose items all disappeared before it was posted: nothing to show, nothing posted. */
export const NOTHING_POSTED = '-';

export interface DigestRecord {
  plan?: DigestPlan;
  state?: 'done' | 'skipped';
  /** ts by slot, for every message posted so far. */
  posted: Record<Slot, string>;
  /** Fingerprint of what each posted slot shows, so a refresh updates only what changed. */
  shown: Record<Slot, string>;
  /** A slot whose message was sent but not confirmed: it may be in Slack already. */
  inflight?: Slot;
}

export type PlanResult =
  | { status: 'planned' | 'exists'; plan: DigestPlan }
  | { status: 'finished' }
  /** An item was done, claimed or removed since it was read; plan again from fresh reads. */
  | { status: 'conflict'; id: string };

/** Where the next scheduled digest of a channel stands. */
export interface ScheduleEntry {
  jobId: string;
  dueAt: number;
  /** When the channel's current schedule (time, days, zone) was first registered; earlier due times are not owed. */
  since: number;
  fingerprint: string;
}

/** Digest records outlive the open items they list, so "Done" a month later still updates the old reply. */
export const DIGEST_RECORD_TTL_MS = 90 * 86_400_000;

// cjson writes an empty Lua table as {}; `reasons` is the item's only array, so put its brackets back.
const ENCODE_ITEM = `
local function encode_item(t)
  return (string.gsub(cjson.encode(t), '"reasons":{}', '"reasons":[]'))
end
`;

// All or nothing: every item must still be open and unclaimed, else nothing is claimed and the caller re-plans.
// Items are claimed by appending `posted` to their JSON (it is absent, checked), so their other fields keep their exact form.
const PLAN = `
if redis.call('HEXISTS', KEYS[1], 'state') == 1 then return {'finished'} end
local existing = redis.call('HGET', KEYS[1], 'plan')
if existing then return {'exists', existing} end
for i = 5, #ARGV do
  local raw = redis.call('GET', ARGV[3] .. ARGV[i])
  if not raw or not string.find(raw, '"status":"open"', 1, true) or string.find(raw, '"posted":', 1, true) then
    return {'conflict', ARGV[i]}
  end
end
for i = 5, #ARGV do
  local key = ARGV[3] .. ARGV[i]
  local raw = redis.call('GET', key)
  redis.call('SET', key, string.sub(raw, 1, -2) .. ',"posted":' .. ARGV[4] .. '}', 'KEEPTTL')
end
redis.call('HSET', KEYS[1], 'plan', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {'planned', ARGV[1]}
`;

// Only the lock holder may start a post: a worker whose lock expired while it hung must not post beside the new holder.
const MARK_INFLIGHT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], 'inflight', ARGV[2])
return 1
`;

// Records a slot's ts and fills the reply ts into each item's claim. The claim is found as written by PLAN;
// an item rewritten since (cjson orders keys its own way) is decoded instead.
const RECORD_POSTED =
  ENCODE_ITEM +
  `
redis.call('HSET', KEYS[1], 'p:' .. ARGV[1], ARGV[2], 'h:' .. ARGV[1], ARGV[3])
if redis.call('HGET', KEYS[1], 'inflight') == ARGV[1] then redis.call('HDEL', KEYS[1], 'inflight') end
for i = 8, #ARGV do
  local key = ARGV[4] .. ARGV[i]
  local raw = redis.call('GET', key)
  if raw then
    local s, e = string.find(raw, ARGV[5], 1, true)
    if s then
      redis.call('SET', key, string.sub(raw, 1, s - 1) .. ARGV[6] .. string.sub(raw, e + 1), 'KEEPTTL')
    else
      local item = cjson.decode(raw)
      if type(item.posted) == 'table' and item.posted.digestId == ARGV[7] and item.posted.ts == '' then
        item.posted.ts = ARGV[2]
        redis.call('SET', key, encode_item(item), 'KEEPTTL')
      end
    end
  end
end
return 1
`;

// Gives items back to later digests: drops the claim (only one made by ARGV[2], when given) and applies a snooze.
const RELEASE =
  ENCODE_ITEM +
  `
local out = {}
for i = 5, #ARGV do
  local key = ARGV[1] .. ARGV[i]
  local raw = redis.call('GET', key)
  local previous = ''
  if raw then
    local item = cjson.decode(raw)
    local claim = item.posted
    if type(claim) == 'table' and (ARGV[2] == '' or claim.digestId == ARGV[2]) then
      previous = cjson.encode(claim)
      item.posted = nil
    end
    if ARGV[3] ~= '' then item.snoozedUntil = tonumber(ARGV[3]) end
    if previous ~= '' or ARGV[3] ~= '' then
      item.updatedAt = tonumber(ARGV[4])
      redis.call('SET', key, encode_item(item), 'KEEPTTL')
    end
  end
  out[#out + 1] = previous
end
return out
`;

const FINISH = `
redis.call('HSET', KEYS[1], 'state', ARGV[1])
redis.call('HDEL', KEYS[1], 'inflight')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if ARGV[1] == 'done' then redis.call('SET', KEYS[2], ARGV[2]) end
if ARGV[4] == '1' then
  local last = redis.call('GET', KEYS[3])
  if not last or last < ARGV[2] then redis.call('SET', KEYS[3], ARGV[2]) end
end
return 1
`;

const EXTEND_LOCK = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
`;

const UNLOCK = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
`;

const claimOf = (digestId: string, channel: string, ts: string) => JSON.stringify({ digestId, channel, ts });

export function createDigestStore(redis: Redis, keys: Keys) {
  const itemPrefix = (team: string) => keys.item(team, '');

  return {
    async load(team: string, channel: string, digestId: string): Promise<DigestRecord | undefined> {
      const fields = await redis.hgetall(keys.digest(team, channel, digestId));
      if (Object.keys(fields).length === 0) return undefined;
      const record: DigestRecord = { posted: {}, shown: {} };
      for (const [field, value] of Object.entries(fields)) {
        if (field === 'plan') record.plan = JSON.parse(value) as DigestPlan;
        else if (field === 'state') record.state = value as DigestRecord['state'];
        else if (field === 'inflight') record.inflight = value;
        else if (field.startsWith('p:')) record.posted[field.slice(2)] = value;
        else if (field.startsWith('h:')) record.shown[field.slice(2)] = value;
      }
      return record;
    },

    /** Stores the plan and claims `plan`'s items in one atomic step; an existing plan wins and is returned. */
    async plan(team: string, plan: DigestPlan): Promise<PlanResult> {
      const ids = plan.replies.flatMap((r) => r.ids);
      const reply = (await redis.eval(
        PLAN,
        1,
        keys.digest(team, plan.channel, plan.digestId),
        JSON.stringify(plan),
        DIGEST_RECORD_TTL_MS,
        itemPrefix(team),
        claimOf(plan.digestId, plan.channel, ''),
        ...ids,
      )) as [string, string?];
      const [status, detail] = reply;
      if (status === 'finished') return { status };
      if (status === 'conflict') return { status, id: detail ?? '' };
      return { status: status as 'planned' | 'exists', plan: JSON.parse(detail ?? '{}') as DigestPlan };
    },

    async markInflight(team: string, channel: string, digestId: string, slot: Slot, lockToken: string): Promise<boolean> {
      const ok = await redis.eval(MARK_INFLIGHT, 2, keys.digestLock(team, channel), keys.digest(team, channel, digestId), lockToken, slot);
      return ok === 1;
    },

    async clearInflight(team: string, channel: string, digestId: string): Promise<void> {
      await redis.hdel(keys.digest(team, channel, digestId), 'inflight');
    },

    /** After a message is in Slack: its ts, what it shows, and (for a reply) the ts on each of its items' claims. */
    async recordPosted(team: string, channel: string, digestId: string, slot: Slot, ts: string, shown: string, itemIds: readonly string[]): Promise<void> {
      await redis.eval(
        RECORD_POSTED,
        1,
        keys.digest(team, channel, digestId),
        slot,
        ts,
        shown,
        itemPrefix(team),
        `"posted":${claimOf(digestId, channel, '')}`,
        `"posted":${claimOf(digestId, channel, ts)}`,
        digestId,
        ...itemIds,
      );
    },

    async recordShown(team: string, channel: string, digestId: string, slot: Slot, shown: string): Promise<void> {
      await redis.hset(keys.digest(team, channel, digestId), `h:${slot}`, shown);
    },

    /**
     * Gives items back to later digests: removes their claim (only one made by `onlyDigestId`, when given) and,
     * with `snoozedUntil`, keeps them out of digests until then. Answers each item's previous claim.
     */
    async release(
      team: string,
      ids: readonly string[],
      options: { at: number; onlyDigestId?: string; snoozedUntil?: number },
    ): Promise<Array<Item['posted'] | undefined>> {
      if (ids.length === 0) return [];
      const out = (await redis.eval(
        RELEASE,
        0,
        itemPrefix(team),
        options.onlyDigestId ?? '',
        options.snoozedUntil === undefined ? '' : String(options.snoozedUntil),
        String(options.at),
        ...ids,
      )) as string[];
      return out.map((raw) => (raw ? (JSON.parse(raw) as Item['posted']) : undefined));
    },

    /** Marks the digest finished. A scheduled one also advances the channel's last scheduled digest (never back). */
    async finish(team: string, channel: string, digestId: string, state: 'done' | 'skipped', scheduled: boolean): Promise<void> {
      await redis.eval(
        FINISH,
        3,
        keys.digest(team, channel, digestId),
        keys.digestRecent(team, channel),
        keys.digestLast(team, channel),
        state,
        digestId,
        DIGEST_RECORD_TTL_MS,
        scheduled ? '1' : '0',
      );
    },

    /** The digestId (local date) of the last scheduled digest posted or skipped in the channel. */
    async lastScheduled(team: string, channel: string): Promise<string | undefined> {
      return (await redis.get(keys.digestLast(team, channel))) ?? undefined;
    },

    async recent(team: string, channel: string): Promise<string | undefined> {
      return (await redis.get(keys.digestRecent(team, channel))) ?? undefined;
    },

    async nextManualNumber(team: string, channel: string): Promise<number> {
      return redis.incr(keys.digestSeq(team, channel));
    },

    // ---- the per-channel poster lock

    async lock(team: string, channel: string, token: string, ttlMs: number): Promise<boolean> {
      return (await redis.set(keys.digestLock(team, channel), token, 'PX', ttlMs, 'NX')) === 'OK';
    },

    async extendLock(team: string, channel: string, token: string, ttlMs: number): Promise<boolean> {
      return (await redis.eval(EXTEND_LOCK, 1, keys.digestLock(team, channel), token, ttlMs)) === 1;
    },

    async unlock(team: string, channel: string, token: string): Promise<void> {
      await redis.eval(UNLOCK, 1, keys.digestLock(team, channel), token);
    },

    // ---- the schedule registry

    async schedules(team: string): Promise<Record<string, ScheduleEntry>> {
      const raw = await redis.hgetall(keys.digestSchedule(team));
      return Object.fromEntries(Object.entries(raw).map(([channel, json]) => [channel, JSON.parse(json) as ScheduleEntry]));
    },

    async setSchedule(team: string, channel: string, entry: ScheduleEntry): Promise<void> {
      await redis.hset(keys.digestSchedule(team), channel, JSON.stringify(entry));
    },

    async removeSchedule(team: string, channel: string): Promise<void> {
      await redis.hdel(keys.digestSchedule(team), channel);
    },
  };
}

export type DigestStore = ReturnType<typeof createDigestStore>;
