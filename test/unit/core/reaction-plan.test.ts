import { DEFAULT_REACTIONS } from '../../../src/config/settings';
import type { Item } from '../../../src/core/item';
import { planReactionOps, readReactions, type MessageReaction } from '../../../src/core/reaction-plan';

const BOT = 'U0QUADRANT';
const r = (name: string, ...users: string[]): MessageReaction => ({ name, users });

function item(over: Partial<Item> = {}): Item {
  return {
    id: 'abc2345', team: 'T1', area: 'daily_operations', priority: 'schedule', text: 'x', author: 'U1', channel: 'C1', ts: '1.1',
    status: 'open', reasons: [], confidence: 0.8, source: 'reaction', createdAt: 0, updatedAt: 0, ...over,
  };
}

describe('readReactions', () => {
  // Rows chosen for what the map must ignore (unknown emoji, the bot's own) and how conflicts resolve.
  const cases: Array<[label: string, reactions: MessageReaction[], latest: string | undefined, expected: object]> = [
    ['no reactions', [], undefined, { done: false, emergency: false }],
    ['an unknown emoji', [r('tada', 'U1')], 'tada', { area: undefined, priority: undefined, done: false }],
    ['an area reaction', [r('inbox_tray', 'U1')], 'inbox_tray', { area: 'daily_operations' }],
    ['only the bot reacted', [r('inbox_tray', BOT)], undefined, { area: undefined }],
    ['two areas, the one just added wins', [r('inbox_tray', 'U1'), r('brain', 'U2')], 'brain', { area: 'deep_work' }],
    ['two areas, none just added: framework order', [r('inbox_tray', 'U1'), r('brain', 'U2')], undefined, { area: 'deep_work' }],
    ['priority and done together', [r('fire', 'U1'), r('white_check_mark', 'U2')], 'white_check_mark', { priority: 'do', done: true }],
    ['the emergency reaction', [r('rotating_light', 'U1')], 'rotating_light', { emergency: true, area: undefined }],
  ];
  test.each(cases)('%s', (_label, reactions, latest, expected) => {
    expect(readReactions(reactions, DEFAULT_REACTIONS, BOT, latest)).toMatchObject(expected);
  });

  test('names who added each reaction first', () => {
    expect(readReactions([r('fire', 'U7', 'U8')], DEFAULT_REACTIONS, BOT).by).toEqual({ do: 'U7' });
  });
});

describe('planReactionOps', () => {
  const none = { done: false, emergency: false, by: {} };
  const cases: Array<[label: string, current: Item | undefined, state: object, ops: string[]]> = [
    ['nothing filed and no triage reaction', undefined, none, []],
    ['an area reaction files the message', undefined, { ...none, area: 'daily_operations' }, ['file']],
    ['a priority reaction files it first', undefined, { ...none, priority: 'do' }, ['file']],
    ['✅ on an unfiled message files it as done', undefined, { ...none, done: true }, ['file']],
    ['the same state again changes nothing', item(), { ...none, area: 'daily_operations' }, []],
    ['moving to another area', item(), { ...none, area: 'deep_work' }, ['set_area']],
    ['🔥 raises the priority', item(), { ...none, area: 'daily_operations', priority: 'do' }, ['set_priority']],
    ['removing 🔥 restores the classifier priority', item({ priority: 'do' }), { ...none, area: 'daily_operations' }, ['set_priority']],
    ['✅ closes', item(), { ...none, area: 'daily_operations', done: true }, ['close']],
    ['removing ✅ reopens', item({ status: 'done' }), { ...none, area: 'daily_operations' }, ['reopen']],
    ['the last reaction removed withdraws an item filed by reaction', item(), none, ['withdraw']],
    ['but never an item already posted in a digest', item({ posted: { digestId: 'd', channel: 'C1', ts: '2.2' } }), none, []],
    ['and never an item someone filed with /async', item({ source: 'command' }), none, []],
  ];
  test.each(cases)('%s', (_label, current, state, ops) => {
    expect(planReactionOps(current, state as never, 'schedule').map((o) => o.kind)).toEqual(ops);
  });

  test('add, remove and add again end where a single add ends', () => {
    const once = planReactionOps(undefined, { ...none, area: 'daily_operations' }, 'schedule');
    const afterAll = planReactionOps(undefined, readReactions([r('inbox_tray', 'U1')], DEFAULT_REACTIONS, BOT), 'schedule');
    expect(afterAll).toEqual(once);
  });
});
