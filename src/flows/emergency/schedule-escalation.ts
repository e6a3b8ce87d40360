import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency } from '../../core/emergency';
import { escalationEndStep, planEscalation } from '../../core/escalation';
import type { Deps } from '../../deps';
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
