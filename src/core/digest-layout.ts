import type { Item } from './item';
import { PRIORITIES, priorityRank, type Priority } from './priority';
import { localDayLabel, relativeAge } from './schedule';

/**
 * Lays out one channel's digest as plain data: a parent message (title, counts, items carried over) and
 * the threaded replies under it, ordered do, schedule, delegate, drop. Every open item is listed; drop
 * comes last but is never hidden. slack/blocks/digest-blocks.ts turns this into Block Kit.
 *
 * - Fresh items (never posted) are listed. The first SINGLE_REPLY_LIMIT get one reply each; after that
 *   items of the same priority share a reply, GROUP_SIZE at a time, so 2,000 items take
 *   50 + ceil(1,950 / 20) + 3 = 151 replies at most instead of 2,000.
 * - Carried items (posted in an earlier digest, still open) are only counted and linked from the parent,
 *   never posted again. An item in `fresh` that is already marked posted is treated as carried, so a
 *   caller's slip cannot post it twice.
 * - Snoozed items (snoozedUntil after now) and items no longer open are left out; snoozed ones are counted.
 */

export const SINGLE_REPLY_LIMIT = 50;
export const GROUP_SIZE = 20;
export const CARRIED_LINK_LIMIT = 20;

export interface DigestInput {
  channel: string;
  fresh: readonly Item[];
  carried: readonly Item[];
  now: number;
  timezone: string;
  /** What the digest is called in its title; "Daily operations" unless the channel is something else. */
  label?: string;
}

/** One listed item. `text` is raw (as Slack delivered it); the renderer escapes and truncates it. */
export interface DigestEntry {
  id: string;
  author: string;
  /** relativeAge of the item at digest time: "3h", "2d". */
  age: string;
  /** Permalink of the source message, when known. */
  link?: string;
  text: string;
  priority: Priority;
}

/** One threaded reply: a single item, or (past the first 50) a run of items of one priority. */
export interface DigestReply {
  priority: Priority;
  /** 1-based positions of the first and last entry among all listed items. */
  first: number;
  last: number;
  entries: DigestEntry[];
}

export interface CarriedOver {
  count: number;
  counts: Record<Priority, number>;
  /** The first CARRIED_LINK_LIMIT, in digest order; `more` counts the rest. */
  links: Array<Omit<DigestEntry, 'text'>>;
  more: number;
}

export interface DigestLayout {
  channel: string;
  /** "Daily operations, Tue 24 Nov" */
  heading: string;
  /** "Daily operations, Tue 24 Nov: 12 items, 3 to do now, 4 to schedule; 5 still open from earlier" */
  title: string;
  /** Fresh items listed in the replies. */
  total: number;
  counts: Record<Priority, number>;
  carriedOver: CarriedOver;
  snoozed: number;
  replies: DigestReply[];
}

const COUNT_PHRASE: Record<Priority, string> = { do: 'to do now', schedule: 'to schedule', delegate: 'to delegate', drop: 'to drop' };

const zeroCounts = (): Record<Priority, number> => ({ do: 0, schedule: 0, delegate: 0, drop: 0 });

/** Digest order: priority, then due date (undated last), then oldest first, then id for a stable tie-break. */
function sortForDigest(items: Item[]): Item[] {
  const keyed = items.map((item) => ({ item, rank: priorityRank(item.priority), due: item.dueAt ?? Infinity }));
  keyed.sort((a, b) => a.rank - b.rank || a.due - b.due || a.item.createdAt - b.item.createdAt || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  return keyed.map((k) => k.item);
}

function linkOf(item: Item, now: number): Omit<DigestEntry, 'text'> {
  const link: Omit<DigestEntry, 'text'> = { id: item.id, author: item.author, age: relativeAge(item.createdAt, now), priority: item.priority };
  if (item.permalink) link.link = item.permalink;
  return link;
}

function entryOf(item: Item, now: number): DigestEntry {
  return { ...linkOf(item, now), text: item.text };
}

function countsOf(items: readonly Item[]): Record<Priority, number> {
  const counts = zeroCounts();
  for (const item of items) counts[item.priority]++;
  return counts;
}

function titleOf(heading: string, total: number, counts: Record<Priority, number>, carried: number): string {
  const parts = total === 0 ? ['nothing new'] : [`${total} item${total === 1 ? '' : 's'}`, ...PRIORITIES.filter((p) => counts[p] > 0).map((p) => `${counts[p]} ${COUNT_PHRASE[p]}`)];
  const tail = carried > 0 ? `; ${carried} still open from earlier` : '';
  return `${heading}: ${parts.join(', ')}${tail}`;
}

function repliesOf(entries: DigestEntry[]): DigestReply[] {
  const replies: DigestReply[] = [];
  for (let i = 0; i < entries.length; ) {
    const first = entries[i]!;
    let end = i + 1;
    if (i >= SINGLE_REPLY_LIMIT) {
      while (end < entries.length && end - i < GROUP_SIZE && entries[end]!.priority === first.priority) end++;
    }
    replies.push({ priority: first.priority, first: i + 1, last: end, entries: entries.slice(i, end) });
    i = end;
  }
  return replies;
}

export function layoutDigest(input: DigestInput): DigestLayout {
  const { now } = input;
  const seen = new Set<string>();
  const fresh: Item[] = [];
  const carried: Item[] = [];
  let snoozed = 0;
  const take = (item: Item, wasPosted: boolean) => {
    if (item.status !== 'open' || seen.has(item.id)) return;
    seen.add(item.id);
    if (item.snoozedUntil !== undefined && item.snoozedUntil > now) snoozed++;
    else if (wasPosted || item.posted) carried.push(item);
    else fresh.push(item);
  };
  // Carried first, so an id present in both lists counts as carried and is not posted again.
  for (const item of input.carried) take(item, true);
  for (const item of input.fresh) take(item, false);

  const sortedFresh = sortForDigest(fresh);
  const sortedCarried = sortForDigest(carried);
  const counts = countsOf(sortedFresh);
  const heading = `${input.label ?? 'Daily operations'}, ${localDayLabel(now, input.timezone)}`;
  const links = sortedCarried.slice(0, CARRIED_LINK_LIMIT).map((item) => linkOf(item, now));

  return {
    channel: input.channel,
    heading,
    title: titleOf(heading, sortedFresh.length, counts, sortedCarried.length),
    total: sortedFresh.length,
    counts,
    carriedOver: { count: sortedCarried.length, counts: countsOf(sortedCarried), links, more: sortedCarried.length - links.length },
    snoozed,
    replies: repliesOf(sortedFresh.map((item) => entryOf(item, now))),
  };
}
