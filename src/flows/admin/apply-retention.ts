import type { Item } from '../../core/item';
import type { Deps } from '../../deps';
import { createItemStore } from '../../store/item-store';
import { scanKeys } from './scan-keys';

export const EXPIRED_TEXT = '[text removed after the retention period]';

export interface RetentionResult {
  /** Done or dropped items older than the retention: gone. */
  removed: number;
  /** Items still open but older than the retention: kept (with their link), text removed. */
  redacted: number;
  /** Closed emergencies older than the retention: text and timeline removed. */
  emergencies: number;
  /** Classifier corrections recorded before the cutoff (each keeps the text it corrected): gone. */
  corrections: number;
}

/**
 * Stored message text lives no longer than `settings.retention`. Meant to run daily per workspace (the
 * scheduler walks keys.teams()); running it twice changes nothing more.
 */
export async function applyRetention(deps: Deps, team: string): Promise<RetentionResult> {
  const settings = await deps.settings.get(team);
  const cutoff = deps.now() - settings.retention;
  const { keys, redis } = deps;
  const store = createItemStore(redis, keys);
  const result: RetentionResult = { removed: 0, redacted: 0, emergencies: 0, corrections: 0 };

  await scanKeys(redis, keys.item(team, '*'), async (found) => {
    const raws = await redis.mget(found);
    for (const raw of raws) {
      if (!raw) continue;
      const item = JSON.parse(raw) as Item;
      if (item.createdAt >= cutoff) continue;
      if (item.status !== 'open') {
        if (await store.remove(team, item.id)) result.removed++;
      } else if (item.text !== EXPIRED_TEXT) {
        await deps.items.update(team, item.id, { text: EXPIRED_TEXT });
        result.redacted++;
      }
    }
  });

  await scanKeys(redis, keys.emergency(team, '*'), async (found) => {
    for (const key of found) {
      const id = key.slice(keys.emergency(team, '').length);
      if (id.includes(':') || id === 'open-set') continue;
      const e = (await deps.emergencies.get(team, id));
      if (!e || e.closedAt === undefined || e.closedAt >= cutoff || e.text === EXPIRED_TEXT) continue;
      await deps.emergencies.patch(team, id, { text: EXPIRED_TEXT });
      await redis.del(keys.emergencyTimeline(team, id));
      result.emergencies++;
    }
  });

  result.corrections = await deps.corrections.expire(team, cutoff);

  if (result.removed + result.redacted + result.emergencies + result.corrections > 0) deps.logger.info({ team, ...result }, 'retention applied');
  return result;
}

/** Every workspace Quadrant knows; one failing workspace does not stop the others. */
export async function applyRetentionEverywhere(deps: Deps): Promise<Record<string, RetentionResult>> {
  const out: Record<string, RetentionResult> = {};
  for (const team of await deps.redis.smembers(deps.keys.teams())) {
    try {
      out[team] = await applyRetention(deps, team);
    } catch (err) {
      deps.logger.error({ err, team }, 'retention failed for a workspace');
    }
  }
  return out;
}
