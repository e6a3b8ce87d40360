import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { publishHome } from '../../flows/admin/publish-home';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** The Home tab is rendered fresh each time it is opened (the Messages tab needs nothing). */
export function appHomeOpened(deps: Deps) {
  return async ({ event, body, client, logger }: Args) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(deps, client, body.team_id, event.user);
    } catch (err) {
      logger.error('publishing the App Home failed', err);
    }
  };
}
