import type { types } from '@slack/bolt';
import type { DigestEntry, DigestLayout, DigestReply } from '../../core/digest-layout';
import { PRIORITIES, PRIORITY_LABEL } from '../../core/priority';
import { escapePlain, escapeText, truncateMrkdwn } from '../escape';

/**
 * Block Kit for a digest: the parent message and its threaded replies, from core/digest-layout.ts.
 *
 * Slack limits kept here: at most 50 blocks per message, 3,000 characters per section text, 150 per
 * header. A single-item reply is 3 blocks; a group reply is 1 + 2 per item, so a group of up to 24 fits
 * (the layout makes groups of 20).
 *
 * Authors are shown by name (`authorNames`, from the user-info cache) or, when the name is unknown, as
 * their id in code style, never as a `<@U…>` mention: a mention in a bot message notifies the person,
 * and a digest of 2,000 items must not ping hundreds of authors every morning.
 *
 * Item buttons: action ids `item_done`, `item_snooze`, `item_escalate`, value = item id; the actions
 * block's id is `item:<id>`.
 */

export type Block = types.KnownBlock;
export interface SlackMessage {
  /** Notification and accessibility fallback. */
  text: string;
  blocks: Block[];
}

/** What became of a listed item after its digest was posted (the digest is updated in place). */
export type ItemMark = 'done' | 'dropped' | 'snoozed' | 'escalated';

export interface RenderOptions {
  /** Display names by user id. */
  authorNames?: Readonly<Record<string, string>>;
  /** Marks by item id: shown on the item's line; a done, dropped or snoozed item loses its buttons. */
  marks?: Readonly<Record<string, ItemMark>>;
}

const MARK_TEXT: Record<ItemMark, string> = {
  done: ':white_check_mark: done',
  dropped: ':wastebasket: dropped',
  snoozed: ':zzz: snoozed to the next digest',
  escalated: ':small_red_triangle: escalated to Do now',
};

/** Finished items keep their line but lose their buttons; an escalated one still needs them. */
const isFinished = (id: string, options: RenderOptions) => {
  const mark = options.marks?.[id];
  return mark !== undefined && mark !== 'escalated';
};

export const MAX_BLOCKS = 50;
export const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
/** Room left for an item's text in a group, so 20 items stay readable (and the message small). */
const GROUP_ITEM_TEXT = 600;
const FALLBACK_TEXT = 200;

export const ITEM_ACTIONS = { done: 'item_done', snooze: 'item_snooze', escalate: 'item_escalate' } as const;

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(truncateMrkdwn(text, MAX_SECTION_TEXT)) });

/** Only well-formed https permalinks become links; anything else could break out of `<…|…>`. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https:\/\/[^\s<>|]+$/.test(url) ? url : undefined;
}

function authorOf(id: string, options: RenderOptions): string {
  const name = options.authorNames?.[id];
  return name ? escapePlain(name) : `\`${escapePlain(id)}\``;
}

function metaLine(entry: Omit<DigestEntry, 'text'>, options: RenderOptions): string {
  const url = safeUrl(entry.link);
  const mark = options.marks?.[entry.id];
  return [`by ${authorOf(entry.author, options)}`, entry.age, ...(url ? [`<${url}|original message>`] : []), ...(mark ? [MARK_TEXT[mark]] : [])].join(' · ');
}

/** Escaped item text cut to `max` with a link to the full original when it had to be cut. */
function itemText(entry: DigestEntry, max: number): string {
  const text = escapeText(entry.text);
  if (text.length <= max) return text;
  const url = safeUrl(entry.link);
  const more = url ? ` <${url}|see original>` : '';
  return truncateMrkdwn(text, max - more.length) + more;
}

function itemButtons(id: string): Block {
  const button = (text: string, actionId: string, style?: 'primary') => ({ type: 'button' as const, text: plain(text), action_id: actionId, value: id, ...(style ? { style } : {}) });
  return {
    type: 'actions',
    block_id: `item:${id}`,
    elements: [button('Done', ITEM_ACTIONS.done, 'primary'), button('Snooze', ITEM_ACTIONS.snooze), button('Escalate', ITEM_ACTIONS.escalate)],
  };
}

/** The parent message: heading, counts, what is still open from earlier digests. */
export function digestParentMessage(layout: DigestLayout, options: RenderOptions = {}): SlackMessage {
  const blocks: Block[] = [{ type: 'header', text: plain(layout.heading.slice(0, MAX_HEADER_TEXT)) }];

  const counts = PRIORITIES.filter((p) => layout.counts[p] > 0).map((p) => `*${layout.counts[p]}* ${PRIORITY_LABEL[p].toLowerCase()}`);
  blocks.push(
    section(
      layout.total === 0
        ? 'Nothing new since the last digest.'
        : `*${layout.total}* new item${layout.total === 1 ? '' : 's'}: ${counts.join(' · ')}. Each one is in the thread, most pressing first.`,
    ),
  );

  const carried = layout.carriedOver;
  if (carried.count > 0) {
    const lines = carried.links.map((link) => {
      const url = safeUrl(link.link);
      const id = url ? `<${url}|\`${link.id}\`>` : `\`${link.id}\``;
      return `• ${id} ${PRIORITY_LABEL[link.priority]}, ${metaLine({ ...link, link: undefined }, options)}`;
    });
    if (carried.more > 0) lines.push(`…and ${carried.more} more: \`/async list\` shows yours.`);
    blocks.push(section(`*${carried.count}* still open from earlier digests:\n${lines.join('\n')}`));
  }
  if (layout.snoozed > 0) {
    blocks.push({ type: 'context', elements: [mrkdwn(`${layout.snoozed} snoozed item${layout.snoozed === 1 ? '' : 's'} will come back when the snooze ends.`)] });
  }
  blocks.push({ type: 'context', elements: [mrkdwn('Ordered do → schedule → delegate → drop. Mark items done with the buttons or `/async done <id>`.')] });
  return { text: escapePlain(layout.title), blocks };
}

/** One threaded reply: a single item with its own buttons, or a run of items of one priority. */
export function digestReplyMessage(reply: DigestReply, options: RenderOptions = {}): SlackMessage {
  const label = PRIORITY_LABEL[reply.priority];
  const [only] = reply.entries;
  if (reply.entries.length === 1 && only) {
    const head = `*${label}* · \`${only.id}\`\n`;
    return {
      text: truncateMrkdwn(`${label}: ${escapeText(only.text)}`, FALLBACK_TEXT),
      blocks: [
        section(head + itemText(only, MAX_SECTION_TEXT - head.length)),
        { type: 'context', elements: [mrkdwn(metaLine(only, options))] },
        ...(isFinished(only.id, options) ? [] : [itemButtons(only.id)]),
      ],
    };
  }
  if (1 + 2 * reply.entries.length > MAX_BLOCKS) {
    throw new RangeError(`a digest reply holds at most ${(MAX_BLOCKS - 1) >> 1} items (got ${reply.entries.length})`);
  }
  const blocks: Block[] = [section(`*${label}* · items ${reply.first}–${reply.last}`)];
  for (const entry of reply.entries) {
    const meta = `\n${metaLine(entry, options)}`;
    const head = `\`${entry.id}\` `;
    blocks.push(section(head + itemText(entry, Math.min(GROUP_ITEM_TEXT, MAX_SECTION_TEXT - head.length - meta.length)) + meta));
    if (!isFinished(entry.id, options)) blocks.push(itemButtons(entry.id));
  }
  return { text: `${label}: items ${reply.first}–${reply.last}`, blocks };
}
