import { EVENTS } from '../src/slack/surface';
import type { FakeSlack } from './fake-slack';
import { createIdSequence, formatTs, RUN_TAG } from './ids';
import { botMessages, dmsTo, ephemeralsFor, messagesIn, threadOf, waitFor, type WaitOptions } from './observe';
import { applyViewResponse, showCommandAck } from './ack-effects';
import { echoBotPosts } from './bot-echo';
import { findElement } from './find-element';
import {
  LEGACY_TOKEN, blockActionsPayload, commandFields, eventEnvelope, messageActionPayload, messageChangedEvent, messageDeletedEvent, messageEvent,
  messageSubscription, richTextFor, shortcutPayload, viewClosedPayload, viewSubmissionPayload, type ActionSource,
} from './payloads';
import { Transport, type Delivery, type SendOptions, type TransportWarning } from './transport';
import { buildViewState, type FieldValue } from './view-state';
import type { SlackView } from './views';
import type { Workspace } from './workspace';
import type { EphemeralMessage, Json, SandboxChannel, StoredMessage } from './model';

export interface DriverOptions {
  slack: FakeSlack;
  /** The app's base URL, e.g. http://127.0.0.1:3000 */
  appUrl: string;
  signingSecret: string;
  /** Bolt's default Request URL path. */
  path?: string;
  /** Event subscriptions as in the manifest (default: src/slack/surface.ts EVENTS); others are not sent. */
  subscriptions?: readonly string[];
  /** Deliver `message` events for the bot's own posts, as Slack does (default true). */
  echoBotMessages?: boolean;
}

export type ActionTarget = { channel: string; ts: string } | { viewId: string };

export interface CommandResult {
  delivery: Delivery;
  responseUrl: string;
  triggerId: string;
  /** What the ack body showed: an ephemeral for the user, or a public message (in_channel). */
  reply?: { ephemeral: EphemeralMessage } | { message: StoredMessage };
}

export interface SubmitResult {
  delivery: Delivery;
  /** `errors`, `update`, `push`, `clear`, or undefined for an empty ack (the modal closes). */
  responseAction?: string;
  errors?: Record<string, string>;
}

/**
 * Plays Slack towards the app: stores what people do in the workspace and sends the app the same
 * signed events, commands and interactions Slack would, to its real HTTP endpoint.
 */
export class SlackDriver {
  readonly slack: FakeSlack;
  readonly ws: Workspace;
  private readonly transport: Transport;
  private readonly subscriptions: Set<string>;
  private readonly nextEventId = createIdSequence(`Ev0SB${RUN_TAG}`, 8);
  private readonly nextClientMsg = createIdSequence('', 12);
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly stopEcho: () => void;

  constructor(options: DriverOptions) {
    this.slack = options.slack;
    this.ws = options.slack.workspace;
    // Signed with the wall clock, not the workspace's: the app checks the timestamp against its own
    // clock (5-minute window), and a test may have moved the workspace clock days ahead.
    this.transport = new Transport(`${options.appUrl.replace(/\/$/, '')}${options.path ?? '/slack/events'}`, options.signingSecret, () => Math.floor(Date.now() / 1000));
    this.subscriptions = new Set(options.subscriptions ?? EVENTS);
    this.stopEcho = options.echoBotMessages === false ? () => {} : echoBotPosts(this.ws, (event, subscription, channel) => this.deliverEvent(event, subscription, channel));
  }

  /** Every request sent to the app, in order. */
  get deliveries(): Delivery[] {
    return this.transport.deliveries;
  }

  /** Late acks (> 3 s), non-2xx answers and network errors. A healthy run has none. */
  get warnings(): TransportWarning[] {
    return this.transport.warnings;
  }

  // ---- people and places

  /** "ada", "@ada" or "U0ADA". */
  userId(user: string): string {
    const p = this.ws.person(user);
    if (!p) throw new Error(`no user "${user}" in the sandbox (try ${this.ws.userIds().join(', ')})`);
    return p.id;
  }

  /** "#ops", "ops" or "C0OPS"; a user ("@ada") means the bot's DM with them. */
  channel(channel: string): SandboxChannel {
    if (channel.startsWith('@') || /^U[A-Z0-9]+$/.test(channel)) return this.ws.openDm(this.userId(channel)).channel;
    const c = this.ws.channel(channel);
    if (!c) throw new Error(`no channel "${channel}" in the sandbox`);
    return c;
  }

  // ---- messages

  /** Posts as a person; the text is Slack-formatted ("<@U0BOB>", "&lt;" for a literal "<"). */
  async sendMessage(user: string, channel: string, text: string, options: { threadTs?: string; replyBroadcast?: boolean } = {}): Promise<{ ts: string; message: StoredMessage; delivery: Delivery }> {
    const c = this.channel(channel);
    const userId = this.userId(user);
    if (!c.members.includes(userId)) throw new Error(`${user} is not in ${channel}; Slack would not let them post there`);
    const message = this.ws.post({
      channel: c.id,
      user: userId,
      text,
      blocks: richTextFor(text, this.ws.nextShortId()),
      thread_ts: options.threadTs,
      reply_broadcast: options.replyBroadcast,
      client_msg_id: this.clientMsgId(),
    });
    const delivery = await this.deliverEvent(messageEvent(message, c), messageSubscription(c), c);
    return { ts: message.ts, message, delivery };
  }

  async editMessage(user: string, channel: string, ts: string, text: string): Promise<Delivery> {
    const c = this.channel(channel);
    const { message, previous } = this.ws.update(c.id, ts, { text, blocks: richTextFor(text, this.ws.nextShortId()) }, this.userId(user));
    return this.deliverEvent(messageChangedEvent(message, previous, c, this.ws.nextTs()), messageSubscription(c), c);
  }

  async deleteMessage(_user: string, channel: string, ts: string): Promise<Delivery> {
    const c = this.channel(channel);
    const previous = this.ws.remove(c.id, ts);
    return this.deliverEvent(messageDeletedEvent(previous, c, this.ws.nextTs()), messageSubscription(c), c);
  }

  /** An @-mention of the bot: Slack sends an `app_mention` and a `message` event for it. */
  async mention(user: string, channel: string, text: string, threadTs?: string): Promise<{ ts: string; message: Delivery; appMention: Delivery }> {
    const body = text.includes(`<@${this.ws.bot.userId}>`) ? text : `<@${this.ws.bot.userId}> ${text}`;
    const sent = await this.sendMessage(user, channel, body, { threadTs });
    const { channel_type: _t, ...event } = messageEvent(sent.message, this.channel(channel));
    const appMention = await this.deliverEvent({ ...event, type: 'app_mention' }, 'app_mention', this.channel(channel));
    return { ts: sent.ts, message: sent.delivery, appMention };
  }

  async react(user: string, channel: string, ts: string, name: string): Promise<Delivery> {
    return this.reaction('reaction_added', user, channel, ts, name);
  }

  async unreact(user: string, channel: string, ts: string, name: string): Promise<Delivery> {
    return this.reaction('reaction_removed', user, channel, ts, name);
  }

  // ---- commands

  /** A slash command as a form post (payloads/slash_command.txt); a non-empty ack body is shown as Slack shows it. */
  async command(user: string, channel: string, command: string, text = ''): Promise<CommandResult> {
    const c = this.channel(channel);
    const userId = this.userId(user);
    const responseUrl = this.slack.responseUrls.issue({ user: userId, channel: c.id });
    const triggerId = this.ws.issueTrigger(userId);
    const fields = commandFields(this.ws, { user: userId, channel: c, command: command.startsWith('/') ? command : `/${command}`, text, responseUrl, triggerId });
    const delivery = await this.send({ kind: 'command', body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' });
    return { delivery, responseUrl, triggerId, reply: showCommandAck(this.ws, delivery, userId, c.id) };
  }

  // ---- interactions

  /** Clicks a button found by action_id (and block_id) in a message, an ephemeral, a modal or a Home tab. */
  async clickButton(user: string, target: ActionTarget, actionId: string, options: { value?: string; blockId?: string } = {}): Promise<Delivery> {
    const { blocks } = this.locate(this.userId(user), target);
    const found = findElement(blocks, (el, blockId) => el.type === 'button' && el.action_id === actionId && (!options.blockId || blockId === options.blockId));
    if (!found) throw new Error(`no button with action_id "${actionId}" on ${describe(target)}`);
    const { element, blockId } = found;
    const action: Json = { action_id: actionId, block_id: blockId, text: element.text, type: 'button', action_ts: this.actionTs() };
    const value = options.value ?? element.value;
    if (value !== undefined) action.value = value;
    if (element.style) action.style = element.style;
    return this.blockAction(user, target, action);
  }

  /** Picks an option of a static select, overflow or radio group by value or label. */
  async selectOption(user: string, target: ActionTarget, actionId: string, value: string): Promise<Delivery> {
    const { blocks } = this.locate(this.userId(user), target);
    const found = findElement(blocks, (el) => el.action_id === actionId);
    if (!found) throw new Error(`no element with action_id "${actionId}" on ${describe(target)}`);
    const options = (found.element.options as Json[] | undefined) ?? [];
    const option = options.find((o) => o.value === value || (o.text as Json | undefined)?.text === value);
    if (!option) throw new Error(`"${value}" is not an option of ${actionId}`);
    return this.blockAction(user, target, { action_id: actionId, block_id: found.blockId, type: found.element.type, selected_option: option, action_ts: this.actionTs() });
  }

  /** Sends any block_actions `action` from the given surface (for elements without a helper). */
  async blockAction(user: string, target: ActionTarget, action: Json): Promise<Delivery> {
    const userId = this.userId(user);
    const { source } = this.locate(userId, target);
    return this.sendPayload(blockActionsPayload(this.ws, { user: userId, source: this.withResponseUrl(userId, source), action, triggerId: this.ws.issueTrigger(userId) }));
  }

  async messageShortcut(user: string, channel: string, ts: string, callbackId: string): Promise<{ delivery: Delivery; responseUrl: string; triggerId: string }> {
    const userId = this.userId(user);
    const c = this.channel(channel);
    const message = this.ws.findMessage(c.id, ts);
    if (!message) throw new Error(`no message ${ts} in #${c.name}`);
    const responseUrl = this.slack.responseUrls.issue({ user: userId, channel: c.id, threadTs: message.thread_ts });
    const triggerId = this.ws.issueTrigger(userId);
    const delivery = await this.sendPayload(messageActionPayload(this.ws, { user: userId, channel: c, message, callbackId, triggerId, responseUrl, actionTs: this.actionTs() }));
    return { delivery, responseUrl, triggerId };
  }

  async globalShortcut(user: string, callbackId: string): Promise<Delivery> {
    const userId = this.userId(user);
    return this.sendPayload(shortcutPayload(this.ws, { user: userId, callbackId, triggerId: this.ws.issueTrigger(userId), actionTs: this.actionTs() }));
  }

  /**
   * Submits a modal with values keyed by block_id, "block_id.action_id" or label. Refuses, as Slack's
   * client does, when a required input is empty. Applies the response_action the app answers with.
   */
  async submitView(user: string, viewId: string, values: Record<string, FieldValue> = {}): Promise<SubmitResult> {
    const userId = this.userId(user);
    const view = this.ws.views.get(viewId);
    if (!view || this.ws.views.ownerOf(viewId) !== userId) throw new Error(`${user} has no open view ${viewId}`);
    const state = buildViewState(view, values);
    if (state.unknown.length) throw new Error(`no input called ${state.unknown.join(', ')} in view ${viewId} (inputs: ${Object.keys(state.values).join(', ')})`);
    if (state.missing.length) throw new Error(`Slack would not submit view ${viewId}: required ${state.missing.join(', ')} empty`);
    this.ws.views.setState(viewId, state.values);
    const delivery = await this.sendPayload(viewSubmissionPayload(this.ws, { user: userId, view: this.ws.views.get(viewId)!, triggerId: this.ws.issueTrigger(userId) }));
    return { delivery, ...applyViewResponse(this.ws, userId, viewId, delivery) };
  }

  /** Cancel: closes the top modal; the app hears of it only if the view asked (notify_on_close). */
  async closeView(user: string, viewId: string): Promise<Delivery | undefined> {
    const userId = this.userId(user);
    const view = this.ws.views.get(viewId);
    if (!view) throw new Error(`no view ${viewId}`);
    this.ws.views.closeTop(userId);
    if (!view.notify_on_close) return undefined;
    return this.sendPayload(viewClosedPayload(this.ws, { user: userId, view, isCleared: false }));
  }

  // ---- lifecycle events

  async openHome(user: string, tab: 'home' | 'messages' = 'home'): Promise<Delivery> {
    const userId = this.userId(user);
    const view = this.ws.views.home(userId);
    const event: Json = { type: 'app_home_opened', user: userId, channel: this.ws.openDm(userId).channel.id, tab, event_ts: this.ws.nextTs() };
    if (view) event.view = structuredClone(view);
    return this.deliverEvent(event, 'app_home_opened');
  }

  async memberJoined(user: string, channel: string, inviter?: string): Promise<Delivery> {
    const userId = this.userId(user);
    const c = this.channel(channel);
    this.ws.join(c.id, userId);
    const event: Json = { type: 'member_joined_channel', user: userId, channel: c.id, channel_type: c.kind === 'channel' ? 'C' : 'G', team: this.ws.team.id, event_ts: this.ws.nextTs() };
    if (inviter) event.inviter = this.userId(inviter);
    return this.deliverEvent(event, 'member_joined_channel');
  }

  /** Slack revokes the tokens, then tells the app. */
  async appUninstalled(): Promise<Delivery> {
    this.slack.tokens.revokeAll();
    return this.deliverEvent({ type: 'app_uninstalled', event_ts: this.ws.nextTs() }, 'app_uninstalled');
  }

  async tokensRevoked(): Promise<Delivery> {
    this.slack.tokens.revokeAll();
    return this.deliverEvent({ type: 'tokens_revoked', tokens: { oauth: [], bot: [this.ws.bot.userId] }, event_ts: this.ws.nextTs() }, 'tokens_revoked');
  }

  async urlVerification(challenge: string): Promise<Delivery> {
    return this.send({ kind: 'url_verification', body: JSON.stringify({ token: LEGACY_TOKEN, challenge, type: 'url_verification' }), contentType: 'application/json' });
  }

  // ---- delivery

  /**
   * Wraps an inner event in `event_callback` and sends it, unless the app does not subscribe to it
   * or (for channel events) the bot is not in the channel: Slack would not send those either.
   */
  async deliverEvent(event: Json, subscription: string = String(event.type), channel?: SandboxChannel): Promise<Delivery> {
    const eventId = this.nextEventId();
    const body = JSON.stringify(eventEnvelope(this.ws, event, eventId, Math.floor(this.ws.now() / 1000)));
    const notSent = !this.subscriptions.has(subscription)
      ? `the app does not subscribe to ${subscription}`
      : channel && !channel.members.includes(this.ws.bot.userId) ? `the bot is not in ${channel.id}` : undefined;
    if (notSent) {
      const skipped: Delivery = { kind: 'event', status: 0, ackMs: 0, body: '', contentType: '', requestBody: body, requestContentType: 'application/json', eventId, skipped: notSent };
      this.deliveries.push(skipped);
      return skipped;
    }
    return this.send({ kind: 'event', body, contentType: 'application/json', eventId });
  }

  /** Slack's retry: the same body and event_id, newly signed, with X-Slack-Retry-Num / -Reason. */
  async redeliver(delivery: Delivery, retry: { num?: number; reason?: string } = {}): Promise<Delivery> {
    return this.send({ kind: delivery.kind, body: delivery.requestBody, contentType: delivery.requestContentType as SendOptions['contentType'], eventId: delivery.eventId, retry: { num: retry.num ?? 1, reason: retry.reason ?? 'http_timeout' } });
  }

  /** Sends a raw request (e.g. with a broken signature) through the same transport. */
  send(options: SendOptions): Promise<Delivery> {
    const p = this.transport.send(options);
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
    return p;
  }

  /** Resolves when the echoed bot-message events in flight have been answered. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Stops echoing bot posts; call before stopping the app. */
  close(): void {
    this.stopEcho();
  }

  // ---- looking at the workspace (for tests)

  waitFor<T>(predicate: () => T | undefined | null | false, options?: WaitOptions): Promise<T> {
    return waitFor(this.slack, predicate, options);
  }

  messagesIn(channel: string): StoredMessage[] {
    return messagesIn(this.ws, this.channel(channel).id);
  }

  /** Replies under `ts`, oldest first, without the parent. */
  threadOf(channel: string, ts: string): StoredMessage[] {
    return threadOf(this.ws, this.channel(channel).id, ts);
  }

  ephemeralsFor(user: string, channel?: string): EphemeralMessage[] {
    return ephemeralsFor(this.ws, this.userId(user), channel ? this.channel(channel).id : undefined);
  }

  dmsTo(user: string): StoredMessage[] {
    return dmsTo(this.ws, this.userId(user));
  }

  botMessages(channel?: string): StoredMessage[] {
    return botMessages(this.ws, channel ? this.channel(channel).id : undefined);
  }

  /** The modal on top of the user's stack, if any. */
  openModal(user: string): SlackView | undefined {
    return this.ws.views.topModal(this.userId(user));
  }

  home(user: string): SlackView | undefined {
    return this.ws.views.home(this.userId(user));
  }

  // ---- internals

  private async reaction(type: 'reaction_added' | 'reaction_removed', user: string, channel: string, ts: string, name: string): Promise<Delivery> {
    const c = this.channel(channel);
    const userId = this.userId(user);
    const reaction = name.replace(/^:|:$/g, '');
    const message = type === 'reaction_added' ? this.ws.addReaction(c.id, ts, userId, reaction) : this.ws.removeReaction(c.id, ts, userId, reaction);
    const event: Json = { type, user: userId, reaction, item: { type: 'message', channel: c.id, ts }, event_ts: this.ws.nextTs() };
    // Slack leaves item_user out when the message has no human (or bot user) author.
    if (message.user) event.item_user = message.user;
    return this.deliverEvent(event, type, c);
  }

  private sendPayload(payload: Json): Promise<Delivery> {
    return this.send({ kind: 'interaction', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' });
  }

  /** Where an action happens: the blocks to search and the payload's source (response_url not yet issued). */
  private locate(userId: string, target: ActionTarget): { blocks: Json[]; source: ActionSource } {
    if ('viewId' in target) {
      const view = this.ws.views.get(target.viewId);
      if (!view) throw new Error(`no view ${target.viewId}`);
      return { blocks: view.blocks, source: { kind: 'view', view } };
    }
    const c = this.channel(target.channel);
    const message = this.ws.findMessage(c.id, target.ts);
    if (message) return { blocks: message.blocks ?? [], source: { kind: 'message', channel: c, message, responseUrl: '' } };
    const ephemeral = this.ws.findEphemeral(userId, target.ts);
    if (ephemeral && ephemeral.channel === c.id) return { blocks: ephemeral.blocks ?? [], source: { kind: 'ephemeral', channel: c, ephemeral, responseUrl: '' } };
    throw new Error(`no message ${target.ts} in #${c.name} visible to ${userId}`);
  }

  /** Message sources get a fresh response_url that acts on that message (replace_original, delete_original). */
  private withResponseUrl(userId: string, source: ActionSource): ActionSource {
    if (source.kind === 'view') return source;
    const m = source.kind === 'message' ? source.message : source.ephemeral;
    const responseUrl = this.slack.responseUrls.issue({ user: userId, channel: source.channel.id, message: { ts: m.ts, ephemeral: source.kind === 'ephemeral' }, threadTs: m.thread_ts });
    return { ...source, responseUrl };
  }

  private clientMsgId(): string {
    const n = this.nextClientMsg();
    return `5b1a4b9e-8c1f-4c0e-9d8e-${n}`;
  }

  private actionTs(): string {
    return formatTs(Math.floor(this.ws.now() * 1000));
  }
}

function describe(target: ActionTarget): string {
  return 'viewId' in target ? `view ${target.viewId}` : `message ${target.ts} in ${target.channel}`;
}
