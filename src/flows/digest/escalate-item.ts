import type { ErrorCode } from '../../core/errors';
import type { Item } from '../../core/item';
import type { Deps } from '../../deps';
import { requestDigestRefresh } from './refresh-digest';

export type EscalateOutcome = { ok: true; item: Item; changed: boolean } | { ok: false; code: ErrorCode };

/**
 * "Escalate" on a digest item: raises it to `do` (urgent and important). It stays in its digest, marked, and
 * leads the next ones. Paging people is /emergency's job, not this button's.
 */
export async function escalateItem(deps: Deps, team: string, id: string): Promise<EscalateOutcome> {
  const existing = await deps.items.get(team, id);
  if (!existing) return { ok: false, code: 'quadrant_item_not_found' };
  if (existing.status !== 'open' || existing.priority === 'do') return { ok: true, item: existing, changed: false };
  const item = await deps.items.update(team, id, { priority: 'do', updatedAt: deps.now() });
  if (!item) return { ok: false, code: 'quadrant_item_not_found' };
  if (item.posted) await requestDigestRefresh(deps, team, item.posted.channel, item.posted.digestId);
  return { ok: true, item, changed: true };
}
