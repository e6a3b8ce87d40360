import { CARRIED_LINK_LIMIT, GROUP_SIZE, layoutDigest, SINGLE_REPLY_LIMIT, type DigestInput } from '../../../src/core/digest-layout';
import type { Item } from '../../../src/core/item';
import { PRIORITIES, type Priority } from '../../../src/core/priority';

const NOW = Date.parse('2026-11-24T08:00:00Z'); // Tue 24 Nov, 09:00 in Budapest
const HOUR = 3_600_000;

function item(id: string, priority: Priority, extra: Partial<Item> = {}): Item {
  return {
    id,
    team: 'T0TEAM',
    area: 'daily_operations',
    priority,
    text: `text of ${id}`,
    author: 'U0ADA',
    channel: 'C0OPS',
    digestChannel: 'C0OPS',
    status: 'open',
    reasons: [],
    confidence: 0.9,
    source: 'policy',
    createdAt: NOW - HOUR,
    updatedAt: NOW - HOUR,
    ...extra,
  };
}

function input(fresh: Item[], carried: Item[] = []): DigestInput {
  return { channel: 'C0OPS', fresh, carried, now: NOW, timezone: 'Europe/Budapest' };
}

/** `n` items cycling through the priorities in reverse, so sorting has work to do. */
function many(n: number, prefix = 'f'): Item[] {
  return Array.from({ length: n }, (_, i) => item(`${prefix}${i}`, PRIORITIES[3 - (i % 4)]!, { createdAt: NOW - (i % 97) * HOUR }));
}

const ids = (layout: ReturnType<typeof layoutDigest>) => layout.replies.flatMap((r) => r.entries.map((e) => e.id));

describe('layoutDigest ordering', () => {
  // Priority first (drop last), then due date, then oldest first; ties broken by id so output is stable.
  const cases: Array<[label: string, items: Item[], order: string[]]> = [
    ['priorities do, schedule, delegate, drop', [item('d', 'drop'), item('g', 'delegate'), item('s', 'schedule'), item('o', 'do')], ['o', 's', 'g', 'd']],
    ['within a priority, oldest first', [item('new', 'do', { createdAt: NOW - HOUR }), item('old', 'do', { createdAt: NOW - 5 * HOUR })], ['old', 'new']],
    ['a due date comes before undated items', [item('old', 'do', { createdAt: NOW - 9 * HOUR }), item('due', 'do', { dueAt: NOW + HOUR })], ['due', 'old']],
    ['earlier due date first', [item('later', 'schedule', { dueAt: NOW + 9 * HOUR }), item('sooner', 'schedule', { dueAt: NOW + HOUR })], ['sooner', 'later']],
    ['equal keys fall back to id', [item('b', 'drop'), item('a', 'drop')], ['a', 'b']],
  ];
  test.each(cases)('%s', (_label, items, order) => {
    expect(ids(layoutDigest(input(items)))).toEqual(order);
  });

  test('drop items are listed, never hidden', () => {
    const layout = layoutDigest(input([item('x', 'drop'), item('y', 'drop')]));
    expect(layout.counts.drop).toBe(2);
    expect(ids(layout)).toEqual(['x', 'y']);
  });
});

describe('layoutDigest grouping', () => {
  // Around the 50-item edge, and far beyond it.
  const cases: Array<[label: string, n: number]> = [
    ['49 items', 49],
    ['exactly 50', 50],
    ['51 items', 51],
    ['2,000 items', 2000],
  ];
  test.each(cases)('%s: first 50 one per reply, then groups of one priority, each item once', (_label, n) => {
    const layout = layoutDigest(input(many(n)));
    const singles = layout.replies.filter((r) => r.first <= SINGLE_REPLY_LIMIT);
    expect(singles).toHaveLength(Math.min(n, SINGLE_REPLY_LIMIT));
    expect(singles.every((r) => r.entries.length === 1)).toBe(true);
    for (const reply of layout.replies) {
      expect(reply.entries.length).toBeLessThanOrEqual(GROUP_SIZE);
      expect(reply.entries.every((e) => e.priority === reply.priority)).toBe(true);
      expect(reply.last - reply.first + 1).toBe(reply.entries.length);
    }
    expect(new Set(ids(layout)).size).toBe(n);
    expect(layout.total).toBe(n);
  });

  test('2,000 items fit in a bounded number of replies', () => {
    const layout = layoutDigest(input(many(2000)));
    // 50 singles, then 1,950 items in groups of 20 that never span priorities (at most 3 extra partial groups).
    expect(layout.replies.length).toBeLessThanOrEqual(50 + Math.ceil(1950 / GROUP_SIZE) + 3);
    expect(layout.replies.map((r) => r.priority)).toEqual([...layout.replies.map((r) => r.priority)].sort((a, b) => PRIORITIES.indexOf(a) - PRIORITIES.indexOf(b)));
  });
});

describe('layoutDigest carried items', () => {
  test('are counted and linked from the parent, never in a reply', () => {
    const carried = [item('c1', 'do', { posted: { digestId: 'd1', channel: 'C0OPS', ts: '1.1' }, permalink: 'https://x.slack.com/archives/C0OPS/p1' }), item('c2', 'drop')];
    const layout = layoutDigest(input([item('f1', 'schedule')], carried));
    expect(ids(layout)).toEqual(['f1']);
    expect(layout.carriedOver).toMatchObject({ count: 2, counts: { do: 1, schedule: 0, delegate: 0, drop: 1 }, more: 0 });
    expect(layout.carriedOver.links.map((l) => [l.id, l.link])).toEqual([
      ['c1', 'https://x.slack.com/archives/C0OPS/p1'],
      ['c2', undefined],
    ]);
  });

  test('an item passed as fresh but already posted is treated as carried', () => {
    const layout = layoutDigest(input([item('f1', 'do', { posted: { digestId: 'd1', channel: 'C0OPS', ts: '1.1' } })]));
    expect(ids(layout)).toEqual([]);
    expect(layout.carriedOver.count).toBe(1);
  });

  test('an id in both lists is carried, once', () => {
    const layout = layoutDigest(input([item('x', 'do')], [item('x', 'do')]));
    expect(ids(layout)).toEqual([]);
    expect(layout.carriedOver.count).toBe(1);
  });

  test(`links at most ${CARRIED_LINK_LIMIT} and counts the rest`, () => {
    const layout = layoutDigest(input([], many(300, 'c')));
    expect(layout.carriedOver.links).toHaveLength(CARRIED_LINK_LIMIT);
    expect(layout.carriedOver.more).toBe(300 - CARRIED_LINK_LIMIT);
    expect(layout.carriedOver.links.every((l) => l.priority === 'do')).toBe(true);
  });
});

describe('layoutDigest counts and title', () => {
  // Title wording for the shapes people will see: a mixed day, a single item, nothing new.
  const cases: Array<[label: string, fresh: Item[], carried: Item[], title: string]> = [
    [
      'mixed priorities with carried items',
      [item('a', 'do'), item('b', 'do'), item('c', 'schedule'), item('d', 'drop')],
      [item('e', 'delegate')],
      'Daily operations, Tue 24 Nov: 4 items, 2 to do now, 1 to schedule, 1 to drop; 1 still open from earlier',
    ],
    ['one item', [item('a', 'delegate')], [], 'Daily operations, Tue 24 Nov: 1 item, 1 to delegate'],
    ['nothing new', [], [], 'Daily operations, Tue 24 Nov: nothing new'],
  ];
  test.each(cases)('%s', (_label, fresh, carried, title) => {
    expect(layoutDigest(input(fresh, carried)).title).toBe(title);
  });

  test('counts per priority cover the fresh items', () => {
    expect(layoutDigest(input(many(10))).counts).toEqual({ do: 2, schedule: 2, delegate: 3, drop: 3 });
  });

  test('leaves out items that are done or snoozed, and counts the snoozed', () => {
    const layout = layoutDigest(
      input([item('open', 'do'), item('done', 'do', { status: 'done' }), item('later', 'do', { snoozedUntil: NOW + HOUR }), item('back', 'do', { snoozedUntil: NOW - 1 })]),
    );
    expect(ids(layout)).toEqual(['back', 'open']);
    expect(layout.snoozed).toBe(1);
  });

  test('entries carry author, age, link and the raw text', () => {
    const [reply] = layoutDigest(input([item('a', 'do', { text: '<!channel> raw', createdAt: NOW - 3 * HOUR, permalink: 'https://x.slack.com/archives/C0OPS/p2' })])).replies;
    expect(reply?.entries[0]).toEqual({ id: 'a', author: 'U0ADA', age: '3h', link: 'https://x.slack.com/archives/C0OPS/p2', text: '<!channel> raw', priority: 'do' });
  });
});
