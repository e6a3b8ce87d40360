import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { afterItemFiled } from '../../flows/hub/post-to-hub';
import type { Deps } from '../../deps';
import { fileItem, MAX_ITEM_TEXT } from '../../flows/file-item';
import { filedReply } from '../blocks/filed-reply';
import { emergencyModal } from '../blocks/emergency-modal';
import { replyFor, replyForError } from '../replies';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

const NO_TEXT = 'That message has no text to file (only files or attachments). Describe the work with `/async <what needs doing>` and link the message.';

/** "Send to async digest" on any message, thread replies included (slash commands cannot run in threads). */
export function sendToAsyncShortcut(deps: Deps) {
  return async ({ ack, shortcut, client, respond, logger }: Args) => {
    await ack();
    const team = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    const message = shortcut.message as { ts: string; text?: string; user?: string; thread_ts?: string };
    const text = message.text?.trim() ?? '';
    if (text === '') return void (await respond({ response_type: 'ephemeral', text: NO_TEXT }).catch(() => undefined));
    if (text.length > MAX_ITEM_TEXT) return void (await respond({ response_type: 'ephemeral', text: replyFor('quadrant_text_too_long') }).catch(() => undefined));
    try {
      const permalink = await client.chat
        .getPermalink({ channel: shortcut.channel.id, message_ts: message.ts })
        .then((r) => r.permalink, () => undefined);
      const filed = await fileItem(deps, {
        team,
        author: message.user ?? shortcut.user.id,
        channel: shortcut.channel.id,
        text,
        source: 'shortcut',
        seed: `message-${shortcut.channel.id}-${message.ts}`,
        ts: message.ts,
        threadTs: message.thread_ts,
        permalink,
      });
      await respond({ response_type: 'ephemeral', ...filedReply(filed) });
      await afterItemFiled(deps, filed);
    } catch (err) {
      logger.error('send to async failed', err);
      await respond({ response_type: 'ephemeral', text: replyForError(err) }).catch(() => undefined);
    }
  };
}

/** "Declare emergency" on a message: opens the emergency form with the message's text. */
export function declareEmergencyShortcut(_deps: Deps) {
  return async ({ ack, shortcut, client, logger }: Args) => {
    await ack();
    const message = shortcut.message as { ts: string; text?: string };
    await client.views
      .open({ trigger_id: shortcut.trigger_id, view: emergencyModal({ channel: shortcut.channel.id, ts: message.ts }, message.text ?? '') })
      .catch((err: unknown) => logger.error('emergency modal failed', err));
  };
}
