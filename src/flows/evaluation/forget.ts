import type { Deps } from '../../deps';
import { evaluationOf } from './record';
import { removeWeeklySchedulers } from './weekly-schedule';

/**
 * Uninstall's first step for the hub, the evaluation and the introductions: counts still batched in memory
 * are written (else they would recreate keys after the deletion) and the weekly job schedulers go. Their
 * keys are deleted with the rest of the workspace's (forget-workspace.ts).
 */
export async function stopFramework(deps: Deps, team: string): Promise<void> {
  await evaluationOf(deps).flush();
  await removeWeeklySchedulers(deps, team);
}

/** `/quadrant erase @user`: the person's own counts and ranking entries, their introduction and tips flags. */
export async function forgetPersonInFramework(deps: Deps, team: string, user: string): Promise<number> {
  const removed = await evaluationOf(deps).forgetUser(team, user);
  return removed + (await deps.redis.del(deps.keys.introduced(team, user), deps.keys.tipsOff(team, user)));
}
