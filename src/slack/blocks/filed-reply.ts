import { AREA_INFO } from '../../core/areas';
import { PRIORITY_LABEL } from '../../core/priority';
import type { FiledItem } from '../../flows/file-item';
import { escapeText } from '../escape';
import { slackDate } from './slack-date';

export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

/** The ephemeral answer to `/async <text>`: what was filed, why, and when people will see it. */
export function filedReply(filed: FiledItem, notes: string[] = []): SlackMessage {
  const { item, verdict } = filed;
  const where = item.digestChannel
    ? filed.digestAt
      ? `It will be in the <#${item.digestChannel}> digest ${slackDate(filed.digestAt)}.`
      : `It will be in the next <#${item.digestChannel}> digest.`
    : 'No digest channel is set up yet, so it waits in `/async list`. An admin can add one with `/quadrant setup`.';
  const why = verdict.reasons.length ? verdict.reasons.join('; ') : 'no strong signals, so it defaults to daily operations';
  const summary = `Filed as *${AREA_INFO[item.area].label}* · *${PRIORITY_LABEL[item.priority]}* (id \`${item.id}\`).`;
  const lines = [
    filed.created ? summary : `Already filed: ${summary}`,
    `> ${quoteLines(escapeText(truncate(item.text, 300)))}`,
    `Why: ${why}.`,
    where,
    ...notes,
  ];
  if (item.area === 'emergency') {
    lines.push(':rotating_light: This reads like an emergency. If it is happening now, use `/emergency` so the on-call is paged.');
  }
  const text = lines.join('\n');
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Mark done' }, action_id: 'item_done', value: item.id }],
      },
    ],
  };
}

function quoteLines(text: string): string {
  return text.indexOf('\n') < 0 ? text : text.replace(/\n/g, '\n> ');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
