import type { SlackView } from './views';
import type { Workspace } from './workspace';
import type { EphemeralMessage, Json, SandboxChannel, StoredMessage } from './model';

/**
 * The JSON Slack sends to an app, built from the sandbox's state. Shapes follow the examples in
 * shared/slack/events/examples and shared/slack/payloads (see FIELDS.md).
 */

/** The legacy verification token Slack still puts in payloads; apps must ignore it. */
export const LEGACY_TOKEN = 'sbVerificationTokn0000000';

function userRef(ws: Workspace, userId: string): Json {
  const name = ws.person(userId)?.name ?? userId;
  return { id: userId, username: name, name, team_id: ws.team.id };
}

function teamRef(ws: Workspace): Json {
  return { id: ws.team.id, domain: ws.team.domain };
}

function channelType(channel: SandboxChannel): 'channel' | 'group' | 'im' | 'mpim' {
  return channel.kind;
}

/** The subscription that carries a message in this kind of conversation (message.channels, message.im, ...). */
export function messageSubscription(channel: SandboxChannel): string {
  return { channel: 'message.channels', group: 'message.groups', im: 'message.im', mpim: 'message.mpim' }[channel.kind];
}

/** The `event_callback` wrapper around an inner event. */
export function eventEnvelope(ws: Workspace, event: Json, eventId: string, eventTime: number): Json {
  return {
    token: LEGACY_TOKEN,
    team_id: ws.team.id,
    context_team_id: ws.team.id,
    context_enterprise_id: null,
    api_app_id: ws.bot.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [{ enterprise_id: null, team_id: ws.team.id, user_id: ws.bot.userId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ et: String(event.type), tid: ws.team.id, aid: ws.bot.appId })).toString('base64url')}`,
  };
}

/** The rich_text block Slack's client attaches to what a person types. */
export function richTextFor(text: string, blockId: string): Json[] {
  const elements: Json[] = [];
  const pattern = /<(@[UW][A-Z0-9]+|#[CGD][A-Z0-9]+|![a-z]+|https?:[^>]+)(?:\|([^>]*))?>/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index! > last) elements.push({ type: 'text', text: unescapeText(text.slice(last, m.index)) });
    const target = m[1]!;
    if (target.startsWith('@')) elements.push({ type: 'user', user_id: target.slice(1) });
    else if (target.startsWith('#')) elements.push({ type: 'channel', channel_id: target.slice(1) });
    else if (target.startsWith('!')) elements.push({ type: 'broadcast', range: target.slice(1) });
    else elements.push({ type: 'link', url: target, ...(m[2] ? { text: m[2] } : {}) });
    last = m.index! + m[0].length;
  }
  if (last < text.length) elements.push({ type: 'text', text: unescapeText(text.slice(last)) });
  return [{ type: 'rich_text', block_id: blockId, elements: [{ type: 'rich_text_section', elements }] }];
}

function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A `message` event for a stored message, from a person or (echoed) from the bot. */
export function messageEvent(message: StoredMessage, channel: SandboxChannel): Json {
  const { channel: _channel, reactions: _reactions, reply_count: _rc, reply_users: _ru, reply_users_count: _ruc, latest_reply: _lr, ...rest } = structuredClone(message);
  return { ...rest, channel: channel.id, event_ts: message.ts, channel_type: channelType(channel) };
}

export function messageChangedEvent(message: StoredMessage, previous: StoredMessage, channel: SandboxChannel, eventTs: string): Json {
  const strip = (m: StoredMessage) => {
    const { channel: _c, ...rest } = structuredClone(m);
    return rest;
  };
  return { type: 'message', subtype: 'message_changed', hidden: true, message: strip(message), previous_message: strip(previous), channel: channel.id, event_ts: eventTs, ts: eventTs, channel_type: channelType(channel) };
}

export function messageDeletedEvent(previous: StoredMessage, channel: SandboxChannel, eventTs: string): Json {
  const { channel: _c, ...rest } = structuredClone(previous);
  return { type: 'message', subtype: 'message_deleted', hidden: true, deleted_ts: previous.ts, previous_message: rest, channel: channel.id, event_ts: eventTs, ts: eventTs, channel_type: channelType(channel) };
}

/** Form fields of a slash command, in the order of payloads/slash_command.txt. */
export function commandFields(ws: Workspace, input: { user: string; channel: SandboxChannel; command: string; text: string; responseUrl: string; triggerId: string }): Record<string, string> {
  return {
    token: LEGACY_TOKEN,
    team_id: ws.team.id,
    team_domain: ws.team.domain,
    channel_id: input.channel.id,
    channel_name: input.channel.kind === 'im' ? 'directmessage' : input.channel.kind === 'group' ? 'privategroup' : input.channel.name,
    user_id: input.user,
    user_name: ws.person(input.user)?.name ?? input.user,
    command: input.command,
    text: input.text,
    api_app_id: ws.bot.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

export type ActionSource =
  | { kind: 'message'; channel: SandboxChannel; message: StoredMessage; responseUrl: string }
  | { kind: 'ephemeral'; channel: SandboxChannel; ephemeral: EphemeralMessage; responseUrl: string }
  | { kind: 'view'; view: SlackView };

export function blockActionsPayload(ws: Workspace, input: { user: string; source: ActionSource; action: Json; triggerId: string }): Json {
  const base: Json = {
    type: 'block_actions',
    user: userRef(ws, input.user),
    api_app_id: ws.bot.appId,
    token: LEGACY_TOKEN,
    trigger_id: input.triggerId,
    team: teamRef(ws),
    enterprise: null,
    is_enterprise_install: false,
  };
  const { source } = input;
  if (source.kind === 'view') {
    return { ...base, container: { type: 'view', view_id: source.view.id }, view: structuredClone(source.view), state: structuredClone(source.view.state), actions: [input.action] };
  }
  const ts = source.kind === 'message' ? source.message.ts : source.ephemeral.ts;
  const threadTs = source.kind === 'message' ? source.message.thread_ts : source.ephemeral.thread_ts;
  const container: Json = { type: 'message', message_ts: ts, channel_id: source.channel.id, is_ephemeral: source.kind === 'ephemeral', ...(threadTs ? { thread_ts: threadTs } : {}) };
  const payload: Json = { ...base, container, channel: { id: source.channel.id, name: source.channel.name } };
  if (source.kind === 'message') {
    const { channel: _c, ...message } = structuredClone(source.message);
    payload.message = message;
  }
  return { ...payload, state: { values: {} }, response_url: source.responseUrl, actions: [input.action] };
}

export function messageActionPayload(ws: Workspace, input: { user: string; channel: SandboxChannel; message: StoredMessage; callbackId: string; triggerId: string; responseUrl: string; actionTs: string }): Json {
  const { channel: _c, ...message } = structuredClone(input.message);
  return {
    type: 'message_action',
    token: LEGACY_TOKEN,
    action_ts: input.actionTs,
    team: teamRef(ws),
    user: userRef(ws, input.user),
    channel: { id: input.channel.id, name: input.channel.name },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId,
    response_url: input.responseUrl,
    message_ts: input.message.ts,
    message,
  };
}

export function shortcutPayload(ws: Workspace, input: { user: string; callbackId: string; triggerId: string; actionTs: string }): Json {
  return { type: 'shortcut', token: LEGACY_TOKEN, action_ts: input.actionTs, team: teamRef(ws), user: userRef(ws, input.user), is_enterprise_install: false, enterprise: null, callback_id: input.callbackId, trigger_id: input.triggerId };
}

export function viewSubmissionPayload(ws: Workspace, input: { user: string; view: SlackView; triggerId: string }): Json {
  return {
    type: 'view_submission',
    team: teamRef(ws),
    user: userRef(ws, input.user),
    api_app_id: ws.bot.appId,
    token: LEGACY_TOKEN,
    trigger_id: input.triggerId,
    view: structuredClone(input.view),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function viewClosedPayload(ws: Workspace, input: { user: string; view: SlackView; isCleared: boolean }): Json {
  return { type: 'view_closed', team: teamRef(ws), user: userRef(ws, input.user), api_app_id: ws.bot.appId, token: LEGACY_TOKEN, view: structuredClone(input.view), is_cleared: input.isCleared, is_enterprise_install: false, enterprise: null };
}
