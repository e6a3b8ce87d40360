import type { ErrorCode } from '../../core/errors';
import type { Item } from '../../core/item';
import { nextDigestAt } from '../../core/schedule';
import type { Deps } from '../../deps';
import { createDigestStore } from '../../store/digest-store';
import { requestDigestRefresh } from './refresh-digest';

const DAY_MS = 86_400_000;

export type SnoozeOutcome = { ok: true; item: Item; until: number; timezone: string; changed: boolean } | { ok: false; code: ErrorCode };

/**
 * "Snooze": the item leaves the digest it was posted in and comes back, as a new item, in the channel's next
 * scheduled digest (tomorrow's, for a daily one). Its old reply is updated in place to say so.
 */
export async function snoozeItem(deps: Deps, team: string, id: string): Promise<SnoozeOutcome> {
  const item = await deps.items.get(team, id);
  if (!item) return { ok: false, code: 'quadrant_item_not_found' };
  const settings = await deps.settings.get(team);
  const now = deps.now();
  const digest = item.digestChannel ? settings.channels[item.digestChannel]?.digest : undefined;
  // At the due time itself: the next digest is read at that moment or later, so the item is back in it.
  const until = digest ? nextDigestAt(digest, settings.timezone, now) : now + DAY_MS;
  if (item.status !== 'open') return { ok: true, item, until, timezone: settings.timezone, changed: false };
  const [claim] = await createDigestStore(deps.redis, deps.keys).release(team, [id], { at: now, snoozedUntil: until });
  if (claim) await requestDigestRefresh(deps, team, claim.channel, claim.digestId);
  const snoozed = (await deps.items.get(team, id)) ?? item;
  return { ok: true, item: snoozed, until, timezone: settings.timezone, changed: true };
}
