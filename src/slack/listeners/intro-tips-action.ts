import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import { setTips } from '../../flows/intro';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Turn off tips" / "Turn tips back on" (the introduction, App Home): a personal preference, kept in Redis. */
export function introTipsAction(deps: Deps) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const on = action.value === 'on';
    await setTips(deps, team, body.user.id, on);
    const text = on ? 'Tips are back on.' : 'Tips are off: Quadrant will not send you introductions or tips. Nudges about the rules still come.';
    // From a message (the introduction) the reply replaces it; App Home is re-rendered by its own listener.
    if (body.container?.type === 'message' || body.container?.is_ephemeral) await respond({ response_type: 'ephemeral', replace_original: true, text }).catch(() => undefined);
  };
}
