import type { Emergency, EmergencyAction } from '../../core/emergency';
import type { Deps } from '../../deps';
import { followUpAll } from '../../pagers';
import { recordStep, refreshEmergencyMessage } from './notify';
import { pagersFor } from './paging';
import { cancelEscalation, escalationJobId } from './schedule-escalation';

export type ActOutcome =
  | { ok: true; emergency: Emergency; changed: boolean }
  | { ok: false; reason: 'unknown' | 'already_closed' };

const WORDS: Record<EmergencyAction, (by: string) => string> = {
  acknowledge: (by) => `:white_check_mark: Acknowledged by ${by}. Escalation stopped.`,
  resolve: (by) => `:tada: Resolved by ${by}.`,
  not_emergency: (by) => `Closed as not an emergency by ${by}.`,
  escalate_now: (by) => `:arrow_double_up: ${by} asked to escalate now.`,
};

function mention(by: string): string {
  return /^[UW][A-Z0-9]+$/.test(by) ? `<@${by}>` : by;
}

/**
 * Acknowledge, resolve, "not an emergency" and "escalate now", from any source (buttons, SMS replies, voice
 * keypresses, PagerDuty/Opsgenie callbacks). The state change is atomic; everything after it follows it.
 */
export async function actOnEmergency(deps: Deps, team: string, id: string, action: EmergencyAction, by: string, source = 'slack'): Promise<ActOutcome> {
  const outcome = await deps.emergencies.apply(team, id, action, by, deps.now());
  if (!outcome) return { ok: false, reason: 'unknown' };
  if (!outcome.ok) return outcome;
  const e = outcome.next;
  if (!outcome.changed) return { ok: true, emergency: e, changed: false };

  const log = deps.logger.child({ team, emergency: id, action, source });
  if (action === 'escalate_now') {
    await cancelEscalation(deps, e, e.step + 1);
    await deps.queues.emergency.add('escalate', { team, id, step: e.step + 1 }, { jobId: `${escalationJobId(e, e.step + 1)}-now` });
  } else {
    await cancelEscalation(deps, e, e.step + 1);
  }
  if (action === 'acknowledge' && e.ackAt) deps.metrics.timeToAcknowledge.observe((e.ackAt - e.declaredAt) / 1000);
  const via = source === 'slack' ? '' : ` (via ${source})`;
  await recordStep(deps, e, { at: deps.now(), kind: action, text: `${WORDS[action](mention(by))}${via}` });
  await refreshEmergencyMessage(deps, e);

  // Tell the providers that follow Quadrant (PagerDuty, Opsgenie, webhook) so their alerts match.
  const follow = action === 'acknowledge' ? 'acknowledge' : action === 'resolve' || action === 'not_emergency' ? 'resolve' : undefined;
  if (follow) {
    const settings = await deps.settings.get(team);
    const { pagers } = await pagersFor(deps, team, settings);
    void followUpAll(pagers, follow, { team, emergencyId: id }, { retries: 3, backoffMs: 500, log }).catch((err: unknown) => log.warn({ err }, 'follow-up failed'));
  }
  return { ok: true, emergency: e, changed: true };
}
