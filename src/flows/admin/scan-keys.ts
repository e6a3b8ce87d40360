import type { Redis } from 'ioredis';

/** Calls `each` with batches of keys matching `pattern` (SCAN, so a large keyspace never blocks Redis). */
export async function scanKeys(redis: Redis, pattern: string, each: (keys: string[]) => Promise<void>): Promise<void> {
  const stream = redis.scanStream({ match: pattern, count: 500 });
  for await (const batch of stream as AsyncIterable<string[]>) {
    if (batch.length > 0) await each(batch);
  }
}

/** Deletes every key matching `pattern`; returns how many went. */
export async function deleteMatching(redis: Redis, pattern: string): Promise<number> {
  let count = 0;
  await scanKeys(redis, pattern, async (keys) => {
    count += await redis.unlink(...keys);
  });
  return count;
}
