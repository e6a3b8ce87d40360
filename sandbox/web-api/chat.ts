import { checkBlocks } from '../block-kit-check';
import { SlackApiError } from '../slack-api-error';
import type { Workspace } from '../workspace';
import type { Block, Json, StoredMessage } from '../model';
import { apiMessage, bool, json, need, requireMember, str, type Handler } from './args';

/** Slack truncates longer text; an app that relies on more loses the tail. */
const MAX_TEXT = 40000;

function blocksArg(args: Record<string, unknown>): Block[] | undefined {
  const blocks = json<unknown>(args, 'blocks', 'invalid_blocks_format');
  if (blocks === undefined) return undefined;
  const errors = checkBlocks(blocks, { surface: 'message' });
  if (errors.length > 0) throw new SlackApiError('invalid_blocks', errors);
  return blocks as Block[];
}

function contentArgs(args: Record<string, unknown>) {
  const text = str(args, 'text') ?? str(args, 'markdown_text');
  const blocks = blocksArg(args);
  const attachments = json<Json[]>(args, 'attachments', 'invalid_attachments');
  if (text === undefined && !blocks && !attachments) throw new SlackApiError('no_text');
  if (text !== undefined && text.length > MAX_TEXT) throw new SlackApiError('msg_too_long');
  return { text: text ?? '', blocks, attachments };
}

/** A user id as channel means "the DM with that user", as chat.postMessage allows. */
function targetChannel(ws: Workspace, channel: string): string {
  if (/^[UW][A-Z0-9]+$/.test(channel)) return ws.openDm(channel).channel.id;
  return ws.mustChannel(channel).id;
}

function isOwn(message: StoredMessage, auth: { userId: string; botId: string }): boolean {
  return message.user === auth.userId || (message.user === undefined && message.bot_id === auth.botId);
}

const postMessage: Handler = ({ ws, args, auth, warn }) => {
  const channel = targetChannel(ws, need(args, 'channel', 'channel_not_found'));
  requireMember(ws, channel, auth.userId, 'not_in_channel');
  const { text, blocks, attachments } = contentArgs(args);
  const metadata = json<Json>(args, 'metadata', 'invalid_metadata_format');
  if (metadata && (typeof metadata.event_type !== 'string' || typeof metadata.event_payload !== 'object')) throw new SlackApiError('invalid_metadata_format');
  const threadTs = str(args, 'thread_ts');
  // Slack accepts a reply to a thread that does not exist; nobody ever sees it.
  if (threadTs && !ws.findMessage(channel, threadTs)) warn(`chat.postMessage: thread_ts ${threadTs} matches no message in ${channel}`);
  const message = ws.post({ channel, user: auth.userId, text, blocks, attachments, metadata, thread_ts: threadTs, reply_broadcast: bool(args, 'reply_broadcast') });
  return { ok: true, channel, ts: message.ts, message: apiMessage(message) };
};

const postEphemeral: Handler = ({ ws, args, auth }) => {
  const channel = targetChannel(ws, need(args, 'channel', 'channel_not_found'));
  const user = need(args, 'user', 'user_not_in_channel');
  requireMember(ws, channel, auth.userId, 'not_in_channel');
  requireMember(ws, channel, user, 'user_not_in_channel');
  const { text, blocks, attachments } = contentArgs(args);
  const ephemeral = ws.addEphemeral({ channel, user, text, blocks, attachments, thread_ts: str(args, 'thread_ts'), via: 'chat.postEphemeral' });
  return { ok: true, message_ts: ephemeral.ts };
};

const update: Handler = ({ ws, args, auth }) => {
  const channel = ws.mustChannel(need(args, 'channel', 'channel_not_found')).id;
  const ts = need(args, 'ts', 'message_not_found');
  const existing = ws.findMessage(channel, ts);
  if (!existing) throw new SlackApiError('message_not_found');
  // A bot token may only edit the bot's own messages.
  if (!isOwn(existing, auth)) throw new SlackApiError('cant_update_message');
  const text = str(args, 'text') ?? str(args, 'markdown_text');
  const blocks = blocksArg(args);
  const attachments = json<Json[]>(args, 'attachments', 'invalid_attachments');
  const metadata = json<Json>(args, 'metadata', 'invalid_metadata_format');
  if (text === undefined && !blocks && !attachments && !metadata) throw new SlackApiError('no_text');
  const { message } = ws.update(channel, ts, { text, blocks, attachments, metadata }, auth.userId);
  return { ok: true, channel, ts, text: message.text, message: apiMessage(message) };
};

const remove: Handler = ({ ws, args, auth }) => {
  const channel = ws.mustChannel(need(args, 'channel', 'channel_not_found')).id;
  const ts = need(args, 'ts', 'message_not_found');
  const existing = ws.findMessage(channel, ts);
  if (!existing) throw new SlackApiError('message_not_found');
  if (!isOwn(existing, auth)) throw new SlackApiError('cant_delete_message');
  ws.remove(channel, ts);
  return { ok: true, channel, ts };
};

const getPermalink: Handler = ({ ws, args }) => {
  const channel = ws.mustChannel(need(args, 'channel', 'channel_not_found')).id;
  const ts = need(args, 'message_ts', 'message_not_found');
  const message = ws.findMessage(channel, ts);
  if (!message) throw new SlackApiError('message_not_found');
  const base = `https://${ws.team.domain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  const inThread = message.thread_ts && message.thread_ts !== message.ts;
  return { ok: true, channel, permalink: inThread ? `${base}?thread_ts=${message.thread_ts}&cid=${channel}` : base };
};

export const chatMethods: Record<string, Handler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'chat.getPermalink': getPermalink,
};
