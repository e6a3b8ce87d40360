import type { HomeView } from '@slack/web-api';
import type { WorkspaceSettings } from '../../config/settings';
import { AREA_INFO } from '../../core/areas';
import type { Item } from '../../core/item';
import { PRIORITY_LABEL, priorityRank } from '../../core/priority';
import { escapeText, truncateMrkdwn } from '../escape';
import { channelLines, configMessage, type SettingsView } from './quadrant-config';

const MAX_ITEMS = 15;
const REACTION_LABEL: Record<string, string> = {
  deep_work: 'deep work',
  daily_operations: 'daily operations',
  online_meeting: 'online meeting',
  offline_activity: 'offline activity',
  emergency: 'emergency',
  do: 'do now',
  schedule: 'schedule',
  delegate: 'delegate',
  drop: 'drop',
  done: 'done',
};

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text } });
const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

const FRAMEWORK = [
  'Work sits on two axes: *scheduled or not*, and *asynchronous or synchronous*. That gives five areas:',
  `• *${AREA_INFO.deep_work.label}* (scheduled, async): strategy, proposals, decisions → the hub, answered over days.`,
  `• *${AREA_INFO.daily_operations.label}* (async): requests, reviews, updates, small questions → one daily digest.`,
  `• *${AREA_INFO.online_meeting.label}* (sync): calls and huddles, when a thread won't do.`,
  `• *${AREA_INFO.offline_activity.label}* (scheduled, in person): offsites and dinners, with enough notice.`,
  `• *${AREA_INFO.emergency.label}* (now): outages, security, data loss → the emergency channel and a phone page.`,
].join('\n');

function howTo(settings: WorkspaceSettings): string {
  const reactions = Object.entries(settings.reactions).map(([emoji, action]) => `:${emoji}: ${REACTION_LABEL[action] ?? action}`);
  return [
    '• `/async <text>` files work for the right digest and tells you why; `/async list` shows your items; `/async done <id>` closes one.',
    '• `/emergency <what is broken>` posts to the emergency channel and pages the on-call at once. Only for real emergencies.',
    `• React to a message to triage it: ${reactions.join(' · ')}.`,
  ].join('\n');
}

function itemBlocks(items: Item[]): unknown[] {
  const open = items.filter((i) => i.status === 'open').sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.createdAt - b.createdAt);
  if (open.length === 0) return [section('You have no open items. File one with `/async <text>`.')];
  const lines = open.slice(0, MAX_ITEMS).map((i) => `\`${i.id}\` *${PRIORITY_LABEL[i.priority]}* · ${AREA_INFO[i.area].label}: ${truncateMrkdwn(escapeText(i.text.replace(/\s+/g, ' ')), 150)}`);
  return [
    section(lines.join('\n')),
    context(`${open.length > MAX_ITEMS ? `…and ${open.length - MAX_ITEMS} more. ` : ''}Close one with \`/async done <id>\`.`),
  ];
}

export interface HomeInput extends SettingsView {
  items: Item[];
}

/** The App Home tab: the framework in a few lines, how to use Quadrant, the person's open items, and for admins the settings. */
export function appHomeView(input: HomeInput): HomeView {
  const blocks: unknown[] = [
    header('Quadrant'),
    section(FRAMEWORK),
    section(`*How to use it*\n${howTo(input.settings)}`),
    { type: 'divider' },
    header('Your open items'),
    ...itemBlocks(input.items),
  ];
  if (input.isAdmin) {
    const settings = configMessage(input).blocks.slice(1);
    blocks.push({ type: 'divider' }, header('Settings (admins)'), ...settings);
  } else if (channelLines(input.settings).length === 0) {
    blocks.push(context('Quadrant is not set up yet: a workspace admin can run `/quadrant setup`.'));
  }
  return { type: 'home', blocks: blocks as HomeView['blocks'] };
}
