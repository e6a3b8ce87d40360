import type { RuleId } from './rules';

export type Broadcast = 'here' | 'channel' | 'everyone';

/**
 * What the bot tells an author, ephemerally, as codes and data; core/nudge-text.ts chooses the words.
 * Channels are Slack ids; times are epoch ms; durations are ms.
 */
export type Nudge =
  /** An async message in a digest channel was queued for the digest. */
  | { code: 'queued_for_digest'; digestChannel: string; postsAt?: number; hubChannel?: string }
  /** Same, but the author also pinged the whole channel for a plain FYI. */
  | { code: 'broadcast_fyi'; broadcast: Broadcast; digestChannel: string; postsAt?: number }
  /** Async work posted in a channel meant for something else; offer to send it to the digest. */
  | { code: 'belongs_in_digest'; digestChannel: string; postsAt?: number }
  /** Deep work posted outside the hub. */
  | { code: 'belongs_in_hub'; hubChannel: string }
  /** Something that is not an emergency posted in the emergency channel. */
  | { code: 'not_an_emergency'; digestChannel?: string }
  /** The message reads like an emergency: point at /emergency. */
  | { code: 'suggest_emergency' }
  /** A meeting request whose topic fits async. */
  | { code: 'ask_async' }
  /** An offline activity with less notice than `offline_lead_time`. */
  | { code: 'warn_lead_time'; leadMs: number; neededMs: number };

export type NudgeCode = Nudge['code'];

/**
 * Buttons a nudge may carry. What each asks the Slack layer to do:
 * - `send_to_digest`: file the message as an item in the nudge's digest channel.
 * - `declare_emergency`: open the /emergency modal with the message text filled in.
 * - `keep_as_is`: dismiss the nudge; after `queued_for_digest`/`broadcast_fyi` also take the item back
 *   out of the digest (the author knows best).
 * - `make_async`: file the meeting request as an async item for the digest instead of a call.
 */
export const NUDGE_BUTTONS = ['send_to_digest', 'declare_emergency', 'keep_as_is', 'make_async'] as const;
export type NudgeButton = (typeof NUDGE_BUTTONS)[number];

/** The rule each nudge enforces. */
export const NUDGE_RULE: Record<NudgeCode, RuleId> = {
  queued_for_digest: 'async_first',
  broadcast_fyi: 'broadcasts',
  belongs_in_digest: 'async_first',
  belongs_in_hub: 'deep_work_hub',
  not_an_emergency: 'emergency_channel',
  suggest_emergency: 'emergencies',
  ask_async: 'meetings',
  warn_lead_time: 'lead_time',
};
