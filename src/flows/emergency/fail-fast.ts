/** Races a Redis call against a short deadline: on the emergency path a slow Redis must not hold up a page. */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Bounded in-memory memory of recent dedup keys, for when Redis cannot remember them for us. */
export function createRecentKeys<T>(ttlMs: number, max = 10_000) {
  const seen = new Map<string, { value: T; at: number }>();
  return {
    get(key: string, now: number): T | undefined {
      const hit = seen.get(key);
      return hit && now - hit.at < ttlMs ? hit.value : undefined;
    },
    set(key: string, value: T, now: number): void {
      if (seen.size >= max) seen.delete(seen.keys().next().value as string);
      seen.set(key, { value, at: now });
    },
  };
}

/**
 * The emergency path never queues behind a dead connection: ioredis would hold commands in its offline
 * queue and run them whenever Redis returns, long after this request has paged from memory.
 */
export function isRedisReady(redis: { status: string }): boolean {
  return redis.status === 'ready';
}

/** A Redis call on the emergency path: refused at once when the connection is down, else bounded by `ms`. */
export function fastRedis<T>(redis: { status: string }, work: () => Promise<T>, ms: number): Promise<T> {
  if (!isRedisReady(redis)) return Promise.reject(new Error(`Redis is ${redis.status}`));
  return withDeadline(work(), ms);
}
