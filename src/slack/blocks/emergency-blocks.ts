import type { KnownBlock } from '@slack/web-api';
import { SEVERITY_LABEL, type Emergency } from '../../core/emergency';
import { escapeText, truncateMrkdwn } from '../escape';
import { slackDate } from './slack-date';

export const EMERGENCY_ACTIONS = {
  acknowledge: 'emergency_ack',
  resolve: 'emergency_resolve',
  escalate: 'emergency_escalate',
  notEmergency: 'emergency_not',
  moveToDigest: 'emergency_to_digest',
} as const;

/** A Slack user as a mention; anyone else ("someone in PagerDuty", already escaped by the hook) as text. */
export function mentionOrName(by: string | undefined): string {
  if (!by) return 'someone';
  return /^[UW][A-Z0-9]+$/.test(by) ? `<@${by}>` : by;
}

const STATUS_LINE: Record<Emergency['status'], (e: Emergency) => string> = {
  // An acknowledged emergency someone escalated anyway is open again, and keeps who had acknowledged it.
  open: (e) =>
    e.ackBy
      ? `*Status:* re-opened by "Escalate now" after ${mentionOrName(e.ackBy)} acknowledged${e.ackAt ? ` ${slackDate(e.ackAt, '{time}')}` : ''}; paging the on-call again until someone acknowledges.`
      : '*Status:* paging the on-call; nobody has acknowledged yet.',
  acknowledged: (e) => `*Status:* acknowledged by ${mentionOrName(e.ackBy)} ${e.ackAt ? slackDate(e.ackAt, '{time}') : ''}; paging stopped.`,
  resolved: (e) => `*Status:* :white_check_mark: resolved by ${mentionOrName(e.closedBy)} ${e.closedAt ? slackDate(e.closedAt, '{time}') : ''}.`,
  not_emergency: (e) => `*Status:* closed as not an emergency by ${mentionOrName(e.closedBy)}.`,
};

function origin(e: Emergency): string {
  if (e.origin === 'api') return 'through the API';
  if (e.origin === 'cli') return 'from the command line';
  return `in <#${e.origin}>`;
}

/** Slack refuses a section whose text is longer (invalid_blocks). */
const MAX_SECTION_TEXT = 3000;
const FALLBACK_TEXT = 200;

/**
 * Slack-formatted user text as an escaped mrkdwn block quote of at most `max` characters. Escaping and
 * quoting lengthen the text, so it is cut last, and never through an entity or a link.
 */
export function quotedText(text: string, max: number): string {
  return truncateMrkdwn(`>${escapeText(text).replace(/\n/g, '\n>')}`, max);
}

function reporter(e: Emergency): string {
  return /^[UW][A-Z0-9]+$/.test(e.reporter) ? `<@${e.reporter}>` : escapeText(e.reporter);
}

/** The emergency's message in the emergency channel; updated in place as its status changes. */
export function emergencyMessage(e: Emergency): { text: string; blocks: KnownBlock[] } {
  const title = `:rotating_light: Emergency ${e.code} · ${SEVERITY_LABEL[e.severity]}`;
  const closed = e.status === 'resolved' || e.status === 'not_emergency';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.replace(':rotating_light: ', '🚨 ') } },
    { type: 'section', text: { type: 'mrkdwn', text: quotedText(e.text, MAX_SECTION_TEXT) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Declared by ${reporter(e)} ${origin(e)}, ${slackDate(e.declaredAt)}. Reply code: *${e.code}*.` }] },
    { type: 'section', text: { type: 'mrkdwn', text: STATUS_LINE[e.status](e) } },
  ];
  if (!closed) {
    blocks.push({
      type: 'actions',
      block_id: `emergency-${e.id}`,
      elements: [
        ...(e.status === 'open' ? [{ type: 'button' as const, style: 'primary' as const, text: { type: 'plain_text' as const, text: 'Acknowledge' }, action_id: EMERGENCY_ACTIONS.acknowledge, value: e.id }] : []),
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Resolve' },
          action_id: EMERGENCY_ACTIONS.resolve,
          value: e.id,
          confirm: confirm('Resolve this emergency?', 'Paging stops and PagerDuty/Opsgenie alerts are resolved.', 'Resolve'),
        },
        { type: 'button', text: { type: 'plain_text', text: 'Escalate now' }, action_id: EMERGENCY_ACTIONS.escalate, value: escalateValue(e) },
        {
          type: 'button',
          style: 'danger',
          text: { type: 'plain_text', text: 'Not an emergency' },
          action_id: EMERGENCY_ACTIONS.notEmergency,
          value: e.id,
          confirm: confirm('Close as not an emergency?', 'Paging stops. You can then move the text to a digest.', 'Close it'),
        },
      ],
    });
  }
  return { text: `${title}: ${truncateMrkdwn(escapeText(e.text), FALLBACK_TEXT)}`, blocks };
}

/**
 * The Escalate button carries the step its message showed, so a second click on the same message asks for the
 * same tier (a no-op) instead of the one after it. The message is redrawn at every escalation.
 */
function escalateValue(e: Emergency): string {
  return `${e.id}@${e.step}`;
}

/** The emergency id and, from an Escalate button, the step its message showed (buttons drawn before it carry the id alone). */
export function parseEmergencyButton(value: string): { id: string; seenStep?: number } {
  const match = /^(.+)@(\d+)$/.exec(value);
  return match ? { id: match[1]!, seenStep: Number(match[2]) } : { id: value };
}

function confirm(title: string, text: string, ok: string) {
  return {
    title: { type: 'plain_text' as const, text: title },
    text: { type: 'mrkdwn' as const, text },
    confirm: { type: 'plain_text' as const, text: ok },
    deny: { type: 'plain_text' as const, text: 'Cancel' },
  };
}

/** The ephemeral answer to the reporter: who is being paged, and how. */
export function declaredReply(
  e: Emergency,
  /** `admins`: how many Quadrant admins are DMed when the emergency cannot be posted. */
  paging: { tier: number; people: string[]; providers: string[]; unavailable: Array<{ provider: string }>; admins: number },
  channel?: string,
  options: { degraded?: boolean } = {},
): string {
  const people = paging.people.length ? paging.people.map((p) => `<@${p}>`).join(', ') : 'nobody (no on-call tiers are set up: an admin can add them with `/quadrant oncall`)';
  const how = paging.providers.length ? paging.providers.map(providerName).join(', ') : 'no provider (none is configured)';
  const where = channel
    ? `Follow it in <#${channel}>.`
    : paging.admins > 0
      ? 'No emergency channel is set up, so it was not posted; admins were told by DM.'
      : 'No emergency channel is set up, so it was not posted, and no Quadrant admins are listed, so nobody else was told. A workspace admin can set both with `/quadrant setup`.';
  const sms = paging.providers.includes('twilio_sms') ? ` People paged can reply \`ACK ${e.code}\` to the SMS.` : '';
  const lines = [`:rotating_light: Emergency *${e.code}* declared. Paging tier ${paging.tier}: ${people} via ${how}.`, `${where}${sms}`];
  if (paging.unavailable.length) lines.push(`Not configured: ${paging.unavailable.map((u) => providerName(u.provider)).join(', ')}.`);
  if (options.degraded) lines.push(":warning: Quadrant's storage did not answer, so this was paged from the last known on-call settings; it is recorded as soon as storage is back.");
  return lines.join('\n');
}

export function providerName(id: string): string {
  const names: Record<string, string> = {
    twilio_sms: 'SMS',
    twilio_voice: 'phone call',
    pagerduty: 'PagerDuty',
    opsgenie: 'Opsgenie',
    webhook: 'webhook',
    slack_dm: 'Slack DM',
  };
  return names[id] ?? id;
}
