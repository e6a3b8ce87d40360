import { execFileSync } from 'node:child_process';
import { findRedis, isRedisAnswering } from '../../sandbox/private-redis';
import { testRedisUrl } from '../helpers/redis';

// `npm start` on a laptop without Redis running: the sandbox uses one that answers, starts a private one
// when it may, and otherwise says exactly how to get Redis.

// Nothing listens on port 1, so a connection there is refused at once.
const NOTHING_THERE = 'redis://127.0.0.1:1';

function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('finding a Redis for the sandbox', () => {
  test('uses the Redis that answers at the URL', async () => {
    const found = await findRedis({ url: testRedisUrl(), urlWasSet: true });
    expect(found.url).toBe(testRedisUrl());
    expect(found.privatePort).toBeUndefined();
    await found.stop();
    expect(await isRedisAnswering(testRedisUrl())).toBe(true);
  });

  // Rows: what the person set up, and what the error must tell them.
  const refusals: Array<[label: string, urlWasSet: boolean, serverBinary: string, mentions: RegExp[]]> = [
    ['REDIS_URL set but nothing answers', true, 'redis-server', [/REDIS_URL/, /docker compose up -d redis/, /apt-get install redis-server/, /brew install redis/]],
    ['nothing answers and no redis-server on PATH', false, 'quadrant-no-such-redis-server', [/not on PATH/, /docker compose up -d redis/, /apt-get install redis-server/, /brew install redis/]],
  ];
  test.each(refusals)('says how to get Redis when %s', async (_label, urlWasSet, serverBinary, mentions) => {
    const failure = await findRedis({ url: NOTHING_THERE, urlWasSet, serverBinary }).then(() => undefined, (err: Error & { code?: string }) => err);
    expect(failure?.code).toBe('quadrant_redis_unavailable');
    for (const pattern of mentions) expect(failure?.message).toMatch(pattern);
  });

  (hasRedisServer() ? test : test.skip)('starts a private redis-server when none answers and REDIS_URL is unset, and stops it', async () => {
    const found = await findRedis({ url: NOTHING_THERE, urlWasSet: false });
    try {
      expect(found.privatePort).toEqual(expect.any(Number));
      expect(found.url).toBe(`redis://127.0.0.1:${found.privatePort}`);
      expect(await isRedisAnswering(found.url)).toBe(true);
    } finally {
      await found.stop();
    }
    expect(await isRedisAnswering(found.url)).toBe(false);
  });
});
