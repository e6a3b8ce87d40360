import { applyHubAction, type HubAction } from '../../core/hub';
import type { Item } from '../../core/item';
import type { Deps } from '../../deps';
import { hubItemMessage, hubStateNote } from '../../slack/blocks/hub-message';
import { authorNames } from '../digest/author-names';
import { track } from '../evaluation/record';
import { markItemDone } from '../mark-item-done';
import { requestDigestRefresh } from '../digest/refresh-digest';

export type HubChangeOutcome =
  | { ok: true; item: Item }
  /** `busy`: someone else is changing it right now; `not_allowed`: the button was stale (the state moved on). */
  | { ok: false; reason: 'unknown' | 'not_in_hub' | 'busy' | 'not_allowed'; item?: Item };

/** Long enough for a chat.update and a thread note; a crashed holder frees the item after this. */
const LOCK_TTL_MS = 15_000;

/**
 * Moves a hub item along its life cycle (proposal -> in discussion -> decided -> archived, or reopened) and
 * keeps everything that shows it true: the hub message is updated in place, the thread gets a one-line note,
 * the hub indexes follow, and the item leaves (or rejoins) the digest. One change at a time per item.
 */
export async function changeHubState(deps: Deps, team: string, itemId: string, action: HubAction, by: string): Promise<HubChangeOutcome> {
  const lockKey = deps.keys.hubLock(team, itemId);
  if ((await deps.redis.set(lockKey, by, 'PX', LOCK_TTL_MS, 'NX')) === null) return { ok: false, reason: 'busy' };
  try {
    const item = await deps.items.get(team, itemId);
    if (!item) return { ok: false, reason: 'unknown' };
    if (!item.hub) return { ok: false, reason: 'not_in_hub', item };
    const now = deps.now();
    const next = applyHubAction(item.hub, action, by, now);
    if (!next.ok) return { ok: false, reason: 'not_allowed', item };
    let updated = (await deps.items.update(team, itemId, { hub: next.hub, updatedAt: now })) ?? { ...item, hub: next.hub };
    updated = await followStatus(deps, updated, action, by);
    await reindex(deps, updated, action, now);
    if (action === 'decide') void track(deps, team, [{ kind: 'hub_decided' }]);
    await showChange(deps, updated, action, by);
    return { ok: true, item: updated };
  } finally {
    await deps.redis.del(lockKey).catch(() => undefined);
  }
}

/** A decided or archived item is done (it leaves the digest); a reopened one is open again. */
async function followStatus(deps: Deps, item: Item, action: HubAction, by: string): Promise<Item> {
  if ((action === 'decide' || action === 'archive') && item.status === 'open') {
    // markItemDone counts the item done for the evaluation, as for every other way of closing it.
    const done = await markItemDone(deps, item.team, item.id, by);
    if (done.ok && done.changed) return done.item;
  }
  if (action === 'reopen' && item.status !== 'open') {
    const reopened = await deps.items.setStatus(item.team, item.id, 'open', deps.now());
    if (reopened?.posted) await requestDigestRefresh(deps, item.team, reopened.posted.channel, reopened.posted.digestId);
    return reopened ?? item;
  }
  return item;
}

async function reindex(deps: Deps, item: Item, action: HubAction, now: number): Promise<void> {
  const decided = deps.keys.hubDecided(item.team);
  if (action === 'decide') await deps.redis.zadd(decided, now, item.id);
  if (action === 'reopen') await deps.redis.zrem(decided, item.id);
}

async function showChange(deps: Deps, item: Item, action: HubAction, by: string): Promise<void> {
  const hub = item.hub!;
  try {
    const client = await deps.slackFor(item.team);
    const people = [item.author, by, ...(hub.decidedBy ? [hub.decidedBy] : [])];
    const names = await authorNames(deps, client, item.team, people);
    await client.chat.update({ channel: hub.channel, ts: hub.ts, ...(hubItemMessage(item, names) as { text: string; blocks: never[] }) });
    await client.chat.postMessage({ channel: hub.channel, thread_ts: hub.ts, text: hubStateNote(action, by, names), unfurl_links: false });
  } catch (err) {
    deps.logger.warn({ err, team: item.team, item: item.id, action }, 'hub message not updated');
  }
}
