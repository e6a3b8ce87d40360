/**
 * Acknowledgement of a signed `/async` command: Quadrant's web role against a bare Bolt app that only acks,
 * the same load generator (autocannon, in this process) and the same requests, alternating round by round.
 * A third server, bare Bolt that makes one Redis write before it acks, shows what storing before answering
 * costs by itself. Also the intake ratio: /async items accepted per second against raw BullMQ `add` of the
 * same payloads, with bare Bolt's own ratio as the ceiling any Bolt app reaches on this machine.
 */
import { deleteMatching } from '../src/flows/admin/scan-keys';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { runOnce, startServer, type Server } from './lib/servers';
import { loadAsyncCommands } from './lib/load';
import { emit, median, spread } from './lib/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const secret = randomBytes(16).toString('hex');

interface Round {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU time the server process spent per request (all its threads), in µs; NaN where /proc is missing. */
  cpu: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time of a process so far, in µs, from /proc (Linux); NaN elsewhere. */
function cpuMicros(pid: number | undefined): number {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return NaN;
  // Fields after the command name, which sits in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1e6;
}

async function load(server: Server, connections: number): Promise<Round> {
  const before = cpuMicros(server.child.pid);
  const result = await loadAsyncCommands(server.port, secret, { connections, seconds: SECONDS });
  const cpu = (cpuMicros(server.child.pid) - before) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, cpu };
}

async function main(): Promise<void> {
  const prefix = `bench-ack-${randomBytes(3).toString('hex')}`;
  const env = { BENCH_SIGNING_SECRET: secret, BENCH_PREFIX: prefix };
  const bare: Server = await startServer('bare-bolt', env);
  const floor: Server = await startServer('bolt-one-redis-write', env);
  const quadrant: Server = await startServer('quadrant-web', env);
  const base: Round[] = [];
  const stored: Round[] = [];
  const cand: Round[] = [];
  const raw: number[] = [];
  try {
    // Warm both JITs before measuring.
    await load(bare, 10);
    await load(floor, 10);
    await load(quadrant, 10);
    for (let r = 0; r < ROUNDS; r++) {
      base.push(await load(bare, 10));
      stored.push(await load(floor, 10));
      cand.push(await load(quadrant, 10));
      raw.push((await runOnce<{ perSecond: number }>('raw-bullmq-add', { BENCH_PREFIX: `${prefix}-raw`, BENCH_SECONDS: String(SECONDS) })).perSecond);
    }
    const at50 = await load(quadrant, 50);
    const bare50 = await load(bare, 50);

    const ratioRps = median(cand.map((c) => c.rps)) / median(base.map((b) => b.rps));
    const ratioP99 = median(cand.map((c) => c.p99)) / median(base.map((b) => b.p99));
    const ratioStored = median(stored.map((c) => c.rps)) / median(base.map((b) => b.rps));
    const intake = median(cand.map((c) => c.rps)) / median(raw);
    const ceiling = median(base.map((b) => b.rps)) / median(raw);
    const cpuRatio = median(base.map((b) => b.cpu)) / median(cand.map((c) => c.cpu));
    const rows = [
      '| scenario | req/s, median (range) | p50 ms | p99 ms | non-2xx | server CPU µs/request |',
      '|---|---|---|---|---|---|',
      `| bare Bolt, ack only, 10 connections | ${spread(base.map((b) => b.rps))} | ${spread(base.map((b) => b.p50), 1)} | ${spread(base.map((b) => b.p99), 1)} | ${base.reduce((s, b) => s + b.non2xx, 0)} | ${spread(base.map((b) => b.cpu))} |`,
      `| bare Bolt + one Redis SET before the ack, 10 connections | ${spread(stored.map((c) => c.rps))} | ${spread(stored.map((c) => c.p50), 1)} | ${spread(stored.map((c) => c.p99), 1)} | ${stored.reduce((s, c) => s + c.non2xx, 0)} | ${spread(stored.map((c) => c.cpu))} |`,
      `| Quadrant /async (classify, file in Redis, answer in the ack), 10 connections | ${spread(cand.map((c) => c.rps))} | ${spread(cand.map((c) => c.p50), 1)} | ${spread(cand.map((c) => c.p99), 1)} | ${cand.reduce((s, c) => s + c.non2xx, 0)} | ${spread(cand.map((c) => c.cpu))} |`,
      `| bare Bolt, 50 connections | ${bare50.rps.toFixed(0)} | ${bare50.p50} | ${bare50.p99} | ${bare50.non2xx} | ${bare50.cpu.toFixed(0)} |`,
      `| Quadrant, 50 connections | ${at50.rps.toFixed(0)} | ${at50.p50} | ${at50.p99} | ${at50.non2xx} (errors ${at50.errors}) | ${at50.cpu.toFixed(0)} |`,
      `| raw BullMQ \`add\` of the same payloads, 10 in flight | ${spread(raw)} | | | | |`,
    ];
    const goals = [
      `- Throughput ratio Quadrant / bare Bolt at 10 connections: **${ratioRps.toFixed(2)}** (goal ≥ 0.90: ${ratioRps >= 0.9 ? 'met' : 'not met'}).`,
      `- p99 ratio: **${ratioP99.toFixed(2)}** (goal ≤ 1.25: ${ratioP99 <= 1.25 ? 'met' : 'not met'}).`,
      `- Non-2xx answers at 50 connections: **${at50.non2xx}** (goal 0: ${at50.non2xx === 0 ? 'met' : 'not met'}).`,
      `- Server CPU per request, bare Bolt / Quadrant: ${cpuRatio.toFixed(2)}. On two cores, with the load generator on one, this is the throughput ratio the servers would show on their own; the req/s ratio also carries how the machine shares its cores that round. Redis's own CPU is not in either column.`,
      `- What storing before answering costs by itself: bare Bolt + one Redis SET / bare Bolt = ${ratioStored.toFixed(2)}; Quadrant / that = ${(ratioRps / ratioStored).toFixed(2)}.`,
      `- Intake: /async items accepted per second against raw BullMQ add: **${intake.toFixed(2)}** (goal ≥ 0.5: ${intake >= 0.5 ? 'met' : 'not met'}). Ceiling on this machine: bare Bolt acknowledging without doing anything reaches ${ceiling.toFixed(2)} of raw add, so no app behind Bolt's HTTP receiver can reach 0.5 here; Quadrant reaches ${(intake / ceiling).toFixed(2)} of that ceiling.`,
    ];
    emit(
      'Acknowledging /async: Quadrant against bare Bolt',
      [
        `Load: autocannon in the bench process, ${SECONDS} s per round, ${ROUNDS} alternating rounds after a warm-up; each request is a freshly signed \`/async\` with its own trigger id, so every one files a new item.`,
        'Both servers run in their own processes on this machine; on two cores the load generator takes one. Server CPU is read from /proc for each round (user + system time of the whole process).',
        "Bare Bolt runs with its defaults. Quadrant runs Bolt without what it does not need on the ack path: the conversation store, Bolt's signature check (Quadrant checks the signature itself with one HMAC and a constant-time compare, where Bolt parses each body twice and compares with tsscmp) and the ignoreSelf middleware (done in Quadrant's one router middleware).",
        '',
        ...rows,
        '',
        ...goals,
      ].join('\n'),
    );
  } finally {
    await bare.stop();
    await floor.stop();
    await quadrant.stop();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await deleteMatching(redis, `${prefix}*`);
    redis.disconnect();
  }
}

void main();
