import { parseTs } from '../ids';
import { SlackApiError } from '../slack-api-error';
import type { Workspace } from '../workspace';
import type { Json, SandboxChannel, StoredMessage } from '../model';
import { apiMessage, bool, int, need, str, type Handler } from './args';

/** conversations.info's `channel` object (shape from web-api/methods/conversations.info.json). */
function channelObject(ws: Workspace, c: SandboxChannel, viewer: string, withCount = false): Json {
  if (c.kind === 'im') {
    return { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.user, is_user_deleted: false, priority: 0 };
  }
  return {
    id: c.id,
    name: c.name,
    is_channel: c.kind === 'channel',
    is_group: c.kind === 'group',
    is_im: false,
    is_mpim: c.kind === 'mpim',
    is_private: c.kind !== 'channel',
    created: c.created,
    is_archived: false,
    is_general: c.isGeneral,
    unlinked: 0,
    name_normalized: c.name,
    is_shared: false,
    is_org_shared: false,
    is_ext_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: ws.team.id,
    creator: c.creator,
    is_member: c.members.includes(viewer),
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: c.purpose, creator: c.creator, last_set: c.created },
    previous_names: [],
    ...(withCount ? { num_members: c.members.length } : {}),
  };
}

/** Cursors are opaque to apps; these encode the next offset like Slack's base64 "next_ts:" cursors. */
function encodeCursor(offset: number): string {
  return Buffer.from(`next:${offset}`).toString('base64');
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^next:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString());
  if (!m) throw new SlackApiError('invalid_cursor');
  return Number(m[1]);
}

function page<T>(items: T[], args: Record<string, unknown>, fallbackLimit: number): { items: T[]; hasMore: boolean; next: string } {
  const offset = decodeCursor(str(args, 'cursor'));
  const limit = Math.min(int(args, 'limit', fallbackLimit), 1000);
  const slice = items.slice(offset, offset + limit);
  const hasMore = offset + limit < items.length;
  return { items: slice, hasMore, next: hasMore ? encodeCursor(offset + limit) : '' };
}

function inRange(m: StoredMessage, args: Record<string, unknown>): boolean {
  const inclusive = bool(args, 'inclusive');
  const t = parseTs(m.ts);
  const latest = str(args, 'latest');
  const oldest = str(args, 'oldest');
  if (latest !== undefined && (inclusive ? t > parseTs(latest) : t >= parseTs(latest))) return false;
  if (oldest !== undefined && (inclusive ? t < parseTs(oldest) : t <= parseTs(oldest))) return false;
  return true;
}

function readable(ws: Workspace, channelId: string, viewer: string): SandboxChannel {
  const c = ws.mustChannel(channelId);
  if (c.kind !== 'channel' && !c.members.includes(viewer)) throw new SlackApiError('channel_not_found');
  if (!c.members.includes(viewer)) throw new SlackApiError('not_in_channel');
  return c;
}

const info: Handler = ({ ws, args, auth }) => {
  const c = ws.mustChannel(need(args, 'channel', 'channel_not_found'));
  if (c.kind !== 'channel' && !c.members.includes(auth.userId)) throw new SlackApiError('channel_not_found');
  return { ok: true, channel: channelObject(ws, c, auth.userId, bool(args, 'include_num_members')) };
};

const history: Handler = ({ ws, args, auth }) => {
  const c = readable(ws, need(args, 'channel', 'channel_not_found'), auth.userId);
  // Newest first, as Slack returns it.
  const all = ws.history(c.id).filter((m) => inRange(m, args)).reverse();
  const { items, hasMore, next } = page(all, args, 100);
  return { ok: true, messages: items.map(apiMessage), has_more: hasMore, pin_count: 0, response_metadata: { next_cursor: next } };
};

const replies: Handler = ({ ws, args, auth }) => {
  const c = readable(ws, need(args, 'channel', 'channel_not_found'), auth.userId);
  const thread = ws.thread(c.id, need(args, 'ts', 'thread_not_found'));
  if (thread.length === 0) throw new SlackApiError('thread_not_found');
  const [parent, ...rest] = thread;
  // The parent always comes first; the range applies to replies.
  const { items, hasMore, next } = page([parent!, ...rest.filter((m) => inRange(m, args))], args, 1000);
  return { ok: true, messages: items.map(apiMessage), has_more: hasMore, response_metadata: { next_cursor: next } };
};

const members: Handler = ({ ws, args, auth }) => {
  const c = ws.mustChannel(need(args, 'channel', 'channel_not_found'));
  if (c.kind !== 'channel' && !c.members.includes(auth.userId)) throw new SlackApiError('channel_not_found');
  const { items, next } = page(c.members, args, 100);
  return { ok: true, members: items, response_metadata: { next_cursor: next } };
};

const open: Handler = ({ ws, args, auth }) => {
  const existing = str(args, 'channel');
  if (existing) {
    const c = ws.mustChannel(existing);
    return { ok: true, no_op: true, already_open: true, channel: bool(args, 'return_im') ? channelObject(ws, c, auth.userId) : { id: c.id } };
  }
  const users = (str(args, 'users') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (users.length === 0) throw new SlackApiError('users_list_not_supplied');
  if (users.length > 8) throw new SlackApiError('too_many_users');
  if (users.length === 1) {
    const { channel, alreadyOpen } = ws.openDm(users[0]!);
    const body: Json = { ok: true, channel: bool(args, 'return_im') ? channelObject(ws, channel, auth.userId) : { id: channel.id } };
    if (alreadyOpen) Object.assign(body, { no_op: true, already_open: true });
    return body;
  }
  return { ok: true, channel: { id: ws.openMpim(users).id } };
};

const join: Handler = ({ ws, args, auth }) => {
  const c = ws.mustChannel(need(args, 'channel', 'channel_not_found'));
  if (c.kind !== 'channel') throw new SlackApiError('method_not_supported_for_channel_type');
  const joined = ws.join(c.id, auth.userId);
  const body: Json = { ok: true, channel: channelObject(ws, c, auth.userId) };
  if (!joined) Object.assign(body, { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } });
  return body;
};

const list: Handler = ({ ws, args, auth }) => {
  const types = (str(args, 'types') ?? 'public_channel').split(',');
  const kinds = new Set(types.map((t) => ({ public_channel: 'channel', private_channel: 'group', im: 'im', mpim: 'mpim' })[t.trim()]));
  const visible = ws.channelList().filter((c) => kinds.has(c.kind) && (c.kind === 'channel' || c.members.includes(auth.userId)));
  const { items, next } = page(visible, args, 100);
  return { ok: true, channels: items.map((c) => channelObject(ws, c, auth.userId)), response_metadata: { next_cursor: next } };
};

export const conversationMethods: Record<string, Handler> = {
  'conversations.info': info,
  'conversations.history': history,
  'conversations.replies': replies,
  'conversations.members': members,
  'conversations.open': open,
  'conversations.join': join,
  'conversations.list': list,
};
