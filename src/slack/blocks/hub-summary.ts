import { waitingOn } from '../../core/hub';
import type { Item } from '../../core/item';
import { relativeAge } from '../../core/schedule';
import { hubItemTitle } from './hub-list';
import { HUB_STATE_LABEL, personName } from './hub-message';

/** The weekly hub summary: proposed and decided in the last seven days, and what is still open, waiting on whom. */

export interface HubSummaryView {
  proposed: Item[];
  decided: Item[];
  open: Item[];
  names: Readonly<Record<string, string>>;
  now: number;
}

const MAX_LINES = 15;
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2900) } });

function list(items: Item[], line: (i: Item) => string, empty: string): string {
  if (items.length === 0) return `_${empty}_`;
  const shown = items.slice(0, MAX_LINES).map((i) => `• ${line(i)}`);
  if (items.length > MAX_LINES) shown.push(`…and ${items.length - MAX_LINES} more.`);
  return shown.join('\n');
}

export function hubSummaryMessage(view: HubSummaryView): { text: string; blocks: unknown[] } {
  const name = (id: string) => personName(id, view.names);
  const blocks = [
    { type: 'header', text: { type: 'plain_text', text: 'The hub: the last 7 days', emoji: true } },
    section(`*Proposed* (${view.proposed.length})\n${list(view.proposed, (i) => `${hubItemTitle(i)} · by ${name(i.author)}`, 'Nothing new was proposed.')}`),
    section(`*Decided* (${view.decided.length})\n${list(view.decided, (i) => `${hubItemTitle(i)} · by ${name(i.hub?.decidedBy ?? i.author)}`, 'No decisions this week.')}`),
    section(
      `*Waiting* (${view.open.length})\n${list(
        view.open,
        (i) => `${hubItemTitle(i)} · ${HUB_STATE_LABEL[i.hub!.state]} for ${relativeAge(i.createdAt, view.now)} · waiting on ${waitingOn(i).map(name).join(', ')}`,
        'Nothing is waiting.',
      )}`,
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'An open item waits on the people it mentions, or else on its author to call a decision.' }] },
  ];
  return { text: `The hub, last 7 days: ${view.proposed.length} proposed, ${view.decided.length} decided, ${view.open.length} waiting`, blocks };
}
