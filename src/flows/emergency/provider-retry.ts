import { isPaging } from '../../core/emergency';
import type { Deps } from '../../deps';
import { pageAll, type StepPageRequest } from '../../pagers';
import { providerName } from '../../slack/blocks/emergency-blocks';
import { recordStep } from './notify';
import { pageRequestFor, pagersFor } from './paging';
import { PROVIDER_RETRY_ATTEMPTS, providerRetryDelay, queueProviderRetry, UNKNOWN_EMERGENCY, type ProviderRetryJob } from './schedule-escalation';

/**
 * One try from the queue at a tier-1 PagerDuty or Opsgenie alert (see queueProviderRetry): sent only while
 * the emergency is still paging, and queued again, up to PROVIDER_RETRY_ATTEMPTS, while the provider keeps
 * refusing for a reason worth retrying.
 */
export async function providerRetryJob(deps: Deps, job: ProviderRetryJob): Promise<string> {
  const e = await deps.emergencies.get(job.team, job.id);
  if (!e) return UNKNOWN_EMERGENCY;
  if (!isPaging(e)) return `not paging (${e.status})`;
  const settings = await deps.settings.get(job.team);
  const pager = (await pagersFor(deps, job.team, settings)).pagers.find((p) => p.id === job.provider && !p.perPerson);
  if (!pager) return 'provider no longer configured';
  const log = deps.logger.child({ team: e.team, emergency: e.id, provider: job.provider, attempt: job.attempt });
  // The tier-1 alert, as the declaration sent it: the same key, so it lands on the alert if it was made after all.
  const request: StepPageRequest = { ...pageRequestFor(e, 1), step: 0 };
  const [result] = await pageAll([pager], request, [], { retries: 0, backoffMs: 0, log });
  const name = providerName(job.provider);
  if (!result) return 'nothing sent';
  if (result.ok) {
    deps.metrics.pages.inc({ provider: job.provider, outcome: 'accepted' });
    await recordStep(deps, e, { at: deps.now(), kind: 'paged', text: `Paged by ${name} (try ${job.attempt + 1}).` });
    return 'paged';
  }
  if (result.retryable && job.attempt < PROVIDER_RETRY_ATTEMPTS) {
    const delay = providerRetryDelay(result);
    await queueProviderRetry(deps, e, job.provider, job.attempt + 1, delay);
    await recordStep(deps, e, { at: deps.now(), kind: 'page_failed', text: `Page by ${name} failed again: ${result.reason}; trying again in ${Math.round(delay / 1000)} s.` });
    return 'retry queued';
  }
  deps.metrics.pages.inc({ provider: job.provider, outcome: 'failed' });
  await recordStep(deps, e, { at: deps.now(), kind: 'page_failed', text: `Page by ${name} failed: ${result.reason}. Gave up after ${job.attempt + 1} tries.` }, { broadcast: true });
  return 'gave up';
}
