import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isHubAction } from '../../core/hub';
import type { Deps } from '../../deps';
import { changeHubState, type HubChangeOutcome } from '../../flows/hub/change-state';
import { HUB_ACTION_PREFIX, HUB_STATE_LABEL } from '../blocks/hub-message';
import { replyFor } from '../replies';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Matches every hub button (`hub_discuss`, `hub_decide`, `hub_archive`, `hub_reopen`). */
export const HUB_ACTION_PATTERN = new RegExp(`^${HUB_ACTION_PREFIX}(discuss|decide|archive|reopen)$`);

function refusal(outcome: Extract<HubChangeOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'busy':
      return 'Someone is changing this item right now. Try again in a moment.';
    case 'not_allowed':
      return `This item has moved on (it is now ${HUB_STATE_LABEL[outcome.item?.hub?.state ?? 'proposal']}); the buttons on it show what can happen next.`;
    case 'not_in_hub':
    case 'unknown':
      return 'That item is no longer in the hub.';
  }
}

/** The state buttons on a hub message. The message itself is updated by the flow; only refusals are answered. */
export function hubStateAction(deps: Deps) {
  return async ({ ack, action, body, respond, logger }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const hubAction = action.action_id.slice(HUB_ACTION_PREFIX.length);
    if (!isHubAction(hubAction) || !action.value) return;
    try {
      let outcome = await changeHubState(deps, team, action.value, hubAction, body.user.id);
      // The hub message exists a moment before the item records where it is; a click in that moment waits for it.
      for (let attempt = 0; !outcome.ok && outcome.reason === 'not_in_hub' && attempt < 10; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        outcome = await changeHubState(deps, team, action.value, hubAction, body.user.id);
      }
      if (!outcome.ok) await respond({ response_type: 'ephemeral', replace_original: false, text: refusal(outcome) });
    } catch (err) {
      logger.error('hub state change failed', err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: replyFor(undefined) }).catch(() => undefined);
    }
  };
}
