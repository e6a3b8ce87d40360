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

export interface WorkspaceKeyFilter {
  prefix: string;
  team: string;
  /** Sees each batch before it is deleted. */
  before?: (keys: string[]) => Promise<void>;
}

/**
 * Deletes every key of a workspace (`<prefix>:<kind>:<team>[:…]`, see store/keys.ts) in one SCAN of the keyspace.
 * SCAN walks every key whatever the pattern, so one walk for all kinds instead of one per kind is what
 * keeps an uninstall quick on a Redis shared by many workspaces.
 */
export async function deleteWorkspaceKeys(redis: Redis, filter: WorkspaceKeyFilter): Promise<number> {
  const { prefix, team, before } = filter;
  // BullMQ's keys hold job ids that can name the team; its queues are the whole deployment's.
  const owned = (key: string) => {
    const [kind, owner] = key.slice(prefix.length + 1).split(':', 2);
    return owner === team && kind !== 'bull';
  };
  let count = 0;
  await scanKeys(redis, `${prefix}:*:${team}*`, async (found) => {
    const mine = found.filter(owned);
    if (mine.length === 0) return;
    await before?.(mine);
    count += await redis.unlink(...mine);
  });
  return count;
}

/** The kind of a key made by store/keys.ts: the part after the prefix. */
export function keyKind(prefix: string, key: string): string {
  return key.slice(prefix.length + 1).split(':', 1)[0]!;
}
