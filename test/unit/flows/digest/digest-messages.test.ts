import type { Item } from '../../../../src/core/item';
import type { Priority } from '../../../../src/core/priority';
import { fingerprint, parentMessage, planItemIds, replyMessage } from '../../../../src/flows/digest/digest-messages';
import type { DigestPlan } from '../../../../src/store/digest-store';

const AT = Date.parse('2026-11-24T08:00:00Z'); // Tue 24 Nov, 09:00 in Budapest
const HOUR = 3_600_000;

function item(id: string, priority: Priority, extra: Partial<Item> = {}): Item {
  return {
    id, team: 'T0TEAM', area: 'daily_operations', priority, text: `text of ${id}`, author: 'U0ADA', channel: 'C0OPS', digestChannel: 'C0OPS',
    status: 'open', reasons: [], confidence: 0.9, source: 'command', createdAt: AT - 2 * HOUR, updatedAt: AT - 2 * HOUR,
    posted: { digestId: 'd1', channel: 'C0OPS', ts: '1.1' }, ...extra,
  };
}

const plan: DigestPlan = {
  digestId: 'd1', channel: 'C0OPS', reason: 'scheduled', at: AT, timezone: 'Europe/Budapest', snoozed: 0, names: { U0ADA: 'ada' },
  replies: [
    { priority: 'do', first: 1, last: 1, ids: ['a'] },
    { priority: 'schedule', first: 2, last: 2, ids: ['b'] },
    { priority: 'drop', first: 3, last: 3, ids: ['c'] },
  ],
  carried: ['old'],
};

const mapOf = (...items: Item[]) => new Map(items.map((i) => [i.id, i]));
const asPosted = () => mapOf(item('a', 'do'), item('b', 'schedule'), item('c', 'drop'), item('old', 'delegate', { posted: { digestId: 'd0', channel: 'C0OPS', ts: '0.1' } }));
const text = (blocks: unknown) => JSON.stringify(blocks);

describe('replyMessage', () => {
  // What an item's line says once something happened to it, and whether its buttons stay.
  const cases: Array<[label: string, changed: Item, shows: string | undefined, buttons: boolean]> = [
    ['as posted', item('b', 'schedule'), undefined, true],
    ['done', item('b', 'schedule', { status: 'done' }), ':white_check_mark: done', false],
    ['dropped', item('b', 'schedule', { status: 'dropped' }), ':wastebasket: dropped', false],
    ['snoozed (claim given back)', item('b', 'schedule', { posted: undefined, snoozedUntil: AT + 24 * HOUR }), ':zzz: snoozed to the next digest', false],
    ['snoozed and listed by a later digest', item('b', 'schedule', { posted: { digestId: 'd2', channel: 'C0OPS', ts: '2.1' } }), ':zzz: snoozed', false],
    ['escalated to do', item('b', 'do'), ':small_red_triangle: escalated to Do now', true],
  ];
  test.each(cases)('%s', (_label, changed, shows, buttons) => {
    const message = replyMessage(plan, 1, mapOf(changed))!;
    const json = text(message.blocks);
    for (const mark of [':white_check_mark:', ':wastebasket:', ':zzz:', ':small_red_triangle:']) {
      expect(json.includes(mark)).toBe(shows !== undefined && shows.startsWith(mark));
    }
    if (shows) expect(json).toContain(shows);
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(buttons);
    expect(json).toContain('by ada · 2h');
  });

  test('is undefined when none of its items exists any more', () => {
    expect(replyMessage(plan, 0, mapOf(item('b', 'schedule')))).toBeUndefined();
  });
});

describe('parentMessage', () => {
  test('counts what is still listed and what is carried, as posted', () => {
    const message = parentMessage(plan, asPosted());
    expect(message.text).toBe('Daily operations, Tue 24 Nov: 3 items, 1 to do now, 1 to schedule, 1 to drop; 1 still open from earlier');
    expect(text(message.blocks)).not.toContain('since this digest was posted');
  });

  test('after changes: open counts drop, progress shows, a carried item done leaves the carried list', () => {
    const items = asPosted();
    items.set('a', item('a', 'do', { status: 'done' }));
    items.set('b', item('b', 'schedule', { posted: undefined }));
    items.set('old', item('old', 'delegate', { status: 'done', posted: { digestId: 'd0', channel: 'C0OPS', ts: '0.1' } }));
    const message = parentMessage(plan, items);
    expect(message.text).toBe('Daily operations, Tue 24 Nov: 1 item, 1 to drop');
    expect(text(message.blocks)).toContain(':white_check_mark: 1 done · :zzz: 1 snoozed since this digest was posted.');
    // The progress line sits before the closing how-to line.
    expect(text(message.blocks.at(-1))).toContain('Ordered do');
  });
});

describe('fingerprint', () => {
  test('equal messages match and a change shows', () => {
    const items = asPosted();
    const before = fingerprint(replyMessage(plan, 1, items)!);
    expect(fingerprint(replyMessage(plan, 1, asPosted())!)).toBe(before);
    items.set('b', item('b', 'schedule', { status: 'done' }));
    expect(fingerprint(replyMessage(plan, 1, items)!)).not.toBe(before);
  });
});

test('planItemIds lists replies then carried items', () => {
  expect(planItemIds(plan)).toEqual(['a', 'b', 'c', 'old']);
});
