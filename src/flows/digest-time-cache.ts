import type { DigestSetting } from '../config/settings';
import { nextDigestAt } from '../core/schedule';
import { createUntilCache } from './until-cache';

// Time-zone math is the costliest step of filing an item; the answer only changes once a digest posts.
const remembered = createUntilCache<number>(10_000);

/** nextDigestAt, remembered until the digest it names has passed. */
export function cachedNextDigestAt(digest: Pick<DigestSetting, 'at' | 'days'>, timezone: string, now: number): number {
  return remembered(`${timezone}|${digest.at}|${digest.days.join(',')}`, now, () => {
    const next = nextDigestAt(digest, timezone, now);
    return { value: next, until: next };
  });
}
