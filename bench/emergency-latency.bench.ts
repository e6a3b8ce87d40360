/**
 * Issue 6's speed goals. (1) Latency from a signed /emergency request leaving the load generator to the first
 * provider request arriving at a local provider fake, with an idle system and with 100,000 async jobs waiting
 * while every async worker slot is busy on jobs that wait on I/O. (2) Escalation pickup: from a delayed
 * escalation job falling due to an emergency worker taking it, idle against every async slot busy.
 *
 * Processes, as in production: the load generator, fake Slack and provider fakes here; Quadrant's web role in
 * one child; one worker child with the async (intake) workers and the emergency workers, built from the same
 * constructors as `quadrant start --role worker`. The async jobs' processor is a stand-in that waits on a slow
 * HTTP server (250 ms): what matters is that every slot is taken, not what the job does. Idle and backlog
 * rounds alternate. Prints one JSON object on stdout; children log to stderr at error level only.
 */
import { deleteMatching } from '../src/flows/admin/scan-keys';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { parseEnv } from '../src/config/env';
import { createLogger } from '../src/log';
import { startQuadrant } from '../src/main';
import { createProcessors } from '../src/queue/processors';
import { CONCURRENCY, createWorkers, type Processor } from '../src/queue/workers';
import type { QueueName } from '../src/queue/queues';
import { bullConnectionOptions } from '../src/redis';
import { FakeSlack } from '../sandbox/fake-slack';
import type { RecordedRequest } from '../sandbox/fakes/fake-server';
import { startProviderFakes } from '../sandbox/fakes/provider-fakes';
import { signRequest } from '../sandbox/sign';
import { emit, median, percentile, spread } from './lib/stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DECLARATIONS_PER_ROUND = Number(process.env.BENCH_DECLARATIONS ?? 40);
const PICKUPS_PER_ROUND = Number(process.env.BENCH_PICKUPS ?? 30);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 100_000);
const SLOW_JOB_MS = 250;
const SETTLE_MS = 2_000;
const GOAL_P99_MS = 100;
const GOAL_RATIO = 1.5;
const TEAM = 'T0SANDBOX';

const SETTINGS = `timezone: UTC
admins: [U0ADA]
channels:
  C0EMERG: { area: emergency }
emergency:
  channel: C0EMERG
  ack_timeout: 10m
  # One tier, no repeats: the declarations measured here schedule no escalation of their own.
  repeat_last_tier: 0
  tiers:
    - [{ slack: U0ADA, phone: "+15555550100" }]
  providers: [twilio_sms, twilio_voice, pagerduty, opsgenie, webhook, slack_dm]
`;

// ---- children

type ChildRole = 'web' | 'worker';

async function child(role: ChildRole): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger({ level: 'error', pretty: false });
  // The worker child uses the web role only as a way to build the same Deps; its HTTP server goes unused.
  const app = await startQuadrant({ env, role: 'web', logger });
  let workers: Awaited<ReturnType<typeof createWorkers>> = [];
  if (role === 'worker') {
    const slowUrl = process.env.BENCH_SLOW_URL!;
    const slow: Processor = async () => {
      const response = await fetch(slowUrl);
      return response.status;
    };
    const processors = { intake: slow, emergency: createProcessors(app.deps).emergency } as Record<QueueName, Processor>;
    workers = createWorkers(app.deps, bullConnectionOptions(env.REDIS_URL), processors);
    await Promise.all(workers.map((w) => w.waitUntilReady()));
  }
  process.send!({ ready: true, port: app.port });
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void Promise.all(workers.map((w) => w.close(true)))
      .then(() => app.stop())
      .finally(() => process.exit(0));
  });
}

function startChild(role: ChildRole, env: Record<string, string>): Promise<{ process: ChildProcess; port: number; stop(): Promise<void> }> {
  const proc = fork(__filename, ['--child', role], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${role} child exited early (${code})`)));
    proc.on('message', (message: { ready?: boolean; port?: number }) => {
      if (!message.ready) return;
      resolve({
        process: proc,
        port: message.port!,
        stop: () =>
          new Promise<void>((done) => {
            proc.removeAllListeners('exit');
            proc.once('exit', () => done());
            proc.send('stop');
            setTimeout(() => proc.kill('SIGKILL'), 10_000).unref();
          }),
      });
    });
  });
}

// ---- the load generator

interface Round {
  firstPageMs: number[];
  pickupMs: number[];
  waitingAtEnd: number;
  activeAtEnd: number;
}

function commandBody(text: string, n: number): string {
  return new URLSearchParams({
    token: 'legacy', team_id: TEAM, team_domain: 'sandbox', channel_id: 'C0OPS', channel_name: 'ops', user_id: 'U0BOB', user_name: 'bob',
    command: '/emergency', text, api_app_id: 'A0QUADRANT', is_enterprise_install: 'false', response_url: 'http://127.0.0.1:9/commands/bench',
    trigger_id: `${n}.${randomBytes(6).toString('hex')}`,
  }).toString();
}

async function main(): Promise<void> {
  const prefix = `bench-em-${randomBytes(3).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-emergency-'));
  writeFileSync(path.join(dir, 'quadrant.yml'), SETTINGS);
  const botToken = `xoxb-bench-${randomBytes(6).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const slack = await FakeSlack.start({ botToken });
  // Structural checks only: the spec validators' cost would swamp what is measured.
  const fakes = await startProviderFakes({ specDir: null });
  const slowServer: Server = createServer((_req, res) => setTimeout(() => res.end('ok'), SLOW_JOB_MS));
  await new Promise<void>((resolve) => slowServer.listen(0, '127.0.0.1', resolve));
  const slowUrl = `http://127.0.0.1:${(slowServer.address() as { port: number }).port}/job`;

  // First provider request per emergency, matched by a token in its text.
  const waiting = new Map<string, (at: number) => void>();
  const onRequest = (request: RecordedRequest) => {
    const token = /bench\d+r\d+n[a-f0-9]+/.exec(request.body)?.[0];
    const done = token ? waiting.get(token) : undefined;
    if (done) {
      waiting.delete(token!);
      done(performance.now());
    }
  };
  for (const fake of [fakes.twilio, fakes.pagerduty, fakes.opsgenie, fakes.webhook]) fake.onRequest(onRequest);

  const env: Record<string, string> = {
    ...fakes.env,
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redisUrl,
    QUADRANT_REDIS_PREFIX: prefix,
    QUADRANT_CONFIG: path.join(dir, 'quadrant.yml'),
    QUADRANT_SPOOL_DIR: path.join(dir, 'spool'),
    PORT: '0',
    LOG_LEVEL: 'error',
    BENCH_SLOW_URL: slowUrl,
  };
  const web = await startChild('web', env);
  const worker = await startChild('worker', env);
  const connection = bullConnectionOptions(redisUrl);
  const intake = new Queue('intake', { connection, prefix: `${prefix}:bull` });
  const emergency = new Queue('emergency', { connection, prefix: `${prefix}:bull` });
  let sequence = 0;
  let checksum = 0;

  async function declare(round: number): Promise<number> {
    const n = ++sequence;
    const token = `bench${n}r${round}n${randomBytes(3).toString('hex')}`;
    const arrived = new Promise<number>((resolve) => waiting.set(token, resolve));
    const body = commandBody(`bench emergency ${token}: checkout is down`, n);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...signRequest(signingSecret, body, Math.floor(Date.now() / 1000)) };
    const sent = performance.now();
    const response = await fetch(`http://127.0.0.1:${web.port}/slack/events`, { method: 'POST', headers, body });
    checksum += response.status + (await response.text()).length;
    return (await arrived) - sent;
  }

  async function pickups(round: string): Promise<number[]> {
    // Due 20 ms apart, so each is a separate wake-up of the emergency workers.
    const jobs = await Promise.all(
      Array.from({ length: PICKUPS_PER_ROUND }, (_, i) =>
        emergency.add('escalate', { team: TEAM, id: `bench-none-${round}-${i}`, step: 1 }, { jobId: `bench-pickup-${round}-${i}`, delay: 200 + i * 20, attempts: 1, removeOnComplete: false }),
      ),
    );
    const out: number[] = [];
    for (const job of jobs) {
      for (;;) {
        const done = await emergency.getJob(job.id!);
        if (done?.finishedOn && done.processedOn) {
          out.push(done.processedOn - (done.timestamp + (done.opts.delay ?? 0)));
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    return out;
  }

  async function fillBacklog(): Promise<void> {
    await intake.pause();
    let missing = BACKLOG - (await intake.getWaitingCount());
    while (missing > 0) {
      const size = Math.min(5_000, missing);
      await intake.addBulk(Array.from({ length: size }, (_, i) => ({ name: 'bench-slow', data: { i }, opts: { removeOnComplete: true, removeOnFail: true, attempts: 1 } })));
      missing -= size;
    }
    await intake.resume();
    while ((await intake.getActiveCount()) < CONCURRENCY.intake) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async function quiet(): Promise<void> {
    await intake.pause();
    await intake.drain();
    while ((await intake.getActiveCount()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await intake.resume();
  }

  async function round(r: number, backlog: boolean): Promise<Round> {
    if (backlog) await fillBacklog();
    else await quiet();
    // Let Redis finish the set-up's own work (adding or deleting 100,000 jobs) before measuring either state.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const firstPageMs: number[] = [];
    for (let i = 0; i < DECLARATIONS_PER_ROUND; i++) {
      firstPageMs.push(await declare(r));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const pickupMs = await pickups(`${r}-${backlog ? 'busy' : 'idle'}`);
    return { firstPageMs, pickupMs, waitingAtEnd: await intake.getWaitingCount(), activeAtEnd: await intake.getActiveCount() };
  }

  const idle: Round[] = [];
  const busy: Round[] = [];
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  try {
    // Warm-up: JIT, connections, the code path (discarded).
    await quiet();
    for (let i = 0; i < 10; i++) await declare(0);
    await pickups('warm-up');
    for (let r = 1; r <= ROUNDS; r++) {
      // Alternate which goes first, so a drift over the run does not favour one side.
      if (r % 2) {
        idle.push(await round(r, false));
        busy.push(await round(r, true));
      } else {
        busy.push(await round(r, true));
        idle.push(await round(r, false));
      }
    }
  } finally {
    await web.stop();
    await worker.stop();
    for (const queue of [intake, emergency]) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    const redis = new Redis(redisUrl);
    await deleteMatching(redis, `${prefix}:*`);
    redis.disconnect();
    await fakes.stop();
    await slack.stop();
    slowServer.closeAllConnections();
    slowServer.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const all = (rounds: Round[], pick: (r: Round) => number[]) => rounds.flatMap(pick);
  const stats = (rounds: Round[], pick: (r: Round) => number[]) => {
    const values = all(rounds, pick);
    return { p50: percentile(values, 50), p99: percentile(values, 99), roundP99: rounds.map((r) => percentile(pick(r), 99)), n: values.length };
  };
  const idleFirst = stats(idle, (r) => r.firstPageMs);
  const busyFirst = stats(busy, (r) => r.firstPageMs);
  const idlePick = stats(idle, (r) => r.pickupMs);
  const busyPick = stats(busy, (r) => r.pickupMs);
  const firstRatio = busyFirst.p99 / idleFirst.p99;
  // Pickups take single milliseconds; a floor of 1 ms keeps a 0 ms idle p99 from making the ratio meaningless.
  const pickRatio = Math.max(1, busyPick.p99) / Math.max(1, idlePick.p99);
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const backlogSeen = busy.map((r) => `${r.waitingAtEnd} waiting / ${r.activeAtEnd} active`).join('; ');
  const row = (label: string, first: ReturnType<typeof stats>, pick: ReturnType<typeof stats>) =>
    `| ${label} | ${first.p50.toFixed(1)} | **${first.p99.toFixed(1)}** | ${spread(first.roundP99, 1)} | ${pick.p50.toFixed(1)} | **${pick.p99.toFixed(1)}** | ${spread(pick.roundP99, 1)} |`;

  const markdown = [
    `Signed \`/emergency\` commands sent one at a time to Quadrant's web role (its own process); measured from just before the request leaves the load generator to the first request for that emergency reaching any provider fake (Twilio, PagerDuty, Opsgenie, webhook; all six providers configured, one person in tier 1). Escalation pickup: \`escalate\` jobs added with a delay, measured from when each fell due to \`processedOn\` in the worker process. Baseline: idle system (no async jobs). Candidate: ${BACKLOG.toLocaleString('en')} async jobs waiting in the intake queue and all ${CONCURRENCY.intake} async worker slots busy on jobs that wait ${SLOW_JOB_MS} ms on HTTP, in the same process as the emergency workers (as \`--role worker\` runs them). ${ROUNDS} rounds each, alternating; ${DECLARATIONS_PER_ROUND} declarations and ${PICKUPS_PER_ROUND} pickups per round. Load average at start: ${load}.`,
    '',
    '| scenario | first page p50 ms | first page p99 ms | p99 per round, median (range) | pickup p50 ms | pickup p99 ms | pickup p99 per round |',
    '|---|---|---|---|---|---|---|',
    row('idle (baseline)', idleFirst, idlePick),
    row(`${BACKLOG.toLocaleString('en')} waiting, async slots busy`, busyFirst, busyPick),
    '',
    `- First page p99, idle: **${idleFirst.p99.toFixed(1)} ms**; with the backlog: **${busyFirst.p99.toFixed(1)} ms** (goal < ${GOAL_P99_MS} ms: ${met(idleFirst.p99 < GOAL_P99_MS && busyFirst.p99 < GOAL_P99_MS)}).`,
    `- First page p99 ratio backlog / idle: **${firstRatio.toFixed(2)}** (goal ≤ ${GOAL_RATIO}: ${met(firstRatio <= GOAL_RATIO)}).`,
    `- Escalation pickup p99 ratio busy / idle: **${pickRatio.toFixed(2)}** (goal ≤ ${GOAL_RATIO}: ${met(pickRatio <= GOAL_RATIO)}).`,
    `- Backlog at the end of each backlog round: ${backlogSeen}. Samples: ${idleFirst.n} + ${busyFirst.n} declarations, ${idlePick.n} + ${busyPick.n} pickups (checksum ${checksum}).`,
  ].join('\n');
  emit('Emergency: time to first page and escalation pickup, idle vs. 100,000-job backlog', markdown);
}

const childRole = process.argv[2] === '--child' ? (process.argv[3] as ChildRole) : undefined;
if (childRole) {
  void child(childRole).catch((err: unknown) => {
    process.stderr.write(`emergency bench ${childRole} child failed: ${String(err)}\n`);
    process.exit(1);
  });
} else {
  void main().catch((err: unknown) => {
    process.stderr.write(`emergency bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
