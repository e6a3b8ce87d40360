import { isPaging } from '../../core/emergency';
import { planEscalation } from '../../core/escalation';
import type { Deps } from '../../deps';
import { providerName } from '../../slack/blocks/emergency-blocks';
import { recordStep } from './notify';
import { pageTier } from './paging';
import { scheduleEscalation } from './schedule-escalation';

export interface EscalateJob {
  team: string;
  id: string;
  step: number;
}

/**
 * One escalation step, run by the emergency workers. Safe to run twice: a step already paged, or an
 * emergency acknowledged or closed meanwhile, does nothing. Pages go out before the step is recorded,
 * so a crash in between repeats a page rather than losing one.
 */
export async function escalateJob(deps: Deps, job: EscalateJob): Promise<string> {
  const e = await deps.emergencies.get(job.team, job.id);
  if (!e) return 'unknown emergency';
  if (!isPaging(e)) return `not paging (${e.status})`;
  if (e.step >= job.step) return 'step already paged';
  const settings = await deps.settings.get(job.team);
  const plan = planEscalation(job.step, settings.emergency);
  if (!plan) {
    await recordStep(deps, e, { at: deps.now(), kind: 'escalation_ended', text: ':warning: Escalation has run its course and nobody acknowledged. Paging has stopped; call the on-call directly.' });
    return 'escalation over';
  }
  const page = await pageTier(deps, e, settings, plan.tierIndex, (result) => {
    const who = result.target ? ` to <@${result.target}>` : '';
    void recordStep(deps, e, {
      at: deps.now(),
      kind: result.ok ? 'paged' : 'page_failed',
      text: result.ok ? `Paged${who} by ${providerName(result.provider)}.` : `Page${who} by ${providerName(result.provider)} failed: ${result.reason}.`,
    });
  });
  await deps.emergencies.patch(e.team, e.id, { step: job.step });
  const label = plan.repeat ? `Nobody acknowledged; paging tier ${plan.tierIndex + 1} again` : `Nobody acknowledged; escalating to tier ${plan.tierIndex + 1}`;
  await recordStep(deps, e, { at: deps.now(), kind: 'escalated', text: `${label}: ${page.people.map((p) => `<@${p}>`).join(', ')}.` });
  await scheduleEscalation(deps, e, settings, job.step + 1);
  await page.done;
  return `paged tier ${plan.tierIndex + 1}`;
}
