import { deleteMatching } from '../../src/flows/admin/scan-keys';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis this test run uses (see test/global-setup.ts). */
export function testRedisUrl(): string {
  return process.env.QUADRANT_TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A key prefix of this test's own, so runs and files never collide on the shared Redis. */
export function testPrefix(label = 'qt'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under the prefix (our keys and BullMQ's), without touching anything else. */
export async function deletePrefix(prefix: string, url = testRedisUrl()): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await deleteMatching(redis, `${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}
