import type { Deps } from '../../deps';
import { deleteWorkspaceKeys, keyKind } from '../admin/scan-keys';
import { evaluationOf } from './record';
import { removeWeeklySchedulers } from './weekly-schedule';

/**
 * What the hub, the evaluation and the introductions keep for a workspace, deleted (uninstall): counts,
 * hub indexes and claims, weekly markers, introduction and tips flags, and the weekly job schedulers.
 */
export async function forgetFramework(deps: Deps, team: string): Promise<number> {
  const { keys, redis } = deps;
  // Counts still in the batch would write the keys again after they are gone.
  await evaluationOf(deps).flush();
  await removeWeeklySchedulers(deps, team);
  const made = [
    keys.evalWeek(team, ''),
    keys.evalChannels(team, ''),
    keys.evalUser(team, '', ''),
    keys.evalPeople(team, ''),
    keys.weeklyPosted(team, '', ''),
    keys.hubItems(team),
    keys.hubDecided(team),
    keys.hubMissingTold(team),
    keys.hubClaim(team, ''),
    keys.hubLock(team, ''),
    keys.introduced(team, ''),
    keys.tipsOff(team, ''),
  ];
  return deleteWorkspaceKeys(redis, { prefix: keys.prefix, team, kinds: new Set(made.map((key) => keyKind(keys.prefix, key))) });
}

/** `/quadrant erase @user`: the person's own counts and ranking entries, their introduction and tips flags. */
export async function forgetPersonInFramework(deps: Deps, team: string, user: string): Promise<number> {
  const removed = await evaluationOf(deps).forgetUser(team, user);
  return removed + (await deps.redis.del(deps.keys.introduced(team, user), deps.keys.tipsOff(team, user)));
}
