import type { Redis } from 'ioredis';
import { isArea, type Area } from '../core/areas';
import { buildCorrectionModel, type Correction, type CorrectionModel } from '../core/learning';
import { createScript } from '../redis';
import type { Keys } from './keys';

/**
 * Classifier corrections per workspace, newest first in one Redis list, bounded so a busy
 * workspace keeps only its recent habits. model() is asked on every classified message, so the
 * built model is cached in process and rebuilt only when the list's newest entry changed (a record
 * here or in another process).
 */

export interface RecordedCorrection extends Correction {
  /** Who corrected it (a Slack user id). */
  by: string;
  /** Who wrote the text; corrections recorded before this was kept have none. */
  author?: string;
}

export interface CorrectionsStore {
  record(team: string, correction: RecordedCorrection): Promise<void>;
  model(team: string): Promise<CorrectionModel>;
  /** `/quadrant erase`: drops the corrections a person made or whose text they wrote; returns how many. */
  forget(team: string, user: string): Promise<number>;
  list(team: string): Promise<RecordedCorrection[]>;
}

const MAX_CORRECTIONS = 500;
const FRESH_MS = 1000;
// The text is only needed for similarity; a correction never needs a whole long update.
const MAX_TEXT = 2_000;

function parse(raw: string): RecordedCorrection | undefined {
  try {
    const value = JSON.parse(raw) as Partial<RecordedCorrection>;
    if (typeof value.text !== 'string' || !isArea(value.area) || typeof value.at !== 'number') return undefined;
    return { text: value.text, area: value.area as Area, at: value.at, by: typeof value.by === 'string' ? value.by : '', ...(typeof value.author === 'string' ? { author: value.author } : {}) };
  } catch {
    return undefined;
  }
}

// Rewrites the list without the person's entries in one step, so a correction recorded meanwhile is never lost.
const FORGET = `
local kept, removed = {}, 0
for _, raw in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  local ok, entry = pcall(cjson.decode, raw)
  if ok and type(entry) == 'table' and (entry['by'] == ARGV[1] or entry['author'] == ARGV[1]) then
    removed = removed + 1
  else
    table.insert(kept, raw)
  end
end
if removed > 0 then
  redis.call('DEL', KEYS[1])
  if #kept > 0 then redis.call('RPUSH', KEYS[1], unpack(kept)) end
end
return removed
`;

export function createCorrectionsStore(redis: Redis, keys: Keys, options: { max?: number; freshMs?: number } = {}): CorrectionsStore {
  const max = options.max ?? MAX_CORRECTIONS;
  const freshMs = options.freshMs ?? FRESH_MS;
  const cache = new Map<string, { head: string | null; model: CorrectionModel; checkedAt: number }>();
  const forgetScript = createScript(redis, FORGET);

  async function list(team: string): Promise<RecordedCorrection[]> {
    const raws = await redis.lrange(keys.corrections(team), 0, max - 1);
    return raws.map(parse).filter((c): c is RecordedCorrection => c !== undefined);
  }

  return {
    async record(team, correction) {
      const entry = JSON.stringify({ text: correction.text.slice(0, MAX_TEXT), area: correction.area, by: correction.by, author: correction.author, at: correction.at });
      await redis.multi().lpush(keys.corrections(team), entry).ltrim(keys.corrections(team), 0, max - 1).exec();
      cache.delete(team);
    },
    async forget(team, user) {
      const removed = Number(await forgetScript([keys.corrections(team)], [user]));
      cache.delete(team);
      return removed;
    },
    async model(team) {
      const cached = cache.get(team);
      // The model is asked on every /async ack; a second-old view of other processes' corrections is fine.
      if (cached && Date.now() - cached.checkedAt < freshMs) return cached.model;
      const head = await redis.lindex(keys.corrections(team), 0);
      if (cached && cached.head === head) {
        cached.checkedAt = Date.now();
        return cached.model;
      }
      const model = buildCorrectionModel(head === null ? [] : await list(team));
      cache.set(team, { head, model, checkedAt: Date.now() });
      return model;
    },
    list,
  };
}
