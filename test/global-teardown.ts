import type { FoundRedis } from '../sandbox/private-redis';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __quadrantTestRedis?: FoundRedis }).__quadrantTestRedis?.stop();
}
