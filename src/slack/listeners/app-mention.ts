import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { afterItemFiled } from '../../flows/hub/post-to-hub';
import type { Deps } from '../../deps';
import { fileItem, MAX_ITEM_TEXT, type FiledItem } from '../../flows/file-item';
import { ASYNC_HELP } from '../blocks/async-help';
import { filedReply } from '../blocks/filed-reply';
import { replyFor, replyForError } from '../replies';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

const ASYNC_WORD = /(^|\s)async(\s|$)/i;

/**
 * "@quadrant async" in a thread files the thread (slash commands cannot run in threads): the words after
 * "async" when there are any, else the thread's first message. Anything else gets a pointer to the help.
 */
export function appMention(deps: Deps) {
  return async ({ event, body, client, logger }: Args) => {
    const team = (body as { team_id?: string }).team_id ?? '';
    const user = event.user;
    if (!user) return;
    const text = (event.text ?? '').replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim();
    const threadTs = event.thread_ts;
    if (!ASYNC_WORD.test(text)) {
      await client.chat.postEphemeral({ channel: event.channel, user, text: `Hi! ${ASYNC_HELP}`, ...(threadTs ? { thread_ts: threadTs } : {}) });
      return;
    }
    const reply = (message: { text: string; blocks?: unknown[] }) =>
      client.chat.postEphemeral({ channel: event.channel, user, ...message, ...(threadTs ? { thread_ts: threadTs } : {}) } as never);
    try {
      const filed = await fileMentioned(deps, client, { team, user, channel: event.channel, ts: event.ts, threadTs, rest: text.replace(ASYNC_WORD, ' ').trim() });
      if (typeof filed === 'string') return void (await reply({ text: filed }));
      await reply(filedReply(filed));
      await afterItemFiled(deps, filed);
    } catch (err) {
      // Slack does not retry an acknowledged event: the person hears that nothing was filed.
      logger.error('app mention failed', err);
      await reply({ text: replyForError(err) }).catch(() => undefined);
    }
  };
}

/** Files the mentioned text, or the thread's first message; a string is why nothing was filed. */
async function fileMentioned(
  deps: Deps,
  client: WebClient,
  m: { team: string; user: string; channel: string; ts: string; threadTs?: string; rest: string },
): Promise<FiledItem | string> {
  let source = { text: m.rest, ts: m.ts, author: m.user };
  if (!m.rest && m.threadTs) {
    const replies = await client.conversations.replies({ channel: m.channel, ts: m.threadTs, limit: 1 });
    const parent = replies.messages?.[0];
    if (parent?.text && parent.ts) source = { text: parent.text, ts: parent.ts, author: parent.user ?? m.user };
  }
  if (!source.text) return 'Mention me with `async` in a thread to file it, or `async <text>` to file that text.';
  if (source.text.length > MAX_ITEM_TEXT) return replyFor('quadrant_text_too_long');
  const permalink = await client.chat.getPermalink({ channel: m.channel, message_ts: source.ts }).then((r) => r.permalink, () => undefined);
  return fileItem(deps, {
    team: m.team,
    author: source.author,
    channel: m.channel,
    text: source.text,
    source: 'mention',
    seed: `message-${m.channel}-${source.ts}`,
    ts: source.ts,
    threadTs: m.threadTs,
    permalink,
  });
}
