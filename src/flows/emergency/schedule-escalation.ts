import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency } from '../../core/emergency';
import type { PageResult } from '../../core/ports';
import { escalationEndStep, planEscalation } from '../../core/escalation';
import type { Deps } from '../../deps';
import { calledOff } from '../../pagers';
import { retryAfterOf } from '../../pagers/http';
import { jobId } from '../../queue/queues';

/** What an escalation job returns when the emergency is not in Redis. */
export const UNKNOWN_EMERGENCY = 'unknown emergency';

export function escalationJobId(e: Pick<Emergency, 'team' | 'id'>, step: number): string {
  return jobId('esc', e.team, e.id, step);
}

/** "Escalate now" gets its own id: the step's delayed job may still be waiting (and is cancelled). */
function escalateNowJobId(e: Pick<Emergency, 'team' | 'id'>, step: number): string {
  return `${escalationJobId(e, step)}-now`;
}

/**
 * Queues the page for `step`, one ack timeout from now by default, or after the last page the step that says
 * escalation is over; nothing past that. The job id is derived from the emergency and step, so scheduling
 * twice (a replay, a retried job) queues it once.
 */
export async function scheduleEscalation(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, settings: WorkspaceSettings, step: number, delay = settings.emergency.ack_timeout): Promise<boolean> {
  if (!planEscalation(step, settings.emergency) && step !== escalationEndStep(settings.emergency)) return false;
  await deps.queues.emergency.add('escalate', { team: e.team, id: e.id, step }, { jobId: escalationJobId(e, step), delay: Math.max(0, delay) });
  return true;
}

/**
 * How long after a declaration its first tier is checked. Longer than the declaration's own paging can take (four
 * tries of five seconds each, with waits of at most five seconds between them), so a check never pages a tier whose
 * pages are still going out; short beside an ack timeout, so a crash costs tier 1 a minute rather than a tier.
 */
export const FIRST_TIER_CHECK_MS = 60_000;

/**
 * Queues the check that tier 1 was paged: the step-0 job claims the step only if the declaration never marked its
 * pages settled (the process that declared it died on the way), and then pages tier 1 from a worker.
 */
export async function scheduleFirstTierCheck(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, settings: WorkspaceSettings): Promise<void> {
  if (!planEscalation(0, settings.emergency)) return;
  await deps.queues.emergency.add('escalate', { team: e.team, id: e.id, step: 0 }, { jobId: escalationJobId(e, 0), delay: FIRST_TIER_CHECK_MS });
}

/**
 * As scheduleEscalation, for the spool replay: a declaration whose record did not reach Redis may still have
 * queued its job, which then ran, found no emergency and finished. Its id would make a new add a no-op.
 */
export async function rescheduleEscalation(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, settings: WorkspaceSettings, step: number, delay: number): Promise<boolean> {
  const earlier = await deps.queues.emergency.getJob(escalationJobId(e, step));
  if (earlier?.returnvalue === UNKNOWN_EMERGENCY) await earlier.remove();
  return scheduleEscalation(deps, e, settings, step, delay);
}

export async function escalateNow(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, step: number): Promise<void> {
  await cancelEscalation(deps, e, step);
  await deps.queues.emergency.add('escalate', { team: e.team, id: e.id, step }, { jobId: escalateNowJobId(e, step) });
}

/**
 * Drops the waiting escalation step. Belt and braces: a job that runs anyway (already taken by a worker)
 * finds the emergency acknowledged or closed when it claims the step, and pages nobody.
 */
export async function cancelEscalation(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, step: number): Promise<void> {
  await Promise.all([escalationJobId(e, step), escalateNowJobId(e, step)].map((id) => deps.queues.emergency.remove(id).catch(() => 0)));
}

/** A tier-1 PagerDuty or Opsgenie alert tried again from the queue (see queueProviderRetry). */
export interface ProviderRetryJob {
  team: string;
  id: string;
  provider: string;
  /** 1 for the first try from the queue. */
  attempt: number;
}

/** Tries from the queue after the declaration's own; about two and a half minutes at 30 s apart. */
export const PROVIDER_RETRY_ATTEMPTS = 5;
const DEFAULT_WAIT_MS = 30_000;
const MIN_WAIT_MS = 1_000;
/** A Retry-After longer than this is not waited out in full: the alert matters more than the provider's comfort. */
const MAX_WAIT_MS = 5 * 60_000;

export function providerRetryJobId(e: Pick<Emergency, 'team' | 'id'>, provider: string, attempt: number): string {
  return jobId('page', e.team, e.id, provider, attempt);
}

export function providerRetryDelay(result: PageResult): number {
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, retryAfterOf(result) ?? DEFAULT_WAIT_MS));
}

/** Whether a tier-1 page that failed is tried again from the queue: a per-emergency provider, still wanted. */
export function retriedFromQueue(result: PageResult, perPerson: boolean): result is Extract<PageResult, { ok: false }> {
  return !result.ok && result.retryable && !perPerson && !calledOff(result);
}

/**
 * PagerDuty and Opsgenie page whole teams from one alert, so a tier-1 alert they refused for a while (429,
 * 5xx) is tried again from the queue, well past the seconds the declaration's own retries cover: PagerDuty's
 * docs suggest tries 30 s apart, and a Retry-After says how long. Both fold a repeat into the open alert
 * (dedup_key, alias), so a try that runs twice costs nothing; the job id keeps one job per try.
 */
export async function queueProviderRetry(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, provider: string, attempt: number, delay: number): Promise<void> {
  const data: ProviderRetryJob = { team: e.team, id: e.id, provider, attempt };
  await deps.queues.emergency.add('page-retry', data, { jobId: providerRetryJobId(e, provider, attempt), delay });
}
