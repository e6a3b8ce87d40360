import { findRedis } from '../sandbox/private-redis';

/**
 * `npm test` on a fresh machine: use the Redis at REDIS_URL or 127.0.0.1:6379, or, when nothing answers and
 * redis-server is installed, a private one for this run (stopped in global-teardown.ts).
 */
export default async function globalSetup(): Promise<void> {
  const found = await findRedis({
    url: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    urlWasSet: Boolean(process.env.REDIS_URL),
    log: (message) => process.stderr.write(`test setup: ${message}\n`),
  });
  process.env.QUADRANT_TEST_REDIS_URL = found.url;
  (globalThis as { __quadrantTestRedis?: typeof found }).__quadrantTestRedis = found;
}
