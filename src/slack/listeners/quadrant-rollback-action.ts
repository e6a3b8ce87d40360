import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { rollbackSettings } from '../../flows/admin/change-settings';
import { publishHome } from '../../flows/admin/publish-home';
import { tellAdmin } from '../../flows/admin/tell-admin';
import { savedText } from '../blocks/quadrant-notice';
import { issueLines, notAdminText } from '../blocks/quadrant-words';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Roll back" in `/quadrant history` (after Slack's confirmation dialog); the flow re-checks the clicker. */
export function quadrantRollbackAction(deps: Deps) {
  return async ({ ack, action, body, client, respond, logger }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const user = body.user.id;
    const tell = async (text: string) => {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
      else await tellAdmin(client, { user, origin: body.channel?.id }, text);
    };
    try {
      const changeId = Number(action.value);
      if (!Number.isInteger(changeId) || changeId < 1) return await tell('That button names no change. `/quadrant history` lists them.');
      const outcome = await rollbackSettings(deps, { team, by: user, changeId });
      if (!outcome.ok) {
        if (outcome.reason === 'not_admin') return await tell(notAdminText(outcome.admins));
        return await tell(`Nothing was rolled back:\n${issueLines(outcome.issues).join('\n')}`);
      }
      await tell(savedText(`Rolled back to the settings before #${changeId}`, outcome.value.change));
      await publishHome(deps, client, team, user).catch(() => undefined);
    } catch (err) {
      logger.error('rollback failed', err);
      await tell('The rollback failed; nothing was changed. Please try again in a minute.').catch(() => undefined);
    }
  };
}
