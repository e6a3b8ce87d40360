import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { FakeSlack } from '../../sandbox/fake-slack';
import { createQueues, closeQueues } from '../../src/queue/queues';
import { bullConnectionOptions } from '../../src/redis';
import { createKeys } from '../../src/store/keys';
import { createItemStore } from '../../src/store/item-store';
import { freePort } from '../helpers/emergency-stack';
import { OwnRedis, redisInstalled } from '../helpers/own-redis';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/quadrant.js');

// The compiled CLI is what operators run; `npm ci` builds it (prepare script).
const built = existsSync(path.join(ROOT, 'dist/src/cli/main.js'));

(built ? describe : describe.skip)('quadrant start --role worker, on SIGTERM with a job in flight', () => {
  test('finishes the job, closes Redis and exits 0', async () => {
    const prefix = testPrefix();
    const botToken = 'xoxb-shutdown-test';
    const slack = await FakeSlack.start({ botToken });
    // The worker's first Slack call for the job stalls, so the job is mid-flight when SIGTERM arrives.
    slack.fault('chat.getPermalink', { delayMs: 2500, times: 1 });
    const dir = mkdtempSync(path.join(tmpdir(), 'quadrant-shutdown-'));
    const config = path.join(dir, 'settings.yml');
    writeFileSync(config, 'timezone: UTC\nchannels:\n  C0OPS:\n    area: daily_operations\n    digest: { at: "09:00" }\n');

    const child = spawn(process.execPath, [BIN, 'start', '--role', 'worker'], {
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: 'shutdown-test-secret',
        SLACK_API_URL: slack.apiUrl,
        REDIS_URL: testRedisUrl(),
        QUADRANT_REDIS_PREFIX: prefix,
        QUADRANT_CONFIG: config,
        QUADRANT_SPOOL_DIR: dir,
        PORT: '0',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const keys = createKeys(prefix);
    const queues = createQueues(bullConnectionOptions(testRedisUrl()), keys.bullPrefix);
    const redis = new Redis(testRedisUrl());
    try {
      await waitUntil(() => stderr.includes('Quadrant is running'), 20_000);
      const job = await queues.intake.add(
        'message',
        {
          team: 'T0SANDBOX',
          eventId: 'Ev0SHUTDOWN1',
          event: { type: 'message', channel: 'C0OPS', user: 'U0BOB', ts: '1732444800.000100', text: 'could someone review my PR for the billing page when you have a moment?' },
        },
        { jobId: 'msg-Ev0SHUTDOWN1' },
      );
      await waitUntil(() => slack.callsTo('chat.getPermalink').length > 0, 20_000);
      child.kill('SIGTERM');

      expect(await exited).toBe(0);
      const state = await (await queues.intake.getJob(job.id!))?.getState();
      expect(state).toBe('completed');
      const item = await createItemStore(redis, keys).findBySource('T0SANDBOX', 'C0OPS', '1732444800.000100');
      expect(item?.status).toBe('open');
      expect(stderr).toContain('Quadrant stopped');
    } finally {
      child.kill('SIGKILL');
      await closeQueues(queues);
      redis.disconnect();
      await slack.stop();
      await deletePrefix(prefix);
    }
  });
});

(built && redisInstalled ? describe : describe.skip)('quadrant start --role all, on SIGTERM while its Redis is gone', () => {
  test('drops the connections instead of waiting for Redis, and exits 0 within its budget', async () => {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    const dir = mkdtempSync(path.join(tmpdir(), 'quadrant-shutdown-'));
    const child = spawn(process.execPath, [BIN, 'start', '--role', 'all'], {
      env: { PATH: process.env.PATH, REDIS_URL: redis.url, QUADRANT_SPOOL_DIR: dir, PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info', SLACK_API_URL: 'http://127.0.0.1:9/api/', SLACK_BOT_TOKEN: 'xoxb-shutdown-test', SLACK_SIGNING_SECRET: 'shutdown-test-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitUntil(() => stderr.includes('Quadrant is running'), 20_000);
      await redis.stop();
      child.kill('SIGTERM');
      // Past the budget start.ts logs "shutdown took longer than 10 s" and exits 1.
      expect(await exited).toBe(0);
      expect(stderr).toContain('Quadrant stopped');
    } finally {
      child.kill('SIGKILL');
      await redis.stop();
    }
  }, 30_000);
});

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
