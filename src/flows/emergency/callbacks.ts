import type { EmergencyAction } from '../../core/emergency';
import type { Deps } from '../../deps';
import type { CallbackAction } from '../../pagers';
import { actOnEmergency, type ActSource } from './act';
import { replaySpool } from './replay-spool';
import { acknowledgeOncallTest, isOncallTestId, oncallTestByCode, personByPhone } from './oncall-test';

/**
 * Acknowledging away from Slack. Each function gets a callback whose signature the HTTP hook has already
 * verified, and returns the words to answer with (an SMS reply, a sentence spoken in the call). Phone numbers
 * are compared, never logged.
 */

const ACTION: Record<CallbackAction, EmergencyAction> = { ack: 'acknowledge', resolve: 'resolve' };

export const SMS_HELP = 'Quadrant: reply ACK <code> to acknowledge an emergency, RES <code> to resolve it.';

/** "ACK 4821" / "RES 4821" from a phone. Only people in the workspace's on-call tiers may act. */
export async function handleSmsReply(deps: Deps, sms: { from: string; action: CallbackAction; code: string }): Promise<string> {
  const test = await oncallTestByCode(deps, sms.code);
  if (test) {
    const person = personByPhone(await deps.settings.get(test.team), sms.from);
    if (!person) return strangerReply(deps, test.team, sms.code);
    await acknowledgeOncallTest(deps, test, { person, via: 'SMS' });
    return `Quadrant: test page ${sms.code} acknowledged. Thank you, this number works.`;
  }
  // Declared while Redis was away and not replayed yet: record it first rather than turn the reply away.
  const e = (await deps.emergencies.byCode(sms.code)) ?? ((await replaySpool(deps).catch(() => 0)) > 0 ? await deps.emergencies.byCode(sms.code) : undefined);
  if (!e) return `Quadrant: no open emergency has code ${sms.code}. Nothing was changed.`;
  const person = personByPhone(await deps.settings.get(e.team), sms.from);
  if (!person) return strangerReply(deps, e.team, sms.code, e.id);
  const outcome = await actOnEmergency(deps, e.team, e.id, ACTION[sms.action], person, 'sms');
  return smsWords(sms.code, sms.action, outcome);
}

function strangerReply(deps: Deps, team: string, code: string, emergency?: string): string {
  deps.logger.warn({ team, emergency, code }, 'an SMS reply came from a number that is not on call; ignored');
  return `Quadrant: this number is not on call for ${code}, so nothing was changed. If you are on call, ask an admin to add your number.`;
}

function smsWords(code: string, action: CallbackAction, outcome: Awaited<ReturnType<typeof actOnEmergency>>): string {
  if (!outcome.ok) return outcome.reason === 'already_closed' ? `Quadrant: emergency ${code} is already closed.` : `Quadrant: no open emergency has code ${code}.`;
  if (action === 'ack') return outcome.changed ? `Quadrant: emergency ${code} acknowledged. Escalation stopped; the team sees it in Slack.` : `Quadrant: emergency ${code} was already acknowledged.`;
  return `Quadrant: emergency ${code} resolved.`;
}

/** A key pressed in a paging call (1 acknowledges). `callee` is the number Quadrant called. */
export async function handleVoiceKeypress(deps: Deps, call: { team: string; emergencyId: string; code: string; callee: string }): Promise<string> {
  const settings = await deps.settings.get(call.team);
  const person = personByPhone(settings, call.callee);
  if (isOncallTestId(call.emergencyId)) {
    if (!person) return 'This number is not on call. Nothing was changed. Goodbye.';
    const acked = await acknowledgeOncallTest(deps, { team: call.team, id: call.emergencyId }, { person, via: 'phone call' });
    return acked.ok ? 'Test page acknowledged. Thank you, this number works. Goodbye.' : 'That test is over. Goodbye.';
  }
  const e = await deps.emergencies.get(call.team, call.emergencyId);
  // The code in the signed URL must match: a gather URL of one emergency cannot act on another.
  if (!e || e.code !== call.code) return 'That emergency is not known. Nothing was changed. Goodbye.';
  if (!person) {
    deps.logger.warn({ team: call.team, emergency: e.id }, 'a key press came from a call to a number that is not on call; ignored');
    return 'This number is not on call for this emergency. Nothing was changed. Goodbye.';
  }
  const outcome = await actOnEmergency(deps, e.team, e.id, 'acknowledge', person, 'voice');
  if (!outcome.ok) return outcome.reason === 'already_closed' ? 'This emergency is already closed. Goodbye.' : 'That emergency is not known. Goodbye.';
  return outcome.changed ? 'Acknowledged. Escalation stopped. Please open Slack now. Goodbye.' : 'This emergency was already acknowledged. Please open Slack. Goodbye.';
}

export type ProviderCallbackOutcome = 'applied' | 'no_change' | 'unknown' | 'test_acknowledged';

/** An acknowledgement or resolution made in PagerDuty or Opsgenie. `by` is display text (escaped by the hook). */
export async function handleProviderCallback(
  deps: Deps,
  provider: Extract<ActSource, 'pagerduty' | 'opsgenie'>,
  callback: { action: CallbackAction; team: string; emergencyId: string },
  by: string,
): Promise<ProviderCallbackOutcome> {
  const label = provider === 'pagerduty' ? 'PagerDuty' : 'Opsgenie';
  if (isOncallTestId(callback.emergencyId)) {
    if (callback.action !== 'ack') return 'no_change';
    const acked = await acknowledgeOncallTest(deps, { team: callback.team, id: callback.emergencyId }, { provider, via: label });
    return acked.ok ? 'test_acknowledged' : 'unknown';
  }
  const outcome = await actOnEmergency(deps, callback.team, callback.emergencyId, ACTION[callback.action], by, provider);
  if (!outcome.ok) return outcome.reason === 'unknown' ? 'unknown' : 'no_change';
  return outcome.changed ? 'applied' : 'no_change';
}
