import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../sandbox/private-redis';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postDigest, type PostDigestOutcome } from '../../src/flows/digest/post-digest';
import { createDigestStore } from '../../src/store/digest-store';
import { FakeSlack, type RecordedCall } from '../../sandbox/fake-slack';
import { isRedisAnswering } from '../../sandbox/private-redis';
import { addItems, METHODS_INDEX, OPS, postCounts, posted, startDigestWorld, TEAM, type DigestWorld } from './digest-harness';

/**
 * Exactly once under failure, against a redis-server of this file's own (never the shared one: these tests
 * kill it). What "survives a Redis restart" means here: Redis runs as production should, with the append-only
 * file fsynced on every write (`--appendonly yes --appendfsync always`), so a restart, even after SIGKILL,
 * loses no write Redis acknowledged. Quadrant's part is to record progress before and after every message,
 * so whatever Redis kept is enough to resume, and to look a message up in Slack when Redis cannot say whether
 * it was sent. (With appendfsync everysec a crash can lose the last second of writes; a lost progress mark is
 * still recovered from Slack, but a lost plan could not be.)
 */

const ITEMS = 30;
const BOT_TOKEN = 'xoxb-crash-test-token';

class PrivateRedis {
  private child?: ChildProcess;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no'];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await isRedisAnswering(this.url, 200)); i++) await new Promise((r) => setTimeout(r, 50));
    if (!(await isRedisAnswering(this.url, 500))) throw new Error('private redis-server did not start');
  }

  /** As a crash would: no shutdown, no final save. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}

const slotOf = (call: RecordedCall) => (call.args.metadata as { event_payload?: { slot?: string } } | undefined)?.event_payload?.slot;

/** Resolves once Slack has answered the post of `slot` (before the poster has necessarily recorded it). */
function slackAnswered(slack: FakeSlack, slot: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = (call: RecordedCall) => {
      if (call.method !== 'chat.postMessage' || call.status !== 200 || slotOf(call) !== slot) return;
      slack.off('call', listener);
      resolve();
    };
    slack.on('call', listener);
  });
}

// The child runs TypeScript straight from the tree: this hook compiles each file as ts-jest does (transpile
// only), caching the output beside it so the next child starts faster.
const HOOK = `
const ts = require(${JSON.stringify(require.resolve('typescript'))});
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const cacheDir = path.join(__dirname, 'ts-cache');
fs.mkdirSync(cacheDir, { recursive: true });
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, crypto.createHash('sha1').update(filename + '\\0' + source).digest('hex') + '.js');
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    fs.writeFileSync(cached + '.' + process.pid, code);
    fs.renameSync(cached + '.' + process.pid, cached);
  }
  module._compile(code, filename);
};
`;

interface WorkerProcess {
  child: ChildProcess;
  /** Started and connected, about to post (or to wait for "go"). */
  ready: Promise<void>;
  /** The outcome it printed, or undefined when it was killed. */
  done: Promise<PostDigestOutcome | undefined>;
}

describe('digest posting under failure', () => {
  let dir: string;
  let hook: string;
  let redis: PrivateRedis;
  let slack: FakeSlack;
  let world: DigestWorld;
  let ids: string[];

  function spawnWorker(digestId: string, intervalMs: number, waitForGo = false): WorkerProcess {
    const child = spawn(process.execPath, ['-r', hook, path.join(__dirname, 'digest-crash-worker.ts')], {
      env: {
        ...process.env,
        DIGEST_REDIS_URL: redis.url,
        DIGEST_PREFIX: world.prefix,
        DIGEST_SLACK_API_URL: slack.apiUrl,
        DIGEST_BOT_TOKEN: BOT_TOKEN,
        DIGEST_ID: digestId,
        DIGEST_INTERVAL_MS: String(intervalMs),
        DIGEST_LOCK_TTL_MS: '1500',
        ...(waitForGo ? { DIGEST_WAIT_FOR_GO: '1' } : {}),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const ready = new Promise<void>((resolve) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.startsWith('ready\n')) resolve();
      });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const done = new Promise<PostDigestOutcome | undefined>((resolve, reject) => {
      child.once('exit', (code, signal) => {
        if (signal === 'SIGKILL') return resolve(undefined);
        if (code !== 0) return reject(new Error(`digest worker exited ${code}: ${err}`));
        resolve(JSON.parse(out.trim().split('\n').pop()!) as PostDigestOutcome);
      });
    });
    return { child, ready, done };
  }

  /** Every item listed by exactly one reply, one parent, the digest recorded as done. */
  async function expectExactlyOnce(digestId: string): Promise<void> {
    const counts = postCounts(slack);
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(posted(slack, digestId).filter((m) => m.slot === 'parent')).toHaveLength(1);
    const record = await createDigestStore(world.deps.redis, world.deps.keys).load(TEAM, OPS, digestId);
    expect(record).toMatchObject({ state: 'done' });
    const items = await Promise.all(ids.map((id) => world.deps.items.get(TEAM, id)));
    expect(items.filter((i) => !i?.posted?.ts)).toEqual([]);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'quadrant-digest-crash-'));
    hook = path.join(dir, 'ts-hook.js');
    writeFileSync(hook, HOOK);
    redis = new PrivateRedis(dir, await freePort());
    await redis.start();
  });
  afterAll(async () => {
    await redis.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    slack = await FakeSlack.start({ botToken: BOT_TOKEN, strictIndexPath: METHODS_INDEX });
    world = await startDigestWorld({ redisUrl: redis.url, slack, botToken: BOT_TOKEN });
    ids = (await addItems(world.deps, ITEMS, 'c', Date.now())).map((i) => i.id);
  });
  afterEach(async () => {
    await world.stop();
    await slack.stop();
  });

  describe('when the worker is killed (SIGKILL) part-way and the job runs again', () => {
    // Right after Slack answered: the dead worker may or may not have recorded that message.
    const cases: Array<[label: string, killAfter: string]> = [
      ['after the parent', 'parent'],
      ['after the first reply', 'r0'],
      ['half-way through the replies', 'r14'],
      ['after the last reply, before the digest is marked done', `r${ITEMS - 1}`],
    ];
    test.each(cases)('%s: every item is posted exactly once', async (_label, killAfter) => {
      const worker = spawnWorker('crash', 10);
      await slackAnswered(slack, killAfter);
      worker.child.kill('SIGKILL');
      expect(await worker.done).toBeUndefined();
      const outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'crash', reason: 'now' }, { intervalMs: 0, lockWaitMs: 30_000 });
      expect(outcome).toMatchObject({ status: 'posted', resumed: true });
      await expectExactlyOnce('crash');
    }, 60_000);
  });

  test('Redis killed and restarted part-way: the digest resumes, nothing lost or posted twice', async () => {
    const options = { intervalMs: 10, lockTtlMs: 1500, lockWaitMs: 30_000 };
    // BullMQ's connections report the outage as 'error' events; a worker process logs them, the test need not.
    for (const queue of Object.values(world.deps.queues)) queue.on('error', () => undefined);
    const run = postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'redis-restart', reason: 'now' }, options).catch((err: unknown) => err);
    await slackAnswered(slack, 'r9');
    await redis.kill();
    await new Promise((r) => setTimeout(r, 300));
    await redis.start();
    // The interrupted attempt may finish once Redis is back, or fail; a failed one is retried, as BullMQ would.
    let outcome = await run;
    if (outcome instanceof Error) outcome = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'redis-restart', reason: 'now' }, options);
    expect(outcome).toMatchObject({ status: 'posted' });
    await expectExactlyOnce('redis-restart');
  }, 60_000);

  test('two worker processes racing on one digest: one posts, the other finds it done', async () => {
    const workers = [spawnWorker('race', 20, true), spawnWorker('race', 20, true)];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin!.end('go\n');
    const outcomes = await Promise.all(workers.map((w) => w.done));
    expect(outcomes.map((o) => o?.status).sort()).toEqual(['already_posted', 'posted']);
    await expectExactlyOnce('race');
  }, 60_000);

  test('two plans over the same items: the claim is all-or-nothing, so no item is in both', async () => {
    const store = createDigestStore(world.deps.redis, world.deps.keys);
    const plan = (digestId: string) => ({
      digestId, channel: OPS, reason: 'now' as const, at: Date.now(), timezone: 'UTC', carried: [], snoozed: 0, names: {},
      replies: ids.map((id, i) => ({ priority: 'do' as const, first: i + 1, last: i + 1, ids: [id] })),
    });
    const results = await Promise.all([store.plan(TEAM, plan('left')), store.plan(TEAM, plan('right'))]);
    expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'planned']);
    const winner = results[0]!.status === 'planned' ? 'left' : 'right';
    const items = await Promise.all(ids.map((id) => world.deps.items.get(TEAM, id)));
    expect(new Set(items.map((i) => i?.posted?.digestId))).toEqual(new Set([winner]));
  });
});
