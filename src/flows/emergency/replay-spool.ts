import type { Emergency } from '../../core/emergency';
import type { Deps } from '../../deps';
import type { SpooledEmergency } from '../../store/emergency-spool';
import { recordEmergencyDeclared } from '../evaluation/record';
import { codeFor } from './ids';
import { rememberSettings } from './last-settings';
import { rescheduleEscalation } from './schedule-escalation';

/**
 * Records what the emergency path journalled while Redis was away, once it answers again. Every part is
 * idempotent, so a replay that dies half-way (or runs in two processes) is simply run again: the emergency is
 * stored once per dedup key, timeline entries once each, the escalation job once per step id, and the channel
 * post (if Slack was down too) is handed to the upkeep that posts pending emergencies.
 * Returns how many journal entries it finished.
 */
export async function replaySpool(deps: Deps): Promise<number> {
  let finished = 0;
  for (const entry of deps.spool.list()) {
    if (await replayOne(deps, entry)) {
      deps.spool.remove(entry.emergency);
      finished++;
    }
  }
  return finished;
}

async function replayOne(deps: Deps, entry: SpooledEmergency): Promise<boolean> {
  const log = deps.logger.child({ team: entry.emergency.team, emergency: entry.emergency.id });
  let emergency: Emergency = entry.emergency;
  let stored: Emergency | undefined;
  for (let attempt = 1; attempt <= 20 && !stored; attempt++) {
    const outcome = await deps.emergencies.create(emergency, entry.dedupKey);
    if ('codeTaken' in outcome) {
      // Another emergency took the reply code while this one was journalled: the old code now means that one.
      emergency = { ...emergency, code: codeFor(emergency.id, 100 + attempt) };
      continue;
    }
    stored = outcome.emergency;
  }
  if (!stored) return false;
  const { team, id } = stored;
  // The declaration could not count it (Redis was away); the count is once per emergency, however many replays.
  void recordEmergencyDeclared(deps, stored);
  const timeline = [...entry.timeline];
  if (stored.code !== entry.emergency.code) {
    timeline.push({ at: deps.now(), kind: 'code_changed', text: `Reply code ${entry.emergency.code} was taken by another emergency meanwhile; this one now answers to *${stored.code}*.` });
  }
  await deps.emergencies.appendTimelineOnce(team, id, timeline);
  if (entry.emergency.post && !stored.post) stored = (await deps.emergencies.patch(team, id, { post: entry.emergency.post })) ?? stored;
  if (!stored.post) await deps.emergencies.addPendingPost(team, id);

  const settings = await deps.settings.get(team);
  rememberSettings(deps, team, settings);
  // Tier 1 was paged from here and settled: a record and a first-tier check that reached Redis late page nobody again.
  if (entry.emergency.stepPaged !== false) await deps.emergencies.finishStep(team, id, 0);
  if (stored.status === 'open' && stored.step === 0) {
    await rescheduleEscalation(deps, stored, settings, 1, stored.declaredAt + settings.emergency.ack_timeout - deps.now());
  }
  log.info({ timeline: timeline.length }, 'recorded an emergency journalled while Redis was away');
  return true;
}
