import type { Emergency, EmergencyAction, TransitionOptions } from '../../core/emergency';
import type { PageResult } from '../../core/ports';
import type { Deps } from '../../deps';
import { followUpAll } from '../../pagers';
import { recordEmergencyAction } from '../evaluation/record';
import { trackEmergencyWork } from './inflight';
import { recordStep, refreshEmergencyMessage } from './notify';
import { FOLLOW_UP_RETRIES, pagersFor } from './paging';
import { replaySpool } from './replay-spool';
import { cancelEscalation, escalateNow } from './schedule-escalation';

export type ActOutcome =
  | { ok: true; emergency: Emergency; changed: boolean; /** Settles when the providers have been told (tests wait on it). */ followedUp?: Promise<void> }
  | { ok: false; reason: 'unknown' | 'already_closed' };

/** Where an action came from; shown in the timeline ("via SMS"). */
export type ActSource = 'slack' | 'sms' | 'voice' | 'pagerduty' | 'opsgenie' | 'api';

const SOURCE_LABEL: Record<ActSource, string> = { slack: '', sms: 'SMS', voice: 'phone call', pagerduty: 'PagerDuty', opsgenie: 'Opsgenie', api: 'the API' };

const WORDS: Record<EmergencyAction, (by: string) => string> = {
  acknowledge: (by) => `:white_check_mark: Acknowledged by ${by}. Escalation stopped.`,
  resolve: (by) => `:tada: Resolved by ${by}.`,
  not_emergency: (by) => `Closed as not an emergency by ${by}.`,
  escalate_now: (by) => `:arrow_double_up: ${by} asked to escalate now.`,
};

function mention(by: string): string {
  return /^[UW][A-Z0-9]+$/.test(by) ? `<@${by}>` : by;
}

/** Calls Twilio would not cancel go back on the list, so a later resolve tries them again. */
async function keepCallsNotStopped(deps: Deps, team: string, id: string, calls: readonly string[], results: PageResult[]): Promise<void> {
  if (calls.length === 0 || !results.some((r) => r.provider === 'twilio_voice' && !r.ok)) return;
  await Promise.all(calls.map((sid) => deps.emergencies.addCall(team, id, sid))).catch(() => undefined);
}

/**
 * Acknowledge, resolve, "not an emergency" and "escalate now", from any source (buttons, SMS replies, voice
 * keypresses, PagerDuty/Opsgenie callbacks). The state change is atomic; everything after it follows it:
 * escalation stops, the timeline and the Slack message show it, the providers that keep their own
 * alert (PagerDuty, Opsgenie, the webhook) are told, and phones still ringing stop.
 */
export async function actOnEmergency(deps: Deps, team: string, id: string, action: EmergencyAction, by: string, source: ActSource = 'slack', options: TransitionOptions = {}): Promise<ActOutcome> {
  let outcome = await deps.emergencies.apply(team, id, action, by, deps.now(), options);
  if (!outcome && (await replaySpool(deps).catch(() => 0)) > 0) {
    // Declared while Redis was away and not replayed yet: record it now rather than lose the click.
    outcome = await deps.emergencies.apply(team, id, action, by, deps.now(), options);
  }
  if (!outcome) return { ok: false, reason: 'unknown' };
  if (!outcome.ok) return outcome;
  const e = outcome.next;
  if (!outcome.changed) return { ok: true, emergency: e, changed: false };
  void recordEmergencyAction(deps, e, action);

  const log = deps.logger.child({ team, emergency: id, action, source });
  if (action === 'escalate_now') await escalateNow(deps, e, e.escalateTo ?? e.step + 1);
  else await cancelEscalation(deps, e, e.step + 1);
  if (action === 'acknowledge' && e.ackAt) deps.metrics.timeToAcknowledge.observe((e.ackAt - e.declaredAt) / 1000);
  log.info('emergency action applied');
  const via = SOURCE_LABEL[source] ? ` (via ${SOURCE_LABEL[source]})` : '';
  await recordStep(deps, e, { at: deps.now(), kind: action, text: `${WORDS[action](mention(by))}${via}` });
  await refreshEmergencyMessage(deps, e);

  const follow = action === 'acknowledge' ? 'acknowledge' : action === 'resolve' || action === 'not_emergency' ? 'resolve' : undefined;
  let followedUp: Promise<void> | undefined;
  if (follow) {
    const settings = await deps.settings.get(team);
    const { pagers } = await pagersFor(deps, team, settings);
    const calls = await deps.emergencies.takeCalls(team, id).catch(() => []);
    const at = follow === 'acknowledge' ? e.ackAt : e.closedAt;
    followedUp = followUpAll(pagers, follow, { team, emergencyId: id, calls, at }, { ...FOLLOW_UP_RETRIES, log }).then(
      (results) => keepCallsNotStopped(deps, team, id, calls, results),
      (err: unknown) => log.warn({ err }, 'follow-up failed'),
    );
    trackEmergencyWork(deps, followedUp);
  }
  return { ok: true, emergency: e, changed: true, followedUp };
}
