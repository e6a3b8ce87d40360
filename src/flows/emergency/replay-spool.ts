import type { Deps } from '../../deps';
import { scheduleEscalation } from './schedule-escalation';

/**
 * Records emergencies that were paged while Redis was away, once it answers again: stores each (once, by its
 * dedup key), restores its timeline, and schedules the escalation it missed. Runs at start-up and periodically.
 */
export async function replaySpool(deps: Deps): Promise<number> {
  let recorded = 0;
  for (const entry of deps.spool.list()) {
    const { emergency, dedupKey, timeline } = entry;
    const stored = await deps.emergencies.create(emergency, dedupKey);
    if (!('codeTaken' in stored) && stored.created) {
      for (const step of timeline) await deps.emergencies.appendTimeline(emergency.team, emergency.id, step);
      const settings = await deps.settings.get(emergency.team);
      const delay = Math.max(0, emergency.declaredAt + settings.emergency.ack_timeout - deps.now());
      await scheduleEscalation(deps, emergency, settings, 1, delay);
      recorded++;
    }
    // A code clash means another emergency holds the code now; keep the file and try again with the next replay.
    if (!('codeTaken' in stored)) deps.spool.remove(emergency);
  }
  return recorded;
}
