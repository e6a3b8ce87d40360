import { weeksEndingAt } from '../../core/evaluation';
import type { Deps } from '../../deps';
import { myWeekBlocks } from '../../slack/blocks/report-my-week';
import { tipsEnabled } from '../intro';
import { evaluationOf } from './record';

/** App Home's "Your week" section for `user`: their own counts this week and last, and the tips switch. */
export async function myWeekSection(deps: Deps, team: string, user: string): Promise<unknown[]> {
  const settings = await deps.settings.get(team);
  const [lastWeek, thisWeek] = weeksEndingAt(deps.now(), settings.timezone, 2) as [string, string];
  const store = evaluationOf(deps);
  const [mine, last, tipsOn] = await Promise.all([store.userWeek(team, thisWeek, user), store.userWeek(team, lastWeek, user), tipsEnabled(deps, team, user)]);
  return myWeekBlocks({ thisWeek: mine, lastWeek: last, tipsOn });
}
