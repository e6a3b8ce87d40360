import { hubTitleLine } from '../../core/hub';
import type { Item } from '../../core/item';
import { relativeAge } from '../../core/schedule';
import { escapeText, truncateMrkdwn } from '../escape';
import { HUB_STATE_LABEL, personName, safeLink } from './hub-message';
import { slackDate } from './slack-date';

/** Open hub items and recent decisions, for App Home and `/async list hub`. People by name, never mentioned. */

export interface HubListView {
  hubChannel?: string;
  open: Item[];
  decided: Item[];
  names: Readonly<Record<string, string>>;
  now: number;
}

/** Lines shown per list; the rest is counted. */
export const HUB_LIST_LINES = 10;
const TITLE_MAX = 90;

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string) => ({ type: 'context', elements: [mrkdwn(text)] });

/** "<link|Title>", or the title alone when Slack gave no permalink. */
export function hubItemTitle(item: Item): string {
  const title = truncateMrkdwn(escapeText(hubTitleLine(item.text)), TITLE_MAX) || `\`${item.id}\``;
  const link = safeLink(item.hub?.link);
  return link ? `<${link}|${title.replace(/[<>|]/g, '')}>` : title;
}

function openLine(item: Item, view: HubListView): string {
  return `• ${hubItemTitle(item)} · ${HUB_STATE_LABEL[item.hub!.state]} · by ${personName(item.author, view.names)} · ${relativeAge(item.createdAt, view.now)}`;
}

function decidedLine(item: Item, view: HubListView): string {
  const hub = item.hub!;
  return `• ${hubItemTitle(item)} · decided by ${personName(hub.decidedBy ?? item.author, view.names)} on ${slackDate(hub.decidedAt ?? item.updatedAt, '{date_short_pretty}')}`;
}

function lines(items: Item[], line: (i: Item) => string, empty: string): string {
  if (items.length === 0) return empty;
  const shown = items.slice(0, HUB_LIST_LINES).map(line);
  if (items.length > HUB_LIST_LINES) shown.push(`…and ${items.length - HUB_LIST_LINES} more.`);
  return shown.join('\n');
}

export function hubListBlocks(view: HubListView, options: { heading: 'header' | 'section' }): unknown[] {
  const where = view.hubChannel ? `<#${view.hubChannel}>` : 'the hub';
  const blocks: unknown[] =
    options.heading === 'header' ? [{ type: 'header', text: { type: 'plain_text', text: 'The hub', emoji: true } }] : [section(`*The hub* (${where})`)];
  if (!view.hubChannel && view.open.length === 0 && view.decided.length === 0) {
    blocks.push(section('No hub channel is set yet, so deep work goes to the daily digest. An admin can run `/quadrant channels set hub` in the channel that should be the hub.'));
    return blocks;
  }
  blocks.push(section(`*Open* (${view.open.length})\n${lines(view.open, (i) => openLine(i, view), '_Nothing open: file deep work with `/async +deep <proposal>`._')}`));
  blocks.push(section(`*Decided in the last 30 days* (${view.decided.length})\n${lines(view.decided, (i) => decidedLine(i, view), '_No decisions yet._')}`));
  blocks.push(context(`Discuss each item in its thread in ${where}; its buttons move it from proposal to decided.`));
  return blocks;
}
