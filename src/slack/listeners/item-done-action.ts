import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { markItemDone } from '../../flows/mark-item-done';
import { replyFor } from '../replies';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Done" on an item anywhere (digest reply, `/async list`, the filed reply). */
export function itemDoneAction(deps: Deps) {
  return async ({ ack, action, body, respond, logger }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const outcome = await markItemDone(deps, team, action.value ?? '', body.user.id);
      if (!outcome.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: replyFor(outcome.code) });
      } else if (body.container?.is_ephemeral) {
        await respond({ response_type: 'ephemeral', replace_original: true, text: `Marked \`${outcome.item.id}\` done.` });
      }
    } catch (err) {
      logger.error('item done failed', err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: replyFor(undefined) }).catch(() => undefined);
    }
  };
}
