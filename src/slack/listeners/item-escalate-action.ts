import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { escalateItem } from '../../flows/digest/escalate-item';
import { replyFor } from '../replies';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const EMERGENCY_HINT = 'If it cannot wait for the next digest (something is down, people are blocked right now), declare it with `/emergency` to page the on-call.';

/** "Escalate" on a digest item: raises it to Do now and says where real emergencies go. */
export function itemEscalateAction(deps: Deps) {
  return async ({ ack, action, body, respond, logger }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const outcome = await escalateItem(deps, team, action.value ?? '');
      const text = !outcome.ok
        ? replyFor(outcome.code)
        : outcome.item.status !== 'open'
          ? `\`${outcome.item.id}\` is already ${outcome.item.status}.`
          : `${outcome.changed ? 'Raised' : 'Already raised:'} \`${outcome.item.id}\` is *Do now* and leads the next digests. ${EMERGENCY_HINT}`;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (err) {
      logger.error('item escalate failed', err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: replyFor(undefined) }).catch(() => undefined);
    }
  };
}
