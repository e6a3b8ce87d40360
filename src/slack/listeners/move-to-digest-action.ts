import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterItemFiled } from '../../flows/hub/post-to-hub';
import type { Deps } from '../../deps';
import { fileItem } from '../../flows/file-item';
import { filedReply } from '../blocks/filed-reply';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** After "Not an emergency": file the emergency's text as an async item (once, whoever clicks). */
export function moveToDigestAction(deps: Deps) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const e = action.value ? await deps.emergencies.get(team, action.value) : undefined;
    if (!e) return void (await respond({ response_type: 'ephemeral', replace_original: true, text: "I can't find that emergency any more." }));
    const filed = await fileItem(deps, {
      team,
      author: /^[UW]/.test(e.reporter) ? e.reporter : body.user.id,
      channel: /^[CGD]/.test(e.origin) ? e.origin : (e.post?.channel ?? body.user.id),
      text: e.text,
      source: 'command',
      seed: `emergency-${e.id}`,
      area: 'daily_operations',
    });
    await respond({ response_type: 'ephemeral', replace_original: true, ...filedReply(filed) });
    await afterItemFiled(deps, filed);
  };
}
