import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { forgetBotToken } from '../../flows/admin/forget-workspace';

type Args = SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs;

/** Only the bot token matters to Quadrant (it asks for no user scopes); when it is revoked, its installation goes. */
export function tokensRevoked(deps: Deps) {
  return async ({ event, body, logger }: Args) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    try {
      await forgetBotToken(deps, body.team_id);
    } catch (err) {
      logger.error('dropping a revoked installation failed', err);
    }
  };
}
