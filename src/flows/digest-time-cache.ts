import type { DigestSetting } from '../config/settings';
import { nextDigestAt } from '../core/schedule';

// Time-zone math is the costliest step of filing an item; the answer only changes once a digest posts.
const cache = new Map<string, { from: number; next: number }>();

/** nextDigestAt, remembered until the digest it names has passed. */
export function cachedNextDigestAt(digest: Pick<DigestSetting, 'at' | 'days'>, timezone: string, now: number): number {
  const key = `${timezone}|${digest.at}|${digest.days.join(',')}`;
  const hit = cache.get(key);
  if (hit && now >= hit.from && now < hit.next) return hit.next;
  const next = nextDigestAt(digest, timezone, now);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { from: now, next });
  return next;
}
