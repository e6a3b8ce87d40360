import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { afterItemFiled } from '../../flows/hub/post-to-hub';
import { isArea } from '../../core/areas';
import { isPriority } from '../../core/priority';
import type { Deps } from '../../deps';
import { fileItem } from '../../flows/file-item';
import { ASYNC_MODAL_MAX_TEXT } from '../blocks/async-modal';
import { filedReply } from '../blocks/filed-reply';
import { replyFor } from '../replies';

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;
type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null }>>;

/** The `/async` form: errors go back onto the right field; the verdict goes to the user ephemerally. */
export function asyncModalSubmission(deps: Deps) {
  return async ({ ack, view, body, client, logger }: Args) => {
    const values = view.state.values as StateValues;
    const text = values.text?.value?.value?.trim() ?? '';
    if (text === '') return void (await ack({ response_action: 'errors', errors: { text: 'Write what needs doing.' } }));
    if (text.length > ASYNC_MODAL_MAX_TEXT) return void (await ack({ response_action: 'errors', errors: { text: 'At most 3,000 characters; link a doc for the rest.' } }));
    const area = values.area?.value?.selected_option?.value;
    const priority = values.priority?.value?.selected_option?.value;
    const due = values.due?.value?.selected_date;
    let channel = body.user.id;
    try {
      channel = (JSON.parse(view.private_metadata || '{}') as { channel?: string }).channel ?? channel;
    } catch {
      // A forged or truncated private_metadata only loses the channel hint.
    }
    await ack();
    const team = body.team?.id ?? view.team_id;
    const user = body.user.id;
    try {
      const filed = await fileItem(deps, {
        team,
        author: user,
        channel,
        text,
        source: 'modal',
        seed: `view-${view.id}-${view.hash}`,
        area: isArea(area) ? area : undefined,
        priority: isPriority(priority) ? priority : undefined,
        dueAt: due ? Date.parse(`${due}T17:00:00Z`) : undefined,
      });
      await client.chat.postEphemeral({ channel, user, ...filedReply(filed) }).catch(() => client.chat.postMessage({ channel: user, ...filedReply(filed) }));
      await afterItemFiled(deps, filed);
    } catch (err) {
      logger.error('async modal failed', err);
      await client.chat.postMessage({ channel: user, text: replyFor(undefined) }).catch(() => undefined);
    }
  };
}
