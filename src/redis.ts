import { createHash } from 'node:crypto';
import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Every Redis connection is made here. Two kinds:
 * - command connections for stores: auto-pipelined (many requests share a round trip under load) and
 *   failing fast, so an outage surfaces as an error instead of a request hanging in an offline queue;
 * - BullMQ connection options: workers block on Redis and must retry forever (maxRetriesPerRequest: null).
 */
export function createCommandConnection(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: `quadrant-${name}`,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    connectTimeout: 2000,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  });
}

export function bullConnectionOptions(url: string): BullRedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname && parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

/** True when Redis answers PING within the timeout. */
export async function isRedisReachable(redis: Redis, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return pong === 'PONG';
  } catch {
    return false;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** A production queue must never have jobs evicted; returns the policy when it is not `noeviction`. */
export async function evictionPolicyWarning(redis: Redis): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as unknown as string[];
    const policy = reply[1];
    return policy && policy !== 'noeviction' ? policy : undefined;
  } catch {
    // Managed Redis services often disable CONFIG; nothing to say then.
    return undefined;
  }
}

/**
 * A Lua script called by its SHA: the script text crosses the wire only the first time after Redis
 * (re)starts, instead of with every call.
 */
export function createScript(redis: Redis, lua: string): (keys: string[], args: string[]) => Promise<unknown> {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error)?.message).includes('NOSCRIPT')) throw err;
      return redis.eval(lua, keys.length, ...keys, ...args);
    }
  };
}
