/**
 * What counting costs on the hot path: `/async` acknowledgement throughput of Quadrant's web role with
 * evaluation recording on, against the same server with it off (QUADRANT_EVALUATION=off), alternating round by
 * round. Recording adds the filing's counters to an in-memory batch (no Redis call on the path) that is written
 * every half second, one command per workspace and week. The candidate's counts are read back at the end:
 * the filings counted must equal the items stored.
 */
import { deleteMatching, scanKeys } from '../src/flows/admin/scan-keys';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { weekOf } from '../src/core/evaluation';
import { startServer, type Server } from './lib/servers';
import { loadAsyncCommands } from './lib/load';
import { emit, median, spread } from './lib/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 10;
const GOAL = 0.95;
const secret = randomBytes(16).toString('hex');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Round {
  rps: number;
  p99: number;
  ok: number;
  non2xx: number;
}

async function load(port: number, seconds = SECONDS): Promise<Round> {
  const result = await loadAsyncCommands(port, secret, { connections: CONNECTIONS, seconds });
  return { rps: result.requests.average, p99: result.latency.p99, ok: result['2xx'], non2xx: result.non2xx };
}

async function filedCounted(redis: Redis, prefix: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500)); // the last batch is written within half a second
  return Number((await redis.hget(`${prefix}:eval:T0BENCH:${weekOf(Date.now(), 'UTC')}`, 'filed')) ?? 0);
}

async function main(): Promise<void> {
  const redis = new Redis(redisUrl);
  const tag = randomBytes(3).toString('hex');
  const offPrefix = `bench-evoff-${tag}`;
  const onPrefix = `bench-evon-${tag}`;
  let on: Server | undefined;
  let off: Server | undefined;
  try {
    on = await startServer('quadrant-web', { BENCH_SIGNING_SECRET: secret, BENCH_PREFIX: onPrefix });
    off = await startServer('quadrant-web', { BENCH_SIGNING_SECRET: secret, BENCH_PREFIX: offPrefix, QUADRANT_EVALUATION: 'off' });

    await load(on.port); // warm-up
    await load(off.port);
    const base: Round[] = [];
    const cand: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      base.push(await load(off.port));
      cand.push(await load(on.port));
    }
    const counted = await filedCounted(redis, onPrefix);
    const stored = await countKeys(redis, `${onPrefix}:item:T0BENCH:*`);
    const offCounted = await filedCounted(redis, offPrefix);

    const ratio = median(cand.map((c) => c.rps)) / median(base.map((b) => b.rps));
    const p99Ratio = median(cand.map((c) => c.p99)) / median(base.map((b) => b.p99));
    emit(
      'Evaluation recording: /async acknowledgement with and without counting',
      [
        `Load: autocannon in the bench process, ${CONNECTIONS} connections, ${SECONDS} s per round, ${ROUNDS} alternating rounds after a warm-up; every request is a freshly signed \`/async\` that files a new item.`,
        `Baseline: Quadrant's web role with \`QUADRANT_EVALUATION=off\` (a store that records nothing). Candidate: the same with recording on, through the /async path as wired.`,
        '',
        '| scenario | req/s, median (range) | p99 ms, median (range) | non-2xx |',
        '|---|---|---|---|',
        `| evaluation off | ${spread(base.map((b) => b.rps))} | ${spread(base.map((b) => b.p99), 1)} | ${base.reduce((s, b) => s + b.non2xx, 0)} |`,
        `| evaluation on | ${spread(cand.map((c) => c.rps))} | ${spread(cand.map((c) => c.p99), 1)} | ${cand.reduce((s, c) => s + c.non2xx, 0)} |`,
        '',
        `- Throughput ratio on / off: **${ratio.toFixed(3)}** (goal ≥ ${GOAL}: ${ratio >= GOAL ? 'met' : 'not met'}); p99 ratio ${p99Ratio.toFixed(2)}.`,
        `- Filings counted by the candidate: ${counted} of the ${stored} items it stored${counted === stored ? ' (every one)' : ''}; the baseline counted ${offCounted}.`,
      ].join('\n'),
    );
  } finally {
    await on?.stop();
    await off?.stop();
    await deletePrefix(redis, offPrefix);
    await deletePrefix(redis, onPrefix);
    redis.disconnect();
  }
}

async function countKeys(redis: Redis, pattern: string): Promise<number> {
  let n = 0;
  await scanKeys(redis, pattern, async (keys) => {
    n += keys.length;
  });
  return n;
}

async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  await deleteMatching(redis, `${prefix}:*`);
}

void main();
