import type { Redis } from 'ioredis';
import { claimStep, finishStep, isClosed, transition, type ClaimOutcome, type Emergency, type EmergencyAction, type TransitionOptions, type TransitionOutcome } from '../core/emergency';
import type { Keys } from './keys';

export interface TimelineEntry {
  at: number;
  /** Stable kind for metrics and rendering: declared, paged, page_failed, posted, acknowledged, escalated, resolved, ... */
  kind: string;
  text: string;
}

const DEDUP_TTL_S = 86_400;
const CODE_TTL_S = 7 * 86_400;

// Stores the emergency once per dedup key and claims its reply code; answers with what is stored.
const CREATE = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, redis.call('GET', KEYS[2] .. existing) or ''} end
if redis.call('SET', KEYS[3], ARGV[3], 'NX', 'EX', ARGV[5]) == false then return {2, ''} end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[4])
redis.call('SET', KEYS[2] .. ARGV[1], ARGV[2])
redis.call('SADD', KEYS[4], ARGV[1])
return {1, ARGV[2]}
`;

// Compare-and-set on the emergency's JSON: a click, a callback and an escalation job never overwrite each
// other. Closing also frees the reply code, but only while this emergency still holds it.
const SWAP = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[3] == '1' then
  redis.call('SREM', KEYS[2], ARGV[4])
  if redis.call('GET', KEYS[3]) == ARGV[5] then redis.call('DEL', KEYS[3]) end
end
return 1
`;

export interface EmergencyStore {
  /** Creates once per dedup key. `codeTaken` means another open emergency holds the code: pick another. */
  create(e: Emergency, dedupKey: string): Promise<{ emergency: Emergency; created: boolean } | { codeTaken: true }>;
  get(team: string, id: string): Promise<Emergency | undefined>;
  /** The open emergency holding this reply code. */
  byCode(code: string): Promise<Emergency | undefined>;
  /** Applies an action atomically, so a click and an escalation never overwrite each other. */
  apply(team: string, id: string, action: EmergencyAction, by: string, at: number, options?: TransitionOptions): Promise<TransitionOutcome | undefined>;
  /** Takes the right to page `step` (see core claimStep); undefined for an unknown emergency. */
  claimStep(team: string, id: string, step: number): Promise<ClaimOutcome | undefined>;
  /** Sets fields that are not state transitions (the post's ts, a step's pages sent). */
  patch(team: string, id: string, changes: Partial<Emergency>): Promise<Emergency | undefined>;
  /** Records that `step`'s pages have settled (see core finishStep); a later step's claim is left alone. */
  finishStep(team: string, id: string, step: number): Promise<void>;
  appendTimeline(team: string, id: string, entry: TimelineEntry): Promise<void>;
  /** Appends the entries not stored yet (same time, kind and text), for replays that may run twice. */
  appendTimelineOnce(team: string, id: string, entries: TimelineEntry[]): Promise<number>;
  timeline(team: string, id: string): Promise<TimelineEntry[]>;
  /** Remembers a voice page's call (Twilio call sid) for a day: long after any phone stopped ringing. */
  addCall(team: string, id: string, callSid: string): Promise<void>;
  /** Takes every remembered call off the list at once, so each is stopped by one acknowledgement only. */
  takeCalls(team: string, id: string): Promise<string[]>;
  /** Takes one call off the list; false when someone else took it first. */
  takeCall(team: string, id: string, callSid: string): Promise<boolean>;
  listOpen(team: string): Promise<Emergency[]>;
  /** Emergencies whose channel post is still owed (Slack was down); every process's upkeep retries them. */
  addPendingPost(team: string, id: string): Promise<void>;
  pendingPosts(): Promise<Array<{ team: string; id: string }>>;
  removePendingPost(team: string, id: string): Promise<void>;
}

export function createEmergencyStore(redis: Redis, keys: Keys): EmergencyStore {
  const dedupKey = (team: string, key: string) => keys.seen(team, 'emergency', key);
  const entityPrefix = (team: string) => keys.emergency(team, '');
  const openSet = (team: string) => keys.emergency(team, 'open-set');

  async function read(team: string, id: string): Promise<Emergency | undefined> {
    const raw = await redis.get(keys.emergency(team, id));
    return raw ? (JSON.parse(raw) as Emergency) : undefined;
  }

  /** Read, change in JS (core rules), write back only if nobody wrote meanwhile; else read again. */
  async function modify(team: string, id: string, change: (e: Emergency) => Emergency | undefined): Promise<Emergency | undefined> {
    const key = keys.emergency(team, id);
    for (let attempt = 0; attempt < 20; attempt++) {
      const raw = await redis.get(key);
      if (!raw) return undefined;
      const current = JSON.parse(raw) as Emergency;
      const next = change(current);
      if (!next) return current;
      const closing = isClosed(next) && !isClosed(current);
      const swapped = await redis.eval(SWAP, 3, key, openSet(team), keys.emergencyCode(next.code), raw, JSON.stringify(next), closing ? '1' : '0', id, `${team}/${id}`);
      if (swapped === 1) return next;
    }
    throw new Error(`emergency ${id} kept changing under us`);
  }

  return {
    async create(e, key) {
      const [status, raw] = (await redis.eval(
        CREATE,
        4,
        dedupKey(e.team, key),
        entityPrefix(e.team),
        keys.emergencyCode(e.code),
        openSet(e.team),
        e.id,
        JSON.stringify(e),
        `${e.team}/${e.id}`,
        String(DEDUP_TTL_S),
        String(CODE_TTL_S),
      )) as [number, string];
      if (status === 2) return { codeTaken: true };
      return { emergency: JSON.parse(raw) as Emergency, created: status === 1 };
    },
    get: read,
    async byCode(code) {
      const ref = await redis.get(keys.emergencyCode(code));
      const match = ref ? /^([^/]+)\/([^/]+)$/.exec(ref) : null;
      if (!match) return undefined;
      const e = await read(match[1]!, match[2]!);
      return e && !isClosed(e) ? e : undefined;
    },
    async apply(team, id, action, by, at, options) {
      let outcome: TransitionOutcome | undefined;
      await modify(team, id, (e) => {
        outcome = transition(e, action, by, at, options);
        return outcome.ok && outcome.changed ? outcome.next : undefined;
      });
      return outcome;
    },
    async claimStep(team, id, step) {
      let outcome: ClaimOutcome | undefined;
      await modify(team, id, (e) => {
        outcome = claimStep(e, step);
        return outcome.ok ? outcome.next : undefined;
      });
      return outcome;
    },
    async patch(team, id, changes) {
      return modify(team, id, (e) => ({ ...e, ...changes, id: e.id, team: e.team }));
    },
    async finishStep(team, id, step) {
      await modify(team, id, (e) => finishStep(e, step));
    },
    async appendTimeline(team, id, entry) {
      await redis.rpush(keys.emergencyTimeline(team, id), JSON.stringify(entry));
    },
    async appendTimelineOnce(team, id, entries) {
      const stored = new Set((await redis.lrange(keys.emergencyTimeline(team, id), 0, -1)).map((raw) => identity(JSON.parse(raw) as TimelineEntry)));
      const missing = entries.filter((entry) => !stored.has(identity(entry)));
      if (missing.length) await redis.rpush(keys.emergencyTimeline(team, id), ...missing.map((entry) => JSON.stringify(entry)));
      return missing.length;
    },
    async addCall(team, id, callSid) {
      await redis.multi().sadd(keys.emergencyCalls(team, id), callSid).expire(keys.emergencyCalls(team, id), DEDUP_TTL_S).exec();
    },
    async takeCalls(team, id) {
      const [[, calls]] = (await redis.multi().smembers(keys.emergencyCalls(team, id)).del(keys.emergencyCalls(team, id)).exec()) as [[Error | null, string[]], unknown];
      return calls ?? [];
    },
    async takeCall(team, id, callSid) {
      return (await redis.srem(keys.emergencyCalls(team, id), callSid)) === 1;
    },
    async timeline(team, id) {
      const raws = await redis.lrange(keys.emergencyTimeline(team, id), 0, -1);
      return raws.map((r) => JSON.parse(r) as TimelineEntry);
    },
    async listOpen(team) {
      const ids = await redis.smembers(openSet(team));
      const all = await Promise.all(ids.map((id) => read(team, id)));
      return all.filter((e): e is Emergency => e !== undefined);
    },
    async addPendingPost(team, id) {
      await redis.sadd(keys.pendingEmergencies(), `${team}/${id}`);
    },
    async pendingPosts() {
      const refs = await redis.smembers(keys.pendingEmergencies());
      return refs.flatMap((ref) => {
        const [team, id] = ref.split('/');
        return team && id ? [{ team, id }] : [];
      });
    },
    async removePendingPost(team, id) {
      await redis.srem(keys.pendingEmergencies(), `${team}/${id}`);
    },
  };
}

function identity(entry: TimelineEntry): string {
  return `${entry.at}\u0000${entry.kind}\u0000${entry.text}`;
}
