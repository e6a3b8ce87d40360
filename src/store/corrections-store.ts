import type { Redis } from 'ioredis';
import { isArea, type Area } from '../core/areas';
import { buildCorrectionModel, type Correction, type CorrectionModel } from '../core/learning';
import { createScript } from '../redis';
import type { Keys } from './keys';

/**
 * Classifier corrections per workspace, newest first in one Redis list, bounded so a busy
 * workspace keeps only its recent habits. model() is asked on every classified message, so the
 * built model is cached in process and rebuilt only when the list changed (a record, an erase or
 * retention, here or in another process).
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
  /**
   * `/quadrant erase`: drops the corrections a person made or whose text they wrote (named as author, or one of
   * `texts`, for corrections older than the author field); returns how many.
   */
  forget(team: string, user: string, texts?: readonly string[]): Promise<number>;
  /** Retention: drops the corrections recorded before `cutoff` (epoch ms), and any whose age cannot be read; returns how many. */
  expire(team: string, cutoff: number): Promise<number>;
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

/** At most `max` UTF-16 units, never ending on half a surrogate pair (JSON would keep a lone \ud83d that Redis's cjson refuses). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

// Both scripts rewrite the list in one step, so a correction recorded meanwhile is never lost. drop(raw, entry) says
// whether an entry goes; entry is nil when cjson cannot decode it (one written before texts were cut whole holds a lone
// surrogate), and then only the raw JSON can say whose it is or when it was made.
const REWRITE = (drop: string) => `
${drop}
local kept, removed = {}, 0
for _, raw in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  local ok, entry = pcall(cjson.decode, raw)
  if not ok or type(entry) ~= 'table' then entry = nil end
  if drop(raw, entry) then
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

// ARGV[1] is the person and ARGV[2] how many texts of theirs follow, matched only in entries recorded before
// corrections named an author (someone else may have written the same words). After the texts come the starts of
// such entries as they were written when a cut could end inside an emoji: those cannot be decoded, so they are
// matched as raw JSON. JSON.stringify writes a key right after { or , and escapes every quote in a text, and a
// Slack id needs no escaping, so none of these needles can match inside a text.
const FORGET = REWRITE(`
local count = tonumber(ARGV[2])
local texts = {}
for i = 3, count + 2 do texts[ARGV[i]] = true end
local function drop(raw, entry)
  if entry then return entry['by'] == ARGV[1] or entry['author'] == ARGV[1] or (entry['author'] == nil and texts[entry['text']] == true) end
  for _, key in ipairs({ 'by', 'author' }) do
    local needle = '"' .. key .. '":"' .. ARGV[1] .. '"'
    if string.find(raw, '{' .. needle, 1, true) or string.find(raw, ',' .. needle, 1, true) then return true end
  end
  if string.find(raw, ',"author":', 1, true) then return false end
  for i = count + 3, #ARGV do
    if string.sub(raw, 1, #ARGV[i]) == ARGV[i] then return true end
  end
  return false
end
`);

// ARGV[1] is the cutoff. An entry whose age cannot be read is never used by the model and may still hold text,
// so it goes too rather than outliving every retention.
const EXPIRE = REWRITE(`
local cutoff = tonumber(ARGV[1])
local function drop(raw, entry)
  local at
  if entry then at = entry['at'] else at = tonumber(string.match(raw, '[{,]"at":(%-?[%d%.eE%+%-]+)')) end
  return type(at) ~= 'number' or at < cutoff
end
`);

export function createCorrectionsStore(redis: Redis, keys: Keys, options: { max?: number; freshMs?: number } = {}): CorrectionsStore {
  const max = options.max ?? MAX_CORRECTIONS;
  const freshMs = options.freshMs ?? FRESH_MS;
  // `version` is the newest entry and the list's length: a record changes the first, an erase or retention
  // the second, so every process notices either within a second.
  const cache = new Map<string, { version: string; model: CorrectionModel; checkedAt: number }>();
  const forgetScript = createScript(redis, FORGET);
  const expireScript = createScript(redis, EXPIRE);

  async function list(team: string): Promise<RecordedCorrection[]> {
    const raws = await redis.lrange(keys.corrections(team), 0, max - 1);
    return raws.map(parse).filter((c): c is RecordedCorrection => c !== undefined);
  }

  return {
    async record(team, correction) {
      const entry = JSON.stringify({ text: cut(correction.text, MAX_TEXT), area: correction.area, by: correction.by, author: correction.author, at: correction.at });
      await redis.multi().lpush(keys.corrections(team), entry).ltrim(keys.corrections(team), 0, max - 1).exec();
      cache.delete(team);
    },
    async forget(team, user, texts = []) {
      const whole = texts.map((text) => cut(text, MAX_TEXT));
      // Only a text cut inside an emoji was stored as JSON that Redis cannot decode.
      const halved = texts.filter((text, i) => whole[i] !== text.slice(0, MAX_TEXT)).map((text) => `{"text":${JSON.stringify(text.slice(0, MAX_TEXT))},"area":`);
      const removed = Number(await forgetScript([keys.corrections(team)], [user, String(whole.length), ...whole, ...halved]));
      cache.delete(team);
      return removed;
    },
    async expire(team, cutoff) {
      const removed = Number(await expireScript([keys.corrections(team)], [String(cutoff)]));
      // Expiring drops the oldest entries, so only the list's length tells other processes; this one forgets now.
      cache.delete(team);
      return removed;
    },
    async model(team) {
      const cached = cache.get(team);
      // The model is asked on every /async ack; a second-old view of other processes' corrections is fine.
      if (cached && Date.now() - cached.checkedAt < freshMs) return cached.model;
      const [head, length] = await Promise.all([redis.lindex(keys.corrections(team), 0), redis.llen(keys.corrections(team))]);
      const version = `${length}|${head ?? ''}`;
      if (cached && cached.version === version) {
        cached.checkedAt = Date.now();
        return cached.model;
      }
      const model = buildCorrectionModel(head === null ? [] : await list(team));
      cache.set(team, { version, model, checkedAt: Date.now() });
      return model;
    },
    list,
  };
}
