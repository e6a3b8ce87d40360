import { NUDGE_RULE, type Nudge, type NudgeButton } from './nudge';
import { RULES } from './rules';
import { localMomentLabel } from './schedule';

/** A nudge in words: mrkdwn text, the rule line it enforces, and labelled buttons, ready to render. */
export interface NudgeMessage {
  text: string;
  rule: string;
  buttons: Array<{ id: NudgeButton; label: string }>;
}

export const BUTTON_LABEL: Record<NudgeButton, string> = {
  send_to_digest: 'Send to digest',
  declare_emergency: 'Declare emergency',
  keep_as_is: 'Keep as is',
  make_async: 'Make it async',
};

/**
 * A time every reader sees in their own zone (Slack's date token), with the workspace-local label as the
 * fallback for clients that cannot render it.
 */
function when(at: number, timezone: string): string {
  return `<!date^${Math.floor(at / 1000)}^{date_short_pretty} at {time}|${localMomentLabel(at, timezone)}>`;
}

function digestRef(channel: string, postsAt: number | undefined, timezone: string): string {
  return postsAt === undefined ? `the <#${channel}> digest` : `the <#${channel}> digest (${when(postsAt, timezone)})`;
}

const NOTICE_UNITS: Array<[ms: number, name: string]> = [
  [7 * 86_400_000, 'week'],
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

/**
 * "3 weeks' notice", "10 days' notice": the setting exactly, in the largest unit that divides it. A rounded
 * figure contradicted the lead it was compared with ("8 days away... at least 1 week notice" for 10d).
 */
export function noticeNeeded(ms: number): string {
  const [size, name] = NOTICE_UNITS.find(([size]) => ms >= size && ms % size === 0) ?? NOTICE_UNITS[NOTICE_UNITS.length - 1]!;
  const n = Math.round(ms / size);
  return n === 1 ? `1 ${name}'s notice` : `${n} ${name}s' notice`;
}

const BROADCAST_WORD = { here: '@here', channel: '@channel', everyone: '@everyone' } as const;

/**
 * The words for a nudge. Short, friendly, never shaming: each says what happened or what would help,
 * leaves the author the last word, and names the rule it comes from.
 */
export function nudgeMessage(nudge: Nudge, buttons: readonly NudgeButton[], timezone: string): NudgeMessage {
  return {
    text: nudgeText(nudge, timezone),
    rule: RULES[NUDGE_RULE[nudge.code]],
    buttons: buttons.map((id) => ({ id, label: BUTTON_LABEL[id] })),
  };
}

function nudgeText(nudge: Nudge, timezone: string): string {
  switch (nudge.code) {
    case 'queued_for_digest': {
      const hub = nudge.hubChannel ? ` Proposals and decisions also have a home in <#${nudge.hubChannel}>.` : '';
      return `Thanks! This reads like async work, so I've added it to ${digestRef(nudge.digestChannel, nudge.postsAt, timezone)}. Nobody has to drop what they're doing to answer.${hub}`;
    }
    case 'broadcast_fyi':
      return `I've added this to ${digestRef(nudge.digestChannel, nudge.postsAt, timezone)}, which reaches everyone here. For an FYI like this the digest is enough, so next time \`${BROADCAST_WORD[nudge.broadcast]}\` can stay for what can't wait.`;
    case 'belongs_in_digest':
      return `This looks like it can wait a little. Want me to add it to ${digestRef(nudge.digestChannel, nudge.postsAt, timezone)}? It reaches the right people without interrupting them now.`;
    case 'belongs_in_hub':
      return `This reads like deep work: a proposal, plan or decision. It will get more considered replies in <#${nudge.hubChannel}>, where people read and answer over a few days.`;
    case 'not_an_emergency':
      return nudge.digestChannel
        ? `This channel is kept for emergencies. If this can wait, I can move it to the <#${nudge.digestChannel}> digest for you.`
        : 'This channel is kept for emergencies. If this can wait, a regular channel is a better home for it.';
    case 'suggest_emergency':
      return 'This sounds urgent. If it is an emergency, `/emergency` pages the on-call by phone right away and keeps track of who is on it.';
    case 'ask_async':
      return 'Could this be async? Reviews and walkthroughs often go faster as comments on the doc or a short recording, and everyone can join in when they are free. If it really needs a call, go ahead.';
    case 'warn_lead_time': {
      // Whole days, rounded down: rounding up could make 20.5 days read "3 weeks", the same as the rule.
      const days = Math.floor(nudge.leadMs / 86_400_000);
      const lead = days < 1 ? 'less than a day' : `${days} day${days === 1 ? '' : 's'}`;
      return `Heads-up: this is ${lead} away. Offline activities work best with at least ${noticeNeeded(nudge.neededMs)}, so people can plan travel and cover. Could it move later, or happen online?`;
    }
  }
}
