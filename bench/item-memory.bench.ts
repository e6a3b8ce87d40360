/**
 * What one filed item costs Redis: memory per item waiting for its digest, and commands per `/async` (one
 * fileItem call). Baseline: the same item's JSON stored with one bare SET (the least any store must keep and
 * send). Candidate: fileItem (item, open-items and author indexes, source index). Runs against a redis-server
 * of its own, because INFO memory and INFO commandstats are server-wide. Rounds alternate baseline and candidate.
 */
import { freePort } from '../sandbox/private-redis';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { bullConnectionOptions } from '../src/redis';
import { parseEnv } from '../src/config/env';
import { fileItem } from '../src/flows/file-item';
import { createLogger } from '../src/log';
import { startQuadrant } from '../src/main';
import { FakeSlack } from '../sandbox/fake-slack';
import { isRedisAnswering } from '../sandbox/private-redis';
import { BENCH_TEXTS } from './lib/slack-command';
import { emit, median, spread } from './lib/stats';

const N = Number(process.env.BENCH_ITEMS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const GOAL_BYTES = 1536;
const TEAM = 'T0BENCH';
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'dev.jsonl');

/** Real message texts (the labelled corpus) when it is there, else the command bench's texts. */
function texts(): string[] {
  if (!existsSync(CORPUS)) return BENCH_TEXTS;
  return readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
}

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await isRedisAnswering(url, 200)); i++) await new Promise((r) => setTimeout(r, 50));
  return { url, child };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

const SCRIPT_CALLS = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall']);

/**
 * Calls per command since the server started, without INFO itself, and Redis's time in them (µs). A script's
 * time already includes the commands it runs, which commandstats also lists on their own: when scripts ran,
 * only their time is counted (every client call measured here is a script call, MONITOR shows).
 */
async function commandCalls(redis: Redis): Promise<{ calls: Map<string, number>; usec: Map<string, number> }> {
  const info = await redis.info('commandstats');
  const calls = new Map<string, number>();
  const usec = new Map<string, number>();
  for (const m of info.matchAll(/cmdstat_([a-z|_]+):calls=(\d+),usec=(\d+)/g)) {
    if (m[1] === 'info') continue;
    calls.set(m[1]!, Number(m[2]));
    usec.set(m[1]!, Number(m[3]));
  }
  return { calls, usec };
}

function redisTime(usec: Map<string, number>): number {
  const scripts = [...usec].filter(([name]) => SCRIPT_CALLS.has(name));
  return (scripts.length ? scripts : [...usec]).reduce((sum, [, n]) => sum + n, 0);
}

function delta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, n] of after) if (n - (before.get(name) ?? 0) > 0) out.set(name, n - (before.get(name) ?? 0));
  return out;
}

const total = (calls: Map<string, number>) => [...calls.values()].reduce((a, b) => a + b, 0);

async function deleteMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    // DEL, not UNLINK: memory must be back before the next measurement starts.
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

interface Measure {
  bytes: number;
  commands: Map<string, number>;
  /** Redis's own time per item, µs (see commandCalls). */
  redisMicros: number;
}

async function main(): Promise<void> {
  const redisServer = await startRedis();
  const botToken = `xoxb-bench-${randomBytes(4).toString('hex')}`;
  const slack = await FakeSlack.start({ botToken });
  const prefix = `bench-mem-${randomBytes(3).toString('hex')}`;
  const env = parseEnv({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'), SLACK_API_URL: slack.apiUrl, REDIS_URL: redisServer.url, QUADRANT_REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'silent' });
  const app = await startQuadrant({ env, role: 'web', logger: createLogger({ level: 'silent', pretty: false }) });
  const { deps } = app;
  const stats = new Redis(redisServer.url);
  const corpus = texts();
  let serial = 0;
  const input = (i: number) => ({ team: TEAM, author: `U0BENCH${i % 40}`, channel: 'C0OPS', text: corpus[i % corpus.length]!, source: 'command' as const, seed: `bench-${serial++}` });
  let sample = '';

  try {
    await deps.settings.set(TEAM, { timezone: 'Europe/Budapest', channels: { C0OPS: { area: 'daily_operations', digest: { at: '09:00' } } } }, 'U0BENCH');
    // Warm-up: settings cached, subscription made, scripts compiled, JIT warm.
    for (let i = 0; i < 200; i++) await fileItem(deps, input(i));
    sample = (await stats.get(deps.keys.item(TEAM, (await fileItem(deps, input(0))).item.id))) ?? '';
    await deleteMatching(stats, `${prefix}:item*`);
    await deleteMatching(stats, `${prefix}:open*`);
    await deleteMatching(stats, `${prefix}:user-items*`);

    async function measure(work: () => Promise<void>, cleanup: string[]): Promise<Measure> {
      const memBefore = await usedMemory(stats);
      const callsBefore = await commandCalls(stats);
      await work();
      const callsAfter = await commandCalls(stats);
      const memAfter = await usedMemory(stats);
      for (const pattern of cleanup) await deleteMatching(stats, pattern);
      // Commands made by the stats connection itself (the INFO before) are excluded by name.
      return { bytes: (memAfter - memBefore) / N, commands: delta(callsBefore.calls, callsAfter.calls), redisMicros: redisTime(delta(callsBefore.usec, callsAfter.usec)) / N };
    }

    const baseline: Measure[] = [];
    const candidate: Measure[] = [];
    const bull: Measure[] = [];
    const queue = new Queue('bench-intake', { connection: bullConnectionOptions(redisServer.url), prefix: `${prefix}-bull` });
    await queue.waitUntilReady();
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(
        await measure(async () => {
          const raw = new Redis(redisServer.url);
          await Promise.all(Array.from({ length: N }, (_, i) => raw.set(`${prefix}:raw:${round}:${i}`, sample.replace(/"id":"[^"]+"/, `"id":"r${i}"`))));
          raw.disconnect();
        }, [`${prefix}:raw:*`]),
      );
      candidate.push(
        await measure(async () => {
          await Promise.all(Array.from({ length: N }, (_, i) => fileItem(deps, input(i))));
        }, [`${prefix}:item*`, `${prefix}:open*`, `${prefix}:user-items*`]),
      );
      bull.push(
        await measure(async () => {
          const item = JSON.parse(sample) as Record<string, unknown>;
          await Promise.all(Array.from({ length: N }, (_, i) => queue.add('item', { ...item, id: `b${round}-${i}` })));
        }, [`${prefix}-bull:bench-intake:[0-9]*`, `${prefix}-bull:bench-intake:wait`, `${prefix}-bull:bench-intake:events`, `${prefix}-bull:bench-intake:id`]),
      );
    }
    await queue.obliterate({ force: true });
    await queue.close();

    // Round trips: commands sent by the client, as opposed to those an EVAL runs inside Redis (MONITOR tags them "lua").
    const monitor = await stats.monitor();
    const sent = new Map<string, number>();
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (source === 'lua') return;
      const name = String(args[0]).toLowerCase();
      sent.set(name, (sent.get(name) ?? 0) + 1);
    });
    const MONITORED = 200;
    for (let i = 0; i < MONITORED; i++) await fileItem(deps, input(i));
    await new Promise((r) => setTimeout(r, 200));
    monitor.disconnect();
    await deleteMatching(stats, `${prefix}:item*`);
    await deleteMatching(stats, `${prefix}:open*`);
    await deleteMatching(stats, `${prefix}:user-items*`);
    const roundTrips = [...sent.entries()].filter(([name]) => name !== 'info').sort((a, b) => b[1] - a[1]);

    const perCall = (m: Measure) => total(m.commands) / N;
    const memBase = median(baseline.map((m) => m.bytes));
    const memCand = median(candidate.map((m) => m.bytes));
    const cmdBase = median(baseline.map(perCall));
    const cmdCand = median(candidate.map(perCall));
    const usecCand = median(candidate.map((m) => m.redisMicros));
    const usecBull = median(bull.map((m) => m.redisMicros));
    const breakdown = [...candidate.at(-1)!.commands.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name} ${(n / N).toFixed(2)}`)
      .join(', ');
    emit(
      'Redis cost of a filed item',
      [
        `Memory per item waiting for its digest (INFO memory used_memory delta over ${N.toLocaleString('en')} items / ${N.toLocaleString('en')}) and Redis commands per \`/async\` (INFO commandstats delta around ${N.toLocaleString('en')} fileItem calls, script-internal commands included). A private redis-server ${await stats.info('server').then((s) => /redis_version:(\S+)/.exec(s)?.[1])}, ${ROUNDS} rounds alternating baseline and candidate; median (min–max). Texts: ${corpus === BENCH_TEXTS ? 'the command bench texts' : `the labelled corpus (${corpus.length} messages, about ${Math.round(corpus.reduce((n, t) => n + t.length, 0) / corpus.length)} characters each)`}; item JSON about ${sample.length} bytes.`,
        '',
        '| measure | baseline: bare SET of the item JSON | candidate: fileItem | ratio |',
        '|---|---|---|---|',
        `| bytes per item | ${spread(baseline.map((m) => m.bytes))} | ${spread(candidate.map((m) => m.bytes))} | ${(memCand / memBase).toFixed(2)}× |`,
        `| Redis commands per call | ${spread(baseline.map(perCall), 2)} | ${spread(candidate.map(perCall), 2)} | ${(cmdCand / cmdBase).toFixed(1)}× |`,
        `| Redis time per item, µs | ${spread(baseline.map((m) => m.redisMicros), 1)} | ${spread(candidate.map((m) => m.redisMicros), 1)} | ${(usecCand / median(baseline.map((m) => m.redisMicros))).toFixed(1)}× |`,
        '',
        `For the intake question, the same item JSON queued with BullMQ \`add\` (one job each, ${ROUNDS} rounds interleaved with the above): ${spread(bull.map((m) => m.bytes))} bytes and ${spread(bull.map(perCall), 2)} commands per job, ${spread(bull.map((m) => m.redisMicros), 1)} µs of Redis time per job. Filing an item costs Redis **${(usecCand / usecBull).toFixed(2)}×** the time of a BullMQ add: web processes scale out (see README), Redis does not, so when intake is spread over enough web processes it is bounded by Redis, where an /async costs less than the raw add it is compared with.`,
        '',
        `Candidate commands per call, by name: ${breakdown}. Of these, sent by the client (MONITOR over ${MONITORED} calls): ${roundTrips.map(([name, n]) => `${name} ${(n / MONITORED).toFixed(2)}`).join(', ')}; the rest run inside the EVAL. Settings are cached in process after the first read.`,
        '',
        `Goal: at most ${GOAL_BYTES} bytes per queued item. ${memCand <= GOAL_BYTES ? 'Met' : 'Not met'} (median ${Math.round(memCand)} bytes).`,
      ].join('\n'),
    );
  } finally {
    stats.disconnect();
    await app.stop();
    await slack.stop();
    redisServer.child.kill('SIGKILL');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
