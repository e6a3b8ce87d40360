import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { forgetWorkspace } from '../../flows/admin/forget-workspace';

type Args = SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs;

/** Slack has revoked every token already (Bolt skips authorization for this event); we delete the workspace's data. */
export function appUninstalled(deps: Deps) {
  return async ({ body, logger }: Args) => {
    try {
      await forgetWorkspace(deps, body.team_id);
    } catch (err) {
      logger.error('forgetting an uninstalled workspace failed', err);
    }
  };
}
