import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import type { NudgeButton } from '../../core/nudge';
import { recordNudgeAnswer } from '../../flows/evaluation/record';
import { fileItem } from '../../flows/file-item';
import { afterItemFiled } from '../../flows/hub/post-to-hub';
import { emergencyModal } from '../blocks/emergency-modal';
import { filedReply } from '../blocks/filed-reply';
import { NUDGE_ACTION_PREFIX, type NudgeRef } from '../blocks/nudge-blocks';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

interface NudgeContext {
  user: string;
  text: string;
  threadTs?: string;
}

function parseRef(value: string | undefined): NudgeRef | undefined {
  try {
    const ref = JSON.parse(value ?? '') as Partial<NudgeRef>;
    return typeof ref.channel === 'string' && typeof ref.ts === 'string' ? { channel: ref.channel, ts: ref.ts } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The buttons on a nudge. Only the author sees a nudge (it is ephemeral), but the check is repeated here so a
 * forged payload cannot file or withdraw someone else's message.
 */
export function nudgeAction(deps: Deps) {
  return async ({ ack, action, body, client, respond }: Args) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const ref = parseRef(action.value);
    const button = action.action_id.slice(NUDGE_ACTION_PREFIX.length);
    const raw = ref ? await deps.redis.get(deps.keys.nudgeContext(team, ref.channel, ref.ts)) : null;
    const context = raw ? (JSON.parse(raw) as NudgeContext) : undefined;
    if (!ref || !context) return void (await respond({ response_type: 'ephemeral', replace_original: true, text: 'That suggestion has expired; nothing was changed.' }));
    if (context.user !== body.user.id) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: 'Only the author of the message can act on this suggestion.' }));

    void recordNudgeAnswer(deps, team, ref.channel, button as NudgeButton);
    switch (button) {
      case 'send_to_digest':
      case 'make_async': {
        const permalink = await client.chat.getPermalink({ channel: ref.channel, message_ts: ref.ts }).then((r) => r.permalink, () => undefined);
        const filed = await fileItem(deps, {
          team,
          author: context.user,
          channel: ref.channel,
          text: context.text,
          source: 'policy',
          seed: `message-${ref.channel}-${ref.ts}`,
          ts: ref.ts,
          threadTs: context.threadTs,
          permalink,
          ...(button === 'make_async' ? { area: 'daily_operations' as const } : {}),
        });
        await respond({ response_type: 'ephemeral', replace_original: true, ...filedReply(filed) });
        return void (await afterItemFiled(deps, filed));
      }
      case 'declare_emergency':
        await client.views.open({ trigger_id: body.trigger_id, view: emergencyModal({ channel: ref.channel, ts: ref.ts }, context.text) });
        return void (await respond({ response_type: 'ephemeral', delete_original: true }));
      case 'keep_as_is': {
        // The author knows best: a message the policy queued on its own comes back out of the digest.
        const item = await deps.items.findBySource(team, ref.channel, ref.ts);
        if (item && item.status === 'open' && item.source === 'policy' && !item.posted) await deps.items.setStatus(team, item.id, 'dropped', deps.now());
        return void (await respond({ response_type: 'ephemeral', delete_original: true }));
      }
    }
  };
}
