import { createHash } from 'node:crypto';
import { layoutDigest, type DigestEntry } from '../../core/digest-layout';
import type { Item } from '../../core/item';
import { PRIORITY_LABEL, priorityRank, type Priority } from '../../core/priority';
import { relativeAge } from '../../core/schedule';
import { digestParentMessage, digestReplyMessage, type Block, type ItemMark, type SlackMessage } from '../../slack/blocks/digest-blocks';
import type { DigestPlan } from '../../store/digest-store';

/**
 * A digest's messages as they should read now: from the plan (which items, in which reply, fixed when they
 * were claimed) and the items' current state. Posting and refreshing render through here, so a message updated
 * in place reads exactly as a freshly posted one would, and the fingerprint tells whether it changed.
 */

export type ItemsById = ReadonlyMap<string, Item>;

/** Every item a digest shows: listed in its replies or carried from earlier digests. */
export function planItemIds(plan: DigestPlan): string[] {
  return [...plan.replies.flatMap((r) => r.ids), ...plan.carried];
}

const isListedBy = (plan: DigestPlan, item: Item) => item.posted?.digestId === plan.digestId;

/** What happened to an item since the digest listed it under `priority`. */
function markOf(plan: DigestPlan, priority: Priority, item: Item): ItemMark | undefined {
  if (item.status === 'done') return 'done';
  if (item.status === 'dropped') return 'dropped';
  // Snoozing gives the item back to a later digest.
  if (!isListedBy(plan, item)) return 'snoozed';
  if (priorityRank(item.priority) < priorityRank(priority)) return 'escalated';
  return undefined;
}

function progressBlock(done: number, snoozed: number): Block {
  const parts = [...(done > 0 ? [`:white_check_mark: ${done} done`] : []), ...(snoozed > 0 ? [`:zzz: ${snoozed} snoozed`] : [])];
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `${parts.join(' · ')} since this digest was posted.` }] };
}

/** The parent: counts of what is still open among the listed items, what is carried over, and progress so far. */
export function parentMessage(plan: DigestPlan, items: ItemsById): SlackMessage {
  const listed = plan.replies.flatMap((r) => r.ids).flatMap((id) => items.get(id) ?? []);
  // Still listed here; `posted` is dropped so the layout counts them as this digest's own.
  const open = listed.filter((i) => i.status === 'open' && isListedBy(plan, i)).map((i) => ({ ...i, posted: undefined }));
  const done = listed.filter((i) => i.status !== 'open').length;
  const snoozed = listed.filter((i) => i.status === 'open' && !isListedBy(plan, i)).length;
  const carried = plan.carried.flatMap((id) => items.get(id) ?? []).filter((i) => i.status === 'open' && i.posted && !isListedBy(plan, i));
  const layout = layoutDigest({ channel: plan.channel, fresh: open, carried, now: plan.at, timezone: plan.timezone });
  const message = digestParentMessage({ ...layout, snoozed: plan.snoozed }, { authorNames: plan.names });
  if (done + snoozed === 0) return message;
  // Before the closing how-to line.
  const blocks = [...message.blocks];
  blocks.splice(blocks.length - 1, 0, progressBlock(done, snoozed));
  return { ...message, blocks };
}

export const REMOVED_TEXT = 'This message was removed.';

/** Reply `index`, or undefined when none of its items exists any more (erased before it was posted). */
export function replyMessage(plan: DigestPlan, index: number, items: ItemsById): SlackMessage | undefined {
  const reply = plan.replies[index];
  if (!reply) return undefined;
  const entries: DigestEntry[] = [];
  const marks: Record<string, ItemMark> = {};
  for (const id of reply.ids) {
    const item = items.get(id);
    if (!item) continue;
    const mark = markOf(plan, reply.priority, item);
    // A dropped item's message was deleted in Slack: the digest must not keep showing what its author withdrew.
    const text = mark === 'dropped' ? REMOVED_TEXT : item.text;
    entries.push({ id, author: item.author, age: relativeAge(item.createdAt, plan.at), link: item.permalink, text, priority: reply.priority });
    if (mark) marks[id] = mark;
  }
  if (entries.length === 0) return undefined;
  return digestReplyMessage({ priority: reply.priority, first: reply.first, last: reply.last, entries }, { authorNames: plan.names, marks });
}

/**
 * What an already-posted reply becomes once none of its items exists any more (erased): the message stays in
 * the thread, but nothing of the items, not even who wrote them, is left in it.
 */
export function removedReplyMessage(plan: DigestPlan, index: number): SlackMessage {
  const label = PRIORITY_LABEL[plan.replies[index]?.priority ?? 'drop'];
  return {
    text: `${label}: removed`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${label}* · _${REMOVED_TEXT}_` } }],
  };
}

/** Short and stable: equal messages give equal fingerprints. */
export function fingerprint(message: SlackMessage): string {
  return createHash('sha256').update(JSON.stringify(message)).digest('base64url').slice(0, 22);
}
