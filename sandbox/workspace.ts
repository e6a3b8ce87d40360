import { EventEmitter } from 'node:events';
import { BOT, CHANNELS, PEOPLE, TEAM, localTimeZone, slackUserObject, type Person } from './directory';
import { createIdSequence, createShortIdSequence, createTsClock, RUN_TAG } from './ids';
import { SlackApiError } from './slack-api-error';
import { FileStore } from './files';
import { ViewStore } from './views';
import type { Activity, Block, EphemeralMessage, Json, PostInput, SandboxChannel, StoredMessage } from './model';

export interface WorkspaceOptions {
  /** Milliseconds since the epoch; inject a fake clock to test expiry without waiting. */
  now?: () => number;
  timezone?: string;
}

/** Slack keeps a trigger_id usable for about 3 seconds (FACTS.md §2). */
export const TRIGGER_TTL_MS = 3000;

interface Trigger {
  user: string;
  issuedAt: number;
  used: boolean;
}

/**
 * The in-memory state of the stand-in workspace. The Web API fake changes it on the app's behalf
 * and the driver on the users' behalf; every change is announced as an `activity` event so tests
 * and the console can wait for it instead of polling.
 */
export class Workspace extends EventEmitter {
  readonly team = TEAM;
  readonly bot = BOT;
  readonly now: () => number;
  readonly timezone: string;
  readonly views: ViewStore;
  readonly files: FileStore;
  readonly nextTs: () => string;
  readonly nextShortId = createShortIdSequence();
  private readonly people = new Map<string, Person>();
  private readonly zones = new Map<string, string>();
  private readonly channelsById = new Map<string, SandboxChannel>();
  private readonly messagesByChannel = new Map<string, StoredMessage[]>();
  private readonly ephemerals: EphemeralMessage[] = [];
  private readonly triggers = new Map<string, Trigger>();
  private readonly nextTrigger = createIdSequence('', 6);
  private readonly nextMpim = createIdSequence('G0MPIM', 3);

  constructor(options: WorkspaceOptions = {}) {
    super();
    this.now = options.now ?? Date.now;
    this.timezone = options.timezone ?? localTimeZone();
    this.nextTs = createTsClock(this.now);
    this.views = new ViewStore(this);
    this.files = new FileStore(this);
    for (const p of PEOPLE) this.people.set(p.id, p);
    this.people.set(BOT.userId, { id: BOT.userId, name: BOT.name, realName: 'Quadrant', isAdmin: false, isOwner: false });
    const everyone = [...PEOPLE.map((p) => p.id), BOT.userId];
    for (const c of CHANNELS) {
      this.addChannel({ id: c.id, name: c.name, kind: 'channel', created: 1732444800, creator: 'U0ADA', members: [...everyone], purpose: c.purpose, isGeneral: c.isGeneral });
    }
  }

  // ---- people and conversations

  userIds(): string[] {
    return [...this.people.keys()];
  }

  /** By id ("U0ADA") or name ("ada", "@ada"). */
  person(idOrName: string): Person | undefined {
    const key = idOrName.replace(/^@/, '');
    return this.people.get(key) ?? [...this.people.values()].find((p) => p.name === key);
  }

  userObject(id: string): Json | undefined {
    const p = this.people.get(id);
    if (!p) return undefined;
    return slackUserObject(p, this.zones.get(id) ?? this.timezone, this.now(), id === BOT.userId ? { botId: BOT.botId, appId: BOT.appId } : undefined);
  }

  /** Someone new (the benchmarks' many users): a member of every public channel, as in a small workspace. */
  addPerson(person: Person): void {
    this.people.set(person.id, person);
    for (const c of this.channelsById.values()) if (c.kind === 'channel' && !c.members.includes(person.id)) c.members.push(person.id);
  }

  /** A person whose Slack profile is in another zone than the workspace (everyone shares its zone until then). */
  setTimezoneOf(idOrName: string, tz: string): void {
    const p = this.person(idOrName);
    if (!p) throw new Error(`no person ${idOrName} in the sandbox`);
    this.zones.set(p.id, tz);
  }

  addChannel(channel: SandboxChannel): SandboxChannel {
    this.channelsById.set(channel.id, channel);
    this.messagesByChannel.set(channel.id, []);
    return channel;
  }

  /** By id ("C0OPS"), name ("ops") or "#ops". A bot DM id ("D0ADA") exists as soon as it is named, as in Slack. */
  channel(idOrName: string): SandboxChannel | undefined {
    const key = idOrName.replace(/^#/, '');
    const found = this.channelsById.get(key) ?? [...this.channelsById.values()].find((c) => c.name === key && c.kind !== 'im');
    if (found) return found;
    const dm = /^D([A-Z0-9]+)$/.exec(key);
    return dm && this.people.has(`U${dm[1]}`) ? this.openDm(`U${dm[1]}`).channel : undefined;
  }

  channelList(): SandboxChannel[] {
    return [...this.channelsById.values()];
  }

  mustChannel(id: string): SandboxChannel {
    const c = this.channel(id);
    if (!c) throw new SlackApiError('channel_not_found');
    return c;
  }

  /** The DM between the bot and a person; ids are derived ("U0ADA" -> "D0ADA") so they are stable. */
  openDm(userId: string): { channel: SandboxChannel; alreadyOpen: boolean } {
    if (!this.people.has(userId)) throw new SlackApiError('user_not_found');
    const id = `D${userId.slice(1)}`;
    const existing = this.channelsById.get(id);
    if (existing) return { channel: existing, alreadyOpen: true };
    const channel = this.addChannel({ id, name: id, kind: 'im', created: Math.floor(this.now() / 1000), creator: userId, members: [userId, BOT.userId], user: userId, purpose: '', isGeneral: false });
    return { channel, alreadyOpen: false };
  }

  openMpim(userIds: string[]): SandboxChannel {
    for (const u of userIds) if (!this.people.has(u)) throw new SlackApiError('user_not_found');
    const members = [...new Set([...userIds, BOT.userId])].sort();
    const found = this.channelList().find((c) => c.kind === 'mpim' && c.members.join() === members.join());
    if (found) return found;
    const id = this.nextMpim();
    const name = `mpdm-${members.map((m) => this.people.get(m)!.name).join('--')}-1`;
    return this.addChannel({ id, name, kind: 'mpim', created: Math.floor(this.now() / 1000), creator: BOT.userId, members, purpose: '', isGeneral: false });
  }

  join(channelId: string, userId: string): boolean {
    const c = this.mustChannel(channelId);
    if (c.members.includes(userId)) return false;
    c.members.push(userId);
    this.emitActivity({ kind: 'member_joined', channel: c.id, user: userId });
    return true;
  }

  // ---- messages

  /** Every message of a channel, thread replies included, oldest first. */
  allMessages(channelId: string): StoredMessage[] {
    return this.messagesByChannel.get(channelId) ?? [];
  }

  /** What the channel shows: top-level messages and replies also sent to the channel, oldest first. */
  history(channelId: string): StoredMessage[] {
    return this.allMessages(channelId).filter((m) => !m.thread_ts || m.thread_ts === m.ts || m.subtype === 'thread_broadcast');
  }

  /** Parent first, then replies oldest first; empty when there is no such message. */
  thread(channelId: string, ts: string): StoredMessage[] {
    const start = this.findMessage(channelId, ts);
    if (!start) return [];
    const root = start.thread_ts ?? start.ts;
    return this.allMessages(channelId).filter((m) => m.ts === root || m.thread_ts === root);
  }

  findMessage(channelId: string, ts: string): StoredMessage | undefined {
    return this.allMessages(channelId).find((m) => m.ts === ts);
  }

  /** Adds a message as Slack would store it; replies update their parent's reply counters. */
  post(input: PostInput): StoredMessage {
    const channel = this.mustChannel(input.channel);
    const isBot = input.user === BOT.userId;
    const message: StoredMessage = {
      channel: channel.id,
      type: 'message',
      ts: this.nextTs(),
      user: input.user,
      team: TEAM.id,
      text: input.text,
    };
    if (isBot) {
      message.bot_id = BOT.botId;
      message.app_id = BOT.appId;
      message.bot_profile = { id: BOT.botId, deleted: false, name: 'Quadrant', updated: 1732444800, app_id: BOT.appId, icons: { image_36: '', image_48: '', image_72: '' }, team_id: TEAM.id };
    }
    if (input.asBotMessage) {
      message.subtype = 'bot_message';
      delete message.user;
    }
    if (input.client_msg_id) message.client_msg_id = input.client_msg_id;
    if (input.blocks) message.blocks = this.withBlockIds(input.blocks);
    if (input.attachments) message.attachments = input.attachments;
    if (input.metadata) message.metadata = input.metadata;
    if (input.files) message.files = input.files;
    if (input.thread_ts) {
      const parent = this.findMessage(channel.id, input.thread_ts);
      // A reply to a reply lands in the parent's thread, as in Slack.
      const root = parent?.thread_ts ?? input.thread_ts;
      const rootMessage = this.findMessage(channel.id, root);
      message.thread_ts = root;
      if (rootMessage) {
        message.parent_user_id = rootMessage.user;
        rootMessage.thread_ts = root;
        rootMessage.reply_count = (rootMessage.reply_count ?? 0) + 1;
        rootMessage.reply_users = [...new Set([...(rootMessage.reply_users ?? []), input.user])];
        rootMessage.reply_users_count = rootMessage.reply_users.length;
        rootMessage.latest_reply = message.ts;
      }
      if (input.reply_broadcast) message.subtype = 'thread_broadcast';
    }
    this.allMessages(channel.id).push(message);
    this.emitActivity({ kind: 'message', message });
    return message;
  }

  /** Replaces the given fields; an edit by a person is marked `edited` as in Slack. */
  update(channelId: string, ts: string, patch: Partial<Pick<StoredMessage, 'text' | 'blocks' | 'attachments' | 'metadata'>>, editor: string): { message: StoredMessage; previous: StoredMessage } {
    const message = this.findMessage(channelId, ts);
    if (!message || message.subtype === 'tombstone') throw new SlackApiError('message_not_found');
    const previous = structuredClone(message);
    if (patch.text !== undefined) message.text = patch.text;
    if (patch.blocks !== undefined) message.blocks = this.withBlockIds(patch.blocks);
    if (patch.attachments !== undefined) message.attachments = patch.attachments;
    if (patch.metadata !== undefined) message.metadata = patch.metadata;
    if (editor !== BOT.userId) message.edited = { user: editor, ts: this.nextTs() };
    this.emitActivity({ kind: 'message_changed', message, previous });
    return { message, previous };
  }

  /** A parent with replies leaves a tombstone, as Slack does, so the thread stays readable. */
  remove(channelId: string, ts: string): StoredMessage {
    const list = this.allMessages(channelId);
    const index = list.findIndex((m) => m.ts === ts);
    if (index < 0) throw new SlackApiError('message_not_found');
    const message = list[index]!;
    const previous = structuredClone(message);
    if ((message.reply_count ?? 0) > 0 && message.thread_ts === message.ts) {
      Object.assign(message, { subtype: 'tombstone', text: 'This message was deleted.', hidden: true, user: 'USLACKBOT' });
      delete message.blocks;
      delete message.attachments;
    } else {
      list.splice(index, 1);
      if (message.thread_ts && message.thread_ts !== message.ts) {
        const root = this.findMessage(channelId, message.thread_ts);
        if (root && root.reply_count) root.reply_count -= 1;
      }
    }
    this.emitActivity({ kind: 'message_deleted', channel: channelId, ts, previous });
    return previous;
  }

  addReaction(channelId: string, ts: string, user: string, name: string): StoredMessage {
    const message = this.findMessage(channelId, ts);
    if (!message) throw new SlackApiError('message_not_found');
    const reactions = (message.reactions ??= []);
    let reaction = reactions.find((r) => r.name === name);
    if (reaction?.users.includes(user)) throw new SlackApiError('already_reacted');
    if (!reaction) reactions.push((reaction = { name, users: [], count: 0 }));
    reaction.users.push(user);
    reaction.count = reaction.users.length;
    this.emitActivity({ kind: 'reaction_added', channel: channelId, ts, user, name });
    return message;
  }

  removeReaction(channelId: string, ts: string, user: string, name: string): StoredMessage {
    const message = this.findMessage(channelId, ts);
    if (!message) throw new SlackApiError('message_not_found');
    const reaction = message.reactions?.find((r) => r.name === name);
    if (!reaction || !reaction.users.includes(user)) throw new SlackApiError('no_reaction');
    reaction.users = reaction.users.filter((u) => u !== user);
    reaction.count = reaction.users.length;
    if (reaction.count === 0) message.reactions = message.reactions!.filter((r) => r !== reaction);
    if (message.reactions!.length === 0) delete message.reactions;
    this.emitActivity({ kind: 'reaction_removed', channel: channelId, ts, user, name });
    return message;
  }

  // ---- ephemeral messages

  addEphemeral(input: Omit<EphemeralMessage, 'ts'>): EphemeralMessage {
    const ephemeral: EphemeralMessage = { ...input, ts: this.nextTs() };
    if (ephemeral.blocks) ephemeral.blocks = this.withBlockIds(ephemeral.blocks);
    this.ephemerals.push(ephemeral);
    this.emitActivity({ kind: 'ephemeral', ephemeral });
    return ephemeral;
  }

  ephemeralsFor(user: string, channelId?: string): EphemeralMessage[] {
    return this.ephemerals.filter((e) => e.user === user && (!channelId || e.channel === channelId));
  }

  findEphemeral(user: string, ts: string): EphemeralMessage | undefined {
    return this.ephemerals.find((e) => e.user === user && e.ts === ts);
  }

  replaceEphemeral(ephemeral: EphemeralMessage, patch: Pick<EphemeralMessage, 'text' | 'blocks'>): void {
    ephemeral.text = patch.text;
    ephemeral.blocks = patch.blocks ? this.withBlockIds(patch.blocks) : undefined;
    this.emitActivity({ kind: 'ephemeral_changed', ephemeral });
  }

  deleteEphemeral(ephemeral: EphemeralMessage): void {
    const index = this.ephemerals.indexOf(ephemeral);
    if (index >= 0) this.ephemerals.splice(index, 1);
    this.emitActivity({ kind: 'ephemeral_deleted', ephemeral });
  }

  // ---- triggers (views.open within about 3 seconds of an interaction)

  issueTrigger(user: string): string {
    const n = this.nextTrigger();
    const id = `${7301234000000 + Number(n)}.${TEAM.id.length}${'5432109876543'}.${RUN_TAG.toLowerCase()}${Number(n).toString(16).padStart(26, '0')}`;
    this.triggers.set(id, { user, issuedAt: this.now(), used: false });
    return id;
  }

  /** The user the trigger belongs to; refuses unknown, reused and expired triggers with Slack's codes. */
  consumeTrigger(id: string): string {
    const trigger = this.triggers.get(id);
    if (!trigger) throw new SlackApiError('invalid_trigger_id');
    if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
    if (this.now() - trigger.issuedAt > TRIGGER_TTL_MS) throw new SlackApiError('expired_trigger_id');
    trigger.used = true;
    return trigger.user;
  }

  // ---- internals shared with the view and file stores

  /** Slack fills in block_id (and action_id on interactive elements) when an app leaves them out. */
  withBlockIds(blocks: Block[]): Block[] {
    return blocks.map((block) => {
      const b: Block = { ...block };
      if (typeof b.block_id !== 'string') b.block_id = this.nextShortId();
      const fill = (el: unknown): unknown => {
        if (!el || typeof el !== 'object') return el;
        const e = { ...(el as Json) };
        if (INTERACTIVE.has(String(e.type)) && typeof e.action_id !== 'string') e.action_id = this.nextShortId();
        return e;
      };
      if (Array.isArray(b.elements) && b.type === 'actions') b.elements = b.elements.map(fill);
      if (b.accessory) b.accessory = fill(b.accessory);
      if (b.element) b.element = fill(b.element);
      return b;
    });
  }

  emitActivity(activity: Activity): void {
    this.emit('activity', activity);
  }

  onActivity(listener: (activity: Activity) => void): () => void {
    this.on('activity', listener);
    return () => this.off('activity', listener);
  }
}

const INTERACTIVE = new Set([
  'button', 'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select', 'overflow',
  'datepicker', 'timepicker', 'datetimepicker', 'checkboxes', 'radio_buttons', 'plain_text_input', 'multi_static_select',
  'multi_users_select', 'multi_conversations_select', 'multi_channels_select', 'multi_external_select', 'number_input',
  'email_text_input', 'url_text_input',
]);
