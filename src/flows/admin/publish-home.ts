import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { appHomeView } from '../../slack/blocks/app-home';
import { isAdmin } from './is-admin';
import { myWeekSection } from '../evaluation/my-week';
import { hubHomeSection } from '../hub/hub-overview';

/** Renders the App Home tab for one person (views.publish replaces it whole). */
export async function publishHome(deps: Deps, client: WebClient, team: string, user: string): Promise<void> {
  const [settings, admin, items, [lastChange]] = await Promise.all([
    deps.settings.get(team),
    isAdmin(deps, team, user),
    deps.items.listByUser(team, user),
    deps.settings.history(team, 1),
  ]);
  const view = appHomeView({ settings, isAdmin: admin, authoritative: deps.settings.isAuthoritative(team), lastChange, items });
  const [hub, week] = await Promise.all([hubHomeSection(deps, team), myWeekSection(deps, team, user)]);
  const divider = { type: 'divider' };
  view.blocks = [...view.blocks, divider, ...(week as typeof view.blocks), divider, ...(hub as typeof view.blocks)];
  await client.views.publish({ user_id: user, view });
}
