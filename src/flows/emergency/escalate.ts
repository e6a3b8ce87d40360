import { isPaging, type Emergency } from '../../core/emergency';
import { planEscalation } from '../../core/escalation';
import type { Deps } from '../../deps';
import { calledOff } from '../../pagers';
import { mentionOrName, providerName } from '../../slack/blocks/emergency-blocks';
import { rememberSettings } from './last-settings';
import { alertAdmins, recordStep, refreshEmergencyMessage } from './notify';
import { prepareTier, triedAgain } from './paging';
import { scheduleEscalation, UNKNOWN_EMERGENCY } from './schedule-escalation';

export interface EscalateJob {
  team: string;
  id: string;
  step: number;
}

/**
 * One escalation step, run by the emergency workers. The step is claimed atomically before any page goes
 * out, so an acknowledgement that lands first always wins and a job that runs twice pages once. A worker that
 * crashes after the claim leaves the step unfinished; BullMQ runs the job again and it pages again, because
 * paging twice beats paging nobody.
 */
export async function escalateJob(deps: Deps, job: EscalateJob): Promise<string> {
  const before = await deps.emergencies.get(job.team, job.id);
  if (!before) return UNKNOWN_EMERGENCY;
  if (!isPaging(before)) return `not paging (${before.status})`;
  const settings = await deps.settings.get(job.team);
  rememberSettings(deps, job.team, settings);
  const plan = planEscalation(job.step, settings.emergency);
  // A first-tier check for a workspace whose tiers were all removed meanwhile: there is nobody to page again.
  if (!plan && job.step === 0) return 'no tiers';
  // Claimed like a page, so an acknowledgement that lands first wins and a job that runs twice posts once.
  const claim = await deps.emergencies.claimStep(job.team, job.id, job.step);
  if (!claim) return UNKNOWN_EMERGENCY;
  if (!claim.ok) return claim.reason === 'not_paging' ? 'not paging' : 'step already paged';
  const e = claim.next;
  if (!plan) {
    await recordStep(deps, e, { at: deps.now(), kind: 'escalation_ended', text: ':warning: <!here> *Escalation has run its course and nobody acknowledged.* Paging has stopped; call the on-call directly.' }, { broadcast: true });
    await deps.emergencies.finishStep(e.team, e.id, job.step);
    return 'escalation over';
  }

  // The first-tier check claimed step 0, so the declaring process died; if it had not posted the emergency yet, the
  // upkeep that posts what Slack did not take posts it, with its timeline.
  if (job.step === 0 && !e.post) await deps.emergencies.addPendingPost(e.team, e.id);
  const prepared = await prepareTier(deps, e, settings, plan.tierIndex);
  const done = prepared.send((result) => {
    const who = result.target ? ` to <@${result.target}>` : '';
    void recordStep(deps, e, {
      at: deps.now(),
      kind: result.ok ? 'paged' : 'page_failed',
      text: result.ok ? `Paged${who} by ${providerName(result.provider)}.` : `Page${who} by ${providerName(result.provider)} failed: ${result.reason}.`,
    });
  });
  // Timed from this step, not from its slowest provider, and queued before the Slack calls below, which can
  // take seconds. A claim re-checks the status, so a step scheduled just as someone acknowledges never pages.
  await scheduleEscalation(deps, e, settings, job.step + 1);
  // Redrawn so its Escalate button carries the step now paging: a press from here on asks for the next one.
  await refreshEmergencyMessage(deps, e);
  await recordStep(deps, e, { at: deps.now(), kind: 'escalated', text: escalatedText(before, job.step, plan, prepared.people) });
  const results = await done;
  await deps.emergencies.finishStep(e.team, e.id, job.step);

  if (results.length === 0 || (results.every((r) => !r.ok) && !results.some(calledOff))) {
    const tier = `tier ${plan.tierIndex + 1}`;
    const retried = triedAgain(results);
    const said = retried ? `No page to ${tier} has got through yet (${retried})` : `Every page to ${tier} failed`;
    await recordStep(deps, e, { at: deps.now(), kind: 'all_failed', text: `:warning: <!here> *${said}.* Call the on-call directly.` }, { broadcast: true });
    await alertAdmins(deps, e, settings, `:warning: Emergency *${e.code}*: ${said.charAt(0).toLowerCase()}${said.slice(1)}. Call the on-call directly.`);
  }
  return `paged tier ${plan.tierIndex + 1}`;
}

/**
 * The thread's line for a step. "Nobody acknowledged" is only true of the timer: a step someone asked for
 * ("Escalate now", whose own line just above says who) says it was asked, and one asked for after an
 * acknowledgement says it re-opened the emergency, since paging and escalation start again from there.
 */
export function escalatedText(before: Emergency, step: number, plan: { tierIndex: number; repeat?: boolean }, people: string[]): string {
  const tier = `tier ${plan.tierIndex + 1}`;
  const who = people.map((p) => `<@${p}>`).join(', ') || 'nobody';
  if (step === 0) return `Tier 1's pages never finished where this was declared (that process stopped), so a worker is paging ${tier} again: ${who}.`;
  const asked = before.escalateTo !== undefined && before.escalateTo >= step;
  if (asked && before.ackBy) {
    return `Re-opened as asked, after ${mentionOrName(before.ackBy)} had acknowledged: ${plan.repeat ? `paging ${tier} again` : `escalating to ${tier}`}: ${who}. Escalation goes on until someone acknowledges again.`;
  }
  if (asked) return `${plan.repeat ? `Paging ${tier} again` : `Escalating to ${tier}`} as asked: ${who}.`;
  const since = before.ackBy ? ' since it was re-opened' : '';
  return `Nobody acknowledged${since}; ${plan.repeat ? `paging ${tier} again` : `escalating to ${tier}`}: ${who}.`;
}
