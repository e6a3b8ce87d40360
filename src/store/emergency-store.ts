import type { Redis } from 'ioredis';
import { transition, type Emergency, type EmergencyAction, type TransitionOutcome } from '../core/emergency';
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

export interface EmergencyStore {
  /** Creates once per dedup key. `codeTaken` means another open emergency holds the code: pick another. */
  create(e: Emergency, dedupKey: string): Promise<{ emergency: Emergency; created: boolean } | { codeTaken: true }>;
  get(team: string, id: string): Promise<Emergency | undefined>;
  byCode(code: string): Promise<Emergency | undefined>;
  /** Applies an action atomically (optimistic locking), so a click and an escalation never overwrite each other. */
  apply(team: string, id: string, action: EmergencyAction, by: string, at: number): Promise<TransitionOutcome | undefined>;
  /** Sets fields that are not state transitions (the post's ts, the step paged). */
  patch(team: string, id: string, changes: Partial<Emergency>): Promise<Emergency | undefined>;
  appendTimeline(team: string, id: string, entry: TimelineEntry): Promise<void>;
  timeline(team: string, id: string): Promise<TimelineEntry[]>;
  listOpen(team: string): Promise<Emergency[]>;
}

export function createEmergencyStore(redis: Redis, keys: Keys): EmergencyStore {
  const dedupKey = (team: string, key: string) => keys.seen(team, 'emergency', key);
  const entityPrefix = (team: string) => keys.emergency(team, '');
  const openSet = (team: string) => keys.emergency(team, 'open-set');

  async function read(team: string, id: string): Promise<Emergency | undefined> {
    const raw = await redis.get(keys.emergency(team, id));
    return raw ? (JSON.parse(raw) as Emergency) : undefined;
  }

  async function modify(team: string, id: string, change: (e: Emergency) => Emergency | undefined): Promise<Emergency | undefined> {
    const key = keys.emergency(team, id);
    for (let attempt = 0; attempt < 10; attempt++) {
      // A dedicated connection: WATCH is per connection, and the shared one is auto-pipelined.
      const conn = redis.duplicate({ enableAutoPipelining: false });
      try {
        await conn.watch(key);
        const raw = await conn.get(key);
        if (!raw) return undefined;
        const next = change(JSON.parse(raw) as Emergency);
        if (!next) return JSON.parse(raw) as Emergency;
        const multi = conn.multi().set(key, JSON.stringify(next));
        if (next.status === 'resolved' || next.status === 'not_emergency') multi.srem(openSet(team), id).del(keys.emergencyCode(next.code));
        const result = await multi.exec();
        if (result) return next;
      } finally {
        conn.disconnect();
      }
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
      if (!ref) return undefined;
      const [team, id] = ref.split('/');
      return team && id ? read(team, id) : undefined;
    },
    async apply(team, id, action, by, at) {
      let outcome: TransitionOutcome | undefined;
      await modify(team, id, (e) => {
        outcome = transition(e, action, by, at);
        return outcome.ok && outcome.changed ? outcome.next : undefined;
      });
      return outcome;
    },
    async patch(team, id, changes) {
      return modify(team, id, (e) => ({ ...e, ...changes, id: e.id, team: e.team }));
    },
    async appendTimeline(team, id, entry) {
      await redis.rpush(keys.emergencyTimeline(team, id), JSON.stringify(entry));
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
  };
}
