import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { afterItemFiled } from '../../flows/hub/post-to-hub';
import type { Deps } from '../../deps';
import { fileItem } from '../../flows/file-item';
import { ASYNC_HELP } from '../blocks/async-help';
import { filedReply } from '../blocks/filed-reply';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

const ASYNC_WORD = /(^|\s)async(\s|$)/i;

/**
 * "@quadrant async" in a thread files the thread (slash commands cannot run in threads): the words after
 * "async" when there are any, else the thread's first message. Anything else gets a pointer to the help.
 */
export function appMention(deps: Deps) {
  return async ({ event, body, client }: Args) => {
    const team = (body as { team_id?: string }).team_id ?? '';
    const user = event.user;
    if (!user) return;
    const text = (event.text ?? '').replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim();
    const threadTs = event.thread_ts;
    if (!ASYNC_WORD.test(text)) {
      await client.chat.postEphemeral({ channel: event.channel, user, text: `Hi! ${ASYNC_HELP}`, ...(threadTs ? { thread_ts: threadTs } : {}) });
      return;
    }
    const rest = text.replace(ASYNC_WORD, ' ').trim();
    let source = { text: rest, ts: event.ts, author: user };
    if (!rest && threadTs) {
      const replies = await client.conversations.replies({ channel: event.channel, ts: threadTs, limit: 1 });
      const parent = replies.messages?.[0];
      if (parent?.text && parent.ts) source = { text: parent.text, ts: parent.ts, author: parent.user ?? user };
    }
    if (!source.text) {
      await client.chat.postEphemeral({ channel: event.channel, user, text: 'Mention me with `async` in a thread to file it, or `async <text>` to file that text.' });
      return;
    }
    const permalink = await client.chat.getPermalink({ channel: event.channel, message_ts: source.ts }).then((r) => r.permalink, () => undefined);
    const filed = await fileItem(deps, {
      team,
      author: source.author,
      channel: event.channel,
      text: source.text,
      source: 'mention',
      seed: `message-${event.channel}-${source.ts}`,
      ts: source.ts,
      threadTs,
      permalink,
    });
    await client.chat.postEphemeral({ channel: event.channel, user, ...filedReply(filed), ...(threadTs ? { thread_ts: threadTs } : {}) });
    await afterItemFiled(deps, filed);
  };
}
