import { hubActionsFor, hubTitleLine, type HubAction, type HubState } from '../../core/hub';
import type { Item } from '../../core/item';
import { escapePlain, escapeText, truncateMrkdwn } from '../escape';
import { slackDate } from './slack-date';

/**
 * A deep-work item's own message in the hub channel: title, author, the text (escaped), where it came from,
 * and its state, with buttons that move it along (action ids `hub_<action>`, value = item id, block id
 * `hub:<id>`). The same builder renders it after every change, so `chat.update` keeps it true in place.
 * People are shown by display name, never as mentions: posting or updating must not ping anyone.
 */

export const HUB_ACTION_PREFIX = 'hub_';
export const hubActionId = (action: HubAction) => `${HUB_ACTION_PREFIX}${action}`;

export const HUB_STATE_LABEL: Record<HubState, string> = {
  proposal: ':bulb: Proposal',
  in_discussion: ':speech_balloon: In discussion',
  decided: ':white_check_mark: Decided',
  archived: ':file_cabinet: Archived',
};

const BUTTON_TEXT: Record<HubAction, string> = {
  discuss: 'Start discussion',
  decide: 'Mark decided',
  archive: 'Archive',
  reopen: 'Reopen',
};

const CONFIRM: Partial<Record<HubAction, { title: string; text: string; confirm: string }>> = {
  decide: { title: 'Mark as decided?', text: 'Your name and the time are recorded on the item as the decision.', confirm: 'Decided' },
  archive: { title: 'Archive this item?', text: 'It leaves the open hub items. It can be reopened later.', confirm: 'Archive' },
};

const TITLE_MAX = 150;
const TEXT_MAX = 2800;

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** Only well-formed https links become links; anything else could break out of `<…|…>`. */
export function safeLink(url: string | undefined): string | undefined {
  return url && /^https:\/\/[^\s<>|]+$/.test(url) ? url : undefined;
}

/** A display name, or the id in code style when the name is unknown (never a mention). */
export function personName(id: string, names: Readonly<Record<string, string>>): string {
  const name = names[id];
  return name ? escapePlain(name) : `\`${escapePlain(id)}\``;
}

export function hubStateLine(item: Pick<Item, 'hub'>, names: Readonly<Record<string, string>>): string {
  const hub = item.hub;
  if (!hub) return `*${HUB_STATE_LABEL.proposal}*`;
  const decision = hub.decidedBy && hub.decidedAt !== undefined ? `by ${personName(hub.decidedBy, names)} on ${slackDate(hub.decidedAt)}` : undefined;
  const parts = [`*${HUB_STATE_LABEL[hub.state]}*${hub.state === 'decided' && decision ? ` ${decision}` : ''}`];
  if (hub.state === 'archived' && decision) parts.push(`decided ${decision}`);
  if (hub.state === 'archived' && hub.changedBy) parts.push(`archived by ${personName(hub.changedBy, names)}`);
  return parts.join(' · ');
}

function buttons(item: Item): unknown[] {
  const state = item.hub?.state ?? 'proposal';
  return hubActionsFor(state).map((action) => {
    const confirm = CONFIRM[action];
    return {
      type: 'button',
      text: plain(BUTTON_TEXT[action]),
      action_id: hubActionId(action),
      value: item.id,
      ...(action === 'decide' ? { style: 'primary' } : {}),
      ...(confirm ? { confirm: { title: plain(confirm.title), text: plain(confirm.text), confirm: plain(confirm.confirm), deny: plain('Cancel') } } : {}),
    };
  });
}

export function hubItemMessage(item: Item, names: Readonly<Record<string, string>>): { text: string; blocks: unknown[] } {
  const title = truncateMrkdwn(escapeText(hubTitleLine(item.text)), TITLE_MAX);
  const link = safeLink(item.permalink);
  const body = escapeText(item.text);
  const text = body.length <= TEXT_MAX ? body : `${truncateMrkdwn(body, TEXT_MAX - 40)}${link ? ` <${link}|read it all>` : ''}`;
  const source = link ? `<${link}|source message> in <#${item.channel}>` : `filed with /async in <#${item.channel}>`;
  const blocks: unknown[] = [
    { type: 'section', text: mrkdwn(`*${title}*`) },
    { type: 'section', text: mrkdwn(text) },
    { type: 'context', elements: [mrkdwn(`by ${personName(item.author, names)} · ${source} · \`${item.id}\``)] },
    { type: 'context', elements: [mrkdwn(hubStateLine(item, names))] },
  ];
  const actions = buttons(item);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: `hub:${item.id}`, elements: actions });
  if (item.hub?.state !== 'archived') blocks.push({ type: 'context', elements: [mrkdwn('Discuss it in the thread. Decisions are recorded here, with who made them and when.')] });
  return { text: truncateMrkdwn(`Hub: ${title}`, 200), blocks };
}

const STATE_NOTE: Record<HubAction, string> = {
  discuss: 'opened the discussion',
  decide: 'marked this *decided*',
  archive: 'archived this',
  reopen: 'reopened this for discussion',
};

/** The note posted in the item's thread when its state changes, so the discussion shows it. */
export function hubStateNote(action: HubAction, by: string, names: Readonly<Record<string, string>>): string {
  return `${personName(by, names)} ${STATE_NOTE[action]}.`;
}
