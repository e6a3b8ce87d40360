import type { ChannelSetting, WorkspaceSettings } from '../config/settings';
import type { Area } from './areas';
import { fitsAsync } from './async-topic';
import type { Broadcast, Nudge, NudgeButton, NudgeCode } from './nudge';
import { hubChannel, resolveDigestChannel } from './routing';
import { nextDigestAt, noticeGiven, quietEndsAt } from './schedule';
import { toProse } from './slack-text';
import type { Verdict } from './verdict';

/**
 * The enforcement policy: from a verdict, the channel's role, the author's local time, quiet hours and
 * the settings, decide what the bot does about one channel message. Pure: the adapter looks up the channel
 * setting and the nudge window in Redis, and carries out the actions.
 *
 * Checked in this order; the first that applies decides:
 * 1. Bot and integration messages: nothing.
 * 2. Small talk ("thanks!", "ok", "lol", "good morning :wave:", ":tada:"): nothing. Filing it fills the
 *    digest with noise and tells a person saying thanks that they posted async work. See `isSmallTalk`.
 * 3. Reads like an emergency (confidence >= EMERGENCY_MIN_CONFIDENCE, deliberately low: a missed
 *    emergency costs more than one extra hint): suggest /emergency, in any channel the bot is in, listed
 *    or not, quiet hours or not. Not for thread replies in the emergency channel (the incident is
 *    already there), and not twice in a row (when the open nudge window was itself an emergency
 *    suggestion); any other recent nudge does not hold it back. In the emergency channel, a verdict
 *    that rests on the channel alone (no alarm in the text) needs NUDGE_MIN_CONFIDENCE instead: there the
 *    channel prior makes every message lean emergency, and a low bar hinted at every "hello".
 * 4. Unlisted channel: nothing (classified, not enforced).
 * 5. Thread reply: nothing; a thread is a conversation already under way.
 * 6. Confidence below NUDGE_MIN_CONFIDENCE: nothing, neither queued nor nudged; a guess should not move
 *    or comment on anyone's message.
 * 7. Otherwise the table below. A nudge is then held during the author's quiet hours (a
 *    `hold_for_quiet_hours` action records why the bot stayed silent; nothing is sent later) and dropped
 *    when the author was nudged in this channel within `nudge_window`. Queuing is silent, so it is never
 *    held back.
 *
 * | verdict \ channel role | daily_operations                     | deep_work (hub or not) | online_meeting / offline_activity | emergency                  |
 * |------------------------|--------------------------------------|------------------------|-----------------------------------|----------------------------|
 * | daily_operations       | queue + queued_for_digest; an FYI or status update (not urgent) with @here/@channel/@everyone gets broadcast_fyi instead | belongs_in_digest [send_to_digest, keep_as_is] | belongs_in_digest | not_an_emergency if not urgent [send_to_digest, keep_as_is]; urgent chatter during an incident is left alone |
 * | deep_work              | queue + queued_for_digest (naming the hub) | allowed           | belongs_in_hub (when a hub exists) | as daily_operations        |
 * | online_meeting         | ask_async when the topic fits async [make_async, keep_as_is] | same | same                       | allowed (incident calls)   |
 * | offline_activity       | warn_lead_time when `when` is closer than offline_lead_time (in calendar days when that is whole days) | same | same                 | allowed                    |
 * | emergency              | suggest_emergency (rule 3)           | same                   | same                              | same (top-level only)      |
 *
 * "queue" is the channel's own digest, else the workspace default (core/routing.ts); with no digest
 * anywhere there is nothing to queue or offer, and the message is allowed. Queued nudges carry
 * [keep_as_is], which takes the item back out. The settings' `emergency.channel` counts as an emergency
 * channel even when it is not listed under `channels`.
 */

export const NUDGE_MIN_CONFIDENCE = 0.5;
export const EMERGENCY_MIN_CONFIDENCE = 0.3;

export interface MessageContext {
  channel: string;
  /** The channel's entry in settings; undefined when the channel is not listed. */
  channelSetting: ChannelSetting | undefined;
  /** The message text (as Slack sent it); only used to judge whether a meeting topic fits async. */
  text: string;
  isBot: boolean;
  isThreadReply: boolean;
  hasBroadcast: Broadcast | undefined;
  now: number;
  /** The author's IANA zone from their Slack profile, for quiet hours; the workspace zone when unknown. */
  authorTimezone?: string;
  /** The author was nudged in this channel within `nudge_window`. */
  recentlyNudged: boolean;
  /** The code of that nudge, when the adapter stored it; lets an emergency hint through after a gentler one. */
  recentNudge?: NudgeCode;
}

export type Action =
  | { kind: 'queue_for_digest'; digestChannel: string }
  | { kind: 'nudge'; nudge: Nudge; buttons: NudgeButton[] }
  | { kind: 'hold_for_quiet_hours'; until: number; held: NudgeCode };

/** Why the decision came out as it did, for logs and metrics. */
export type DecisionReason =
  | 'bot_message'
  | 'small_talk'
  | 'emergency_suggested'
  | 'emergency_recently_suggested'
  | 'unlisted_channel'
  | 'thread_reply'
  | 'low_confidence'
  | 'quiet_hours'
  | 'recently_nudged'
  | 'nudged'
  | 'queued'
  | 'allowed';

/** At most one `nudge` action per decision: one message never earns two hints. */
export interface Decision {
  actions: Action[];
  reason: DecisionReason;
}

type Plan = { queue?: string; nudge?: { nudge: Nudge; buttons: NudgeButton[] } };

export function decide(verdict: Verdict, ctx: MessageContext, settings: WorkspaceSettings): Decision {
  if (ctx.isBot) return { actions: [], reason: 'bot_message' };
  if (isSmallTalk(verdict, ctx.text)) return { actions: [], reason: 'small_talk' };
  const role: Area | undefined = ctx.channelSetting?.area ?? (ctx.channel === settings.emergency.channel ? 'emergency' : undefined);

  const priorOnly = role === 'emergency' && verdict.cues !== undefined && !verdict.cues.alarm;
  const emergencyBar = priorOnly ? NUDGE_MIN_CONFIDENCE : EMERGENCY_MIN_CONFIDENCE;
  if (verdict.area === 'emergency' && verdict.confidence >= emergencyBar && !(role === 'emergency' && ctx.isThreadReply)) {
    if (ctx.recentlyNudged && ctx.recentNudge === 'suggest_emergency') return { actions: [], reason: 'emergency_recently_suggested' };
    return { actions: [{ kind: 'nudge', nudge: { code: 'suggest_emergency' }, buttons: ['declare_emergency', 'keep_as_is'] }], reason: 'emergency_suggested' };
  }
  if (role === undefined) return { actions: [], reason: 'unlisted_channel' };
  if (ctx.isThreadReply) return { actions: [], reason: 'thread_reply' };
  if (verdict.confidence < NUDGE_MIN_CONFIDENCE) return { actions: [], reason: 'low_confidence' };

  const plan = planFor(verdict, role, ctx, settings);
  const actions: Action[] = plan.queue ? [{ kind: 'queue_for_digest', digestChannel: plan.queue }] : [];
  if (!plan.nudge) return { actions, reason: plan.queue ? 'queued' : 'allowed' };

  const zone = ctx.authorTimezone ?? settings.timezone;
  const quietUntil = quietEndsAt(settings.quiet_hours, zone, ctx.now);
  if (quietUntil !== undefined) {
    actions.push({ kind: 'hold_for_quiet_hours', until: quietUntil, held: plan.nudge.nudge.code });
    return { actions, reason: 'quiet_hours' };
  }
  if (ctx.recentlyNudged) return { actions, reason: 'recently_nudged' };
  actions.push({ kind: 'nudge', ...plan.nudge });
  return { actions, reason: 'nudged' };
}

/** Longest message still read as small talk: "thanks a lot everyone" yes, a sentence of work no. */
const SMALL_TALK_MAX_WORDS = 4;

/** Greetings, laughter and cheer, in the languages the classifier reads; with "everyone" and the like. */
const SMALL_TALK_WORDS = new Set([
  'hi', 'hey', 'hello', 'hiya', 'howdy', 'yo', 'gm', 'morning', 'good', 'afternoon', 'evening', 'night', 'bye', 'cya', 'later',
  'welcome', 'back', 'lol', 'lmao', 'rofl', 'haha', 'hahaha', 'hehe', 'xd', 'nice', 'cool', 'great', 'awesome', 'wow', 'yay', 'congrats',
  'all', 'everyone', 'everybody', 'team', 'folks', 'guys', 'people', "y'all", 'again', 'you', 'too', 'and', 'a', 'lot', 'so', 'much',
  'hallo', 'servus', 'moin', 'guten', 'morgen', 'tag', 'szia', 'sziasztok', 'jó', 'reggelt', 'hola', 'buenos', 'buenas', 'días', 'dias',
  'bonjour', 'salut', 'coucou',
]);

/**
 * A very short message with no question that only acknowledges, greets, laughs or is emoji alone. The
 * classifier still files these under daily operations (nothing else fits), so the policy, not the
 * classifier, keeps them out of digests. A request ("review pls"), a question ("deploy?"), an urgent
 * note or alarm in the text ("down!! :rotating_light:") is never small talk.
 */
export function isSmallTalk(verdict: Verdict, text: string): boolean {
  if (verdict.urgent || verdict.cues?.alarm || verdict.cues?.asks) return false;
  const { prose, emoji } = toProse(text);
  if (prose.includes('?')) return false;
  const words = prose.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  if (words.length === 0) return emoji.length > 0;
  if (words.length > SMALL_TALK_MAX_WORDS) return false;
  return verdict.cues?.acknowledgement === true || words.every((w) => SMALL_TALK_WORDS.has(w));
}

/** The table in the module comment, for listed channels and confident verdicts. */
function planFor(verdict: Verdict, role: Area, ctx: MessageContext, settings: WorkspaceSettings): Plan {
  const digest = resolveDigestChannel(settings, ctx.channel);
  const postsAt = digest ? digestPostsAt(digest, settings, ctx.now) : undefined;
  const hub = hubChannel(settings);

  switch (verdict.area) {
    case 'daily_operations':
    case 'deep_work': {
      if (role === 'emergency') {
        if (verdict.urgent) return {};
        return { nudge: { nudge: { code: 'not_an_emergency', digestChannel: digest }, buttons: digest ? ['send_to_digest', 'keep_as_is'] : ['keep_as_is'] } };
      }
      if (role === 'daily_operations') {
        if (!digest) return {};
        const nudge: Nudge =
          verdict.area === 'daily_operations' && ctx.hasBroadcast && !verdict.urgent && verdict.cues?.fyi
            ? { code: 'broadcast_fyi', broadcast: ctx.hasBroadcast, digestChannel: digest, postsAt }
            : { code: 'queued_for_digest', digestChannel: digest, postsAt, hubChannel: verdict.area === 'deep_work' && hub !== ctx.channel ? hub : undefined };
        return { queue: digest, nudge: { nudge, buttons: ['keep_as_is'] } };
      }
      if (verdict.area === 'deep_work') {
        if (role === 'deep_work' || !hub || hub === ctx.channel) return {};
        return { nudge: { nudge: { code: 'belongs_in_hub', hubChannel: hub }, buttons: ['keep_as_is'] } };
      }
      if (!digest) return {};
      return { nudge: { nudge: { code: 'belongs_in_digest', digestChannel: digest, postsAt }, buttons: ['send_to_digest', 'keep_as_is'] } };
    }
    case 'online_meeting':
      if (role === 'emergency' || !fitsAsync(ctx.text)) return {};
      return { nudge: { nudge: { code: 'ask_async' }, buttons: ['make_async', 'keep_as_is'] } };
    case 'offline_activity': {
      const when = verdict.when;
      if (role === 'emergency' || when === undefined || when <= ctx.now) return {};
      // The workspace zone, not the author's: the classifier resolved the date ("March 31") in it.
      const notice = noticeGiven(when, ctx.now, settings.offline_lead_time, settings.timezone);
      if (notice >= settings.offline_lead_time) return {};
      return { nudge: { nudge: { code: 'warn_lead_time', leadMs: notice, neededMs: settings.offline_lead_time }, buttons: [] } };
    }
    case 'emergency':
      // Unreachable while EMERGENCY_MIN_CONFIDENCE <= NUDGE_MIN_CONFIDENCE (rule 2 or 5 decided first).
      return {};
  }
}

function digestPostsAt(channel: string, settings: WorkspaceSettings, now: number): number | undefined {
  const schedule = settings.channels[channel]?.digest;
  return schedule ? nextDigestAt(schedule, settings.timezone, now) : undefined;
}
