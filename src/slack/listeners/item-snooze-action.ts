import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { localMomentLabel } from '../../core/schedule';
import type { Deps } from '../../deps';
import { snoozeItem } from '../../flows/digest/snooze-item';
import { replyFor } from '../replies';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Snooze" on a digest item: it leaves this digest and comes back in the next one. */
export function itemSnoozeAction(deps: Deps) {
  return async ({ ack, action, body, respond, logger }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const outcome = await snoozeItem(deps, team, action.value ?? '');
      const text = !outcome.ok
        ? replyFor(outcome.code)
        : outcome.changed
          ? `Snoozed \`${outcome.item.id}\`: it comes back in the next digest (${localMomentLabel(outcome.until, outcome.timezone)}).`
          : `\`${outcome.item.id}\` is already ${outcome.item.status}; nothing to snooze.`;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (err) {
      logger.error('item snooze failed', err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: replyFor(undefined) }).catch(() => undefined);
    }
  };
}
