import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency } from '../../core/emergency';
import { planEscalation } from '../../core/escalation';
import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';

export function escalationJobId(e: Pick<Emergency, 'team' | 'id'>, step: number): string {
  return jobId('esc', e.team, e.id, step);
}

/** Queues the page for `step`, one ack timeout from now by default; nothing when escalation is over. */
export async function scheduleEscalation(deps: Deps, e: Emergency, settings: WorkspaceSettings, step: number, delay = settings.emergency.ack_timeout): Promise<boolean> {
  if (!planEscalation(step, settings.emergency)) return false;
  await deps.queues.emergency.add('escalate', { team: e.team, id: e.id, step }, { jobId: escalationJobId(e, step), delay });
  return true;
}

/** Drops a waiting escalation step (acknowledged or resolved emergencies must never page again). */
export async function cancelEscalation(deps: Deps, e: Emergency, step: number): Promise<void> {
  await deps.queues.emergency.remove(escalationJobId(e, step)).catch(() => 0);
}
