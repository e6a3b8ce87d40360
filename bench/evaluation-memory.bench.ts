/**
 * How much Redis memory a year of evaluation counts takes for one workspace: 52 weeks of a busy, realistic
 * week written through the real store (one record() per event), then MEMORY USAGE of every key. The baseline
 * is the obvious alternative layout, one Redis string per counter, holding the same numbers.
 */
import { deleteMatching } from '../src/flows/admin/scan-keys';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { AREAS, type Area } from '../src/core/areas';
import { weekRefAt, type EvaluationEvent } from '../src/core/evaluation';
import type { NudgeCode } from '../src/core/nudge';
import { createEvaluationStore, CHANNEL_FIELD_CAP } from '../src/store/evaluation-store';
import { createKeys } from '../src/store/keys';
import { emit } from './lib/stats';

const WEEKS = 52;
const TEAM = 'T0BENCH';
const WEEK_MS = 7 * 86_400_000;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A small seeded generator, so every run writes the same year. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NUDGES: NudgeCode[] = ['queued_for_digest', 'broadcast_fyi', 'belongs_in_digest', 'belongs_in_hub', 'not_an_emergency', 'suggest_emergency', 'ask_async', 'warn_lead_time'];
const AREA_MIX: Array<[Area, number]> = [['daily_operations', 0.6], ['online_meeting', 0.2], ['deep_work', 0.14], ['offline_activity', 0.04], ['emergency', 0.02]];

/** One busy week: 40 people in `channels` channels, 1,500 messages, 150 items, 20 digests, 80 nudges, an emergency. */
function weekOfEvents(rand: () => number, channels: number): EvaluationEvent[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const channel = () => `C0CH${String(Math.floor(rand() * channels)).padStart(3, '0')}`;
  const user = () => `U0P${String(Math.floor(rand() * 40)).padStart(3, '0')}`;
  const area = () => {
    let r = rand();
    for (const [a, share] of AREA_MIX) if ((r -= share) < 0) return a;
    return 'daily_operations' as Area;
  };
  const events: EvaluationEvent[] = [];
  for (let i = 0; i < 1500; i++) {
    const broadcast = rand() < 0.04;
    events.push({ kind: 'message', channel: channel(), user: user(), area: area(), broadcast, fyi: broadcast && rand() < 0.4 });
  }
  for (let i = 0; i < 150; i++) events.push({ kind: 'item_filed', channel: channel(), user: user(), area: rand() < 0.85 ? 'daily_operations' : 'deep_work' });
  for (let i = 0; i < 120; i++) events.push({ kind: 'item_done', user: user(), ageMs: Math.floor(rand() * 5 * 86_400_000) });
  for (let i = 0; i < 20; i++) events.push({ kind: 'digest_posted', channel: `C0CH00${i % 4}`, items: 5 + Math.floor(rand() * 20) });
  for (let i = 0; i < 80; i++) events.push({ kind: 'nudge_sent', channel: channel(), code: pick(NUDGES) });
  for (let i = 0; i < 50; i++) events.push({ kind: 'nudge_answered', channel: channel(), answer: rand() < 0.6 ? 'accepted' : 'kept' });
  for (let i = 0; i < 5; i++) events.push({ kind: 'meeting_made_async', channel: channel() });
  for (let i = 0; i < 2; i++) events.push({ kind: 'offline_short_notice', channel: channel() });
  for (let i = 0; i < 10; i++) events.push({ kind: 'quiet_held', channel: channel() });
  events.push({ kind: 'emergency_declared' }, { kind: 'emergency_acknowledged', afterMs: 240_000 }, { kind: 'emergency_resolved', afterMs: 3_600_000 });
  for (let i = 0; i < 6; i++) events.push({ kind: 'page', ok: i > 0 });
  if (rand() < 0.3) events.push({ kind: 'not_emergency' });
  for (let i = 0; i < 8; i++) events.push({ kind: 'correction', area: pick(AREAS) });
  for (let i = 0; i < 5; i++) events.push({ kind: 'hub_posted' });
  for (let i = 0; i < 2; i++) events.push({ kind: 'hub_decided' });
  return events;
}

interface Usage {
  keys: number;
  bytes: number;
  fields: number;
  encodings: Set<string>;
}

async function usageByFamily(redis: Redis, prefix: string): Promise<Map<string, Usage>> {
  const out = new Map<string, Usage>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const family = key.slice(prefix.length + 1).split(':')[0]!;
      const u = out.get(family) ?? { keys: 0, bytes: 0, fields: 0, encodings: new Set<string>() };
      u.keys += 1;
      u.bytes += Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
      const type = await redis.type(key);
      u.fields += type === 'hash' ? await redis.hlen(key) : type === 'zset' ? await redis.zcard(key) : 1;
      u.encodings.add(String(await redis.object('ENCODING', key)));
      out.set(family, u);
    }
  } while (cursor !== '0');
  return out;
}

/** The same workspace and channel counts, one string key per counter: what a plain INCR layout would hold. */
async function writeNaive(redis: Redis, from: string, to: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${from}:eval*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      if ((await redis.type(key)) !== 'hash') continue;
      const fields = await redis.hgetall(key);
      const pipeline = redis.pipeline();
      for (const [field, value] of Object.entries(fields)) pipeline.set(`${to}:${key.slice(from.length + 1)}:${field}`, value);
      await pipeline.exec();
    }
  } while (cursor !== '0');
}

async function fillYear(redis: Redis, prefix: string, channels: number): Promise<number> {
  const store = createEvaluationStore(redis, createKeys(prefix));
  const rand = prng(42);
  const now = Date.now();
  let events = 0;
  for (let w = WEEKS - 1; w >= 0; w--) {
    const at = weekRefAt(now - w * WEEK_MS, 'UTC', WEEKS);
    const week = weekOfEvents(rand, channels);
    events += week.length;
    for (let i = 0; i < week.length; i += 500) await Promise.all(week.slice(i, i + 500).map((e) => store.record(TEAM, at, [e])));
  }
  return events;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const redis = new Redis(redisUrl, { enableAutoPipelining: true });
  const tag = randomBytes(3).toString('hex');
  const prefixes = [`bench-evmem-${tag}`, `bench-evmem40-${tag}`, `bench-evnaive-${tag}`];
  try {
    const config = (await redis.config('GET', 'hash-max-listpack-entries')) as unknown as string[];
    const events = await fillYear(redis, prefixes[0]!, 12);
    const usage = await usageByFamily(redis, prefixes[0]!);
    await fillYear(redis, prefixes[1]!, 40);
    const wide = await usageByFamily(redis, prefixes[1]!);
    await writeNaive(redis, prefixes[0]!, prefixes[2]!);
    const naive = [...(await usageByFamily(redis, prefixes[2]!)).values()].reduce((s, u) => s + u.bytes, 0);

    const total = (m: Map<string, Usage>) => [...m.values()].reduce((s, u) => s + u.bytes, 0);
    const counterBytes = (usage.get('eval')?.bytes ?? 0) + (usage.get('eval-ch')?.bytes ?? 0);
    const rows = ['eval', 'eval-ch', 'eval-user', 'eval-people'].map((family) => {
      const u = usage.get(family);
      const w = wide.get(family);
      return `| \`${family}\` | ${u?.keys ?? 0} | ${u?.fields ?? 0} | ${kib(u?.bytes ?? 0)} | ${[...(u?.encodings ?? [])].join(', ') || '–'} | ${kib(w?.bytes ?? 0)} (${w?.fields ?? 0} fields) |`;
    });
    emit(
      'Evaluation counts: Redis memory per workspace for a year',
      [
        `A workspace of 40 people writing, every week for ${WEEKS} weeks, ${Math.round(events / WEEKS)} events through the real store (1,500 classified messages, 150 items filed and 120 done, 20 digests, 80 nudges and 50 answers, an emergency with 6 pages, 8 corrections, hub posts and decisions), retention set to ${WEEKS} weeks. The fill is seeded, so every run writes the same counts: one run is measured, not a median. Personal counts and the people ranking of past weeks expire a week after their week ends, as in production. Redis \`hash-max-listpack-entries\` ${config[1] ?? '?'}; per-channel fields are capped at ${CHANNEL_FIELD_CAP} per week.`,
        '',
        '| key family | keys | fields / members | MEMORY USAGE (12 channels) | encoding | same with 40 channels |',
        '|---|---|---|---|---|---|',
        ...rows,
        '',
        `- **Memory per workspace for a year of counts: ${kib(total(usage))}** with 12 active channels, ${kib(total(wide))} with 40 (${kib(total(usage) / WEEKS)} and ${kib(total(wide) / WEEKS)} per week).`,
        `- Bound: at most one workspace hash (≈ ${usage.get('eval')?.fields && usage.get('eval')!.keys ? Math.round(usage.get('eval')!.fields / usage.get('eval')!.keys) : '?'} counters) and one channel hash (≤ ${CHANNEL_FIELD_CAP} fields, then \`_other\`) per kept week, plus personal hashes for this week and last only; nothing grows with the number of messages.`,
        `- Baseline, one Redis string per counter for the same workspace and channel counts: ${kib(naive)}; ratio hashes / strings **${(counterBytes / naive).toFixed(3)}**.`,
      ].join('\n'),
    );
  } finally {
    for (const prefix of prefixes) {
      await deleteMatching(redis, `${prefix}:*`);
    }
    redis.disconnect();
  }
}

void main();
