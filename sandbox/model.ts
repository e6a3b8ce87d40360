import type { SlackView } from './views';

// The shapes the sandbox keeps: Slack's own objects, plus what the sandbox needs to find them.

export type Json = Record<string, unknown>;
export type Block = Json;

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

/** A message as Slack stores it, plus the channel it lives in (Slack's own objects omit it). */
export interface StoredMessage {
  channel: string;
  type: 'message';
  ts: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  bot_profile?: Json;
  team: string;
  text: string;
  blocks?: Block[];
  attachments?: Json[];
  metadata?: Json;
  files?: Json[];
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  reply_users_count?: number;
  latest_reply?: string;
  reactions?: Reaction[];
  edited?: { user: string; ts: string };
  client_msg_id?: string;
  hidden?: boolean;
}

/** Seen by one user only, never in history (chat.postEphemeral, command acks, response_url posts). */
export interface EphemeralMessage {
  channel: string;
  /** The only user who sees it. */
  user: string;
  ts: string;
  text: string;
  blocks?: Block[];
  attachments?: Json[];
  thread_ts?: string;
  via: 'chat.postEphemeral' | 'command_ack' | 'response_url';
}

export interface SandboxChannel {
  id: string;
  name: string;
  kind: 'channel' | 'group' | 'im' | 'mpim';
  created: number;
  creator: string;
  members: string[];
  /** The other party of a DM. */
  user?: string;
  purpose: string;
  isGeneral: boolean;
}

export type Activity =
  | { kind: 'message'; message: StoredMessage }
  | { kind: 'message_changed'; message: StoredMessage; previous: StoredMessage }
  | { kind: 'message_deleted'; channel: string; ts: string; previous: StoredMessage }
  | { kind: 'ephemeral'; ephemeral: EphemeralMessage }
  | { kind: 'ephemeral_changed'; ephemeral: EphemeralMessage }
  | { kind: 'ephemeral_deleted'; ephemeral: EphemeralMessage }
  | { kind: 'reaction_added' | 'reaction_removed'; channel: string; ts: string; user: string; name: string }
  | { kind: 'view_opened' | 'view_pushed' | 'view_updated' | 'home_published'; view: SlackView; user: string }
  | { kind: 'view_closed'; view: SlackView; user: string }
  | { kind: 'member_joined'; channel: string; user: string }
  | { kind: 'page'; provider: string; to: string; text: string };

export interface PostInput {
  channel: string;
  /** Author; the bot's user id for app posts. */
  user: string;
  text: string;
  blocks?: Block[];
  attachments?: Json[];
  metadata?: Json;
  files?: Json[];
  thread_ts?: string;
  reply_broadcast?: boolean;
  client_msg_id?: string;
  /** Posted through a response_url: Slack stores these as `bot_message` without a user. */
  asBotMessage?: boolean;
}
