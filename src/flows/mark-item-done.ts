import type { ErrorCode } from '../core/errors';
import type { Item } from '../core/item';
import type { Deps } from '../deps';
import { recordItemDone } from './evaluation/record';
import { requestDigestRefresh } from './digest/refresh-digest';

export type DoneOutcome = { ok: true; item: Item; changed: boolean } | { ok: false; code: ErrorCode };

/**
 * Marks an item done. Done items leave later digests; a digest that already listed the item is
 * updated in place (by the digest worker) so it stays true without a new message.
 */
export async function markItemDone(deps: Deps, team: string, id: string, _by: string): Promise<DoneOutcome> {
  const existing = await deps.items.get(team, id);
  if (!existing) return { ok: false, code: 'quadrant_item_not_found' };
  if (existing.status === 'done') return { ok: true, item: existing, changed: false };
  const item = await deps.items.setStatus(team, id, 'done', deps.now());
  if (!item) return { ok: false, code: 'quadrant_item_not_found' };
  void recordItemDone(deps, item);
  if (item.posted) await requestDigestRefresh(deps, team, item.posted.channel, item.posted.digestId);
  return { ok: true, item, changed: true };
}
