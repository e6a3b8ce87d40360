import type { Area } from '../../../src/core/areas';
import { COUNTER, incrementsFor, sumCounts, type EvaluationEvent, type WeekCounts } from '../../../src/core/evaluation';
import { buildReport, changeOf, figuresOf, periodWeeks, topChannels, type MetricRow } from '../../../src/core/report';
import { suggestionsFor } from '../../../src/core/report-suggestions';
import { CSV_COLUMNS, reportCsv } from '../../../src/core/report-csv';

/** What the store would hold after these events: the team-scope increments, summed. */
function countsOf(events: EvaluationEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) for (const inc of incrementsFor(e)) if (inc.scope === 'team') out[inc.field] = (out[inc.field] ?? 0) + inc.by;
  return out;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const msg = (area: Area, extra: Partial<{ broadcast: boolean; fyi: boolean }> = {}): EvaluationEvent => ({
  kind: 'message', channel: 'C0OPS', user: 'U0BOB', area, broadcast: false, fyi: false, ...extra,
});

describe('periodWeeks', () => {
  // Budapest: Monday 30 March 2026 00:30 local is still Sunday 29 March in UTC; the local week decides.
  const cases: Array<[label: string, period: 'week' | 'month', at: string, current: string[], previous: string[]]> = [
    ['a week: this one against the last', 'week', '2026-04-01T10:00:00Z', ['2026-W14'], ['2026-W13']],
    ['local Monday just after midnight counts in the new week', 'week', '2026-03-29T22:30:00Z', ['2026-W14'], ['2026-W13']],
    ['across the year boundary (2026 has 53 ISO weeks)', 'week', '2027-01-05T10:00:00Z', ['2027-W01'], ['2026-W53']],
    ['a month: four weeks against the four before', 'month', '2026-04-01T10:00:00Z', ['2026-W11', '2026-W12', '2026-W13', '2026-W14'], ['2026-W07', '2026-W08', '2026-W09', '2026-W10']],
  ];
  test.each(cases)('%s', (_label, period, at, current, previous) => {
    expect(periodWeeks(period, Date.parse(at), 'Europe/Budapest')).toEqual({ period, current, previous });
  });
});

describe('figuresOf', () => {
  test('sums areas, broadcasts, items, nudges and emergencies exactly, with averages from the second sums', () => {
    const f = figuresOf(
      countsOf([
        msg('daily_operations'), msg('daily_operations', { broadcast: true, fyi: true }), msg('daily_operations', { broadcast: true, fyi: true }),
        msg('deep_work'), msg('online_meeting', { broadcast: true }), msg('emergency'),
        { kind: 'item_filed', channel: 'C0OPS', user: 'U0BOB', area: 'daily_operations' },
        { kind: 'item_filed', channel: 'C0OPS', user: 'U0BOB', area: 'deep_work' },
        { kind: 'item_filed', channel: 'C0OPS', user: 'U0ADA', area: 'daily_operations' },
        { kind: 'item_done', user: 'U0BOB', ageMs: 2 * HOUR },
        { kind: 'item_done', user: 'U0ADA', ageMs: 30 * HOUR },
        { kind: 'nudge_sent', channel: 'C0OPS', code: 'broadcast_fyi' },
        { kind: 'nudge_sent', channel: 'C0OPS', code: 'ask_async' },
        { kind: 'nudge_sent', channel: 'C0OPS', code: 'ask_async' },
        { kind: 'nudge_answered', channel: 'C0OPS', answer: 'accepted' },
        { kind: 'nudge_answered', channel: 'C0OPS', answer: 'kept' },
        { kind: 'meeting_made_async', channel: 'C0OPS' },
        { kind: 'emergency_declared' }, { kind: 'emergency_declared' },
        { kind: 'page', ok: true }, { kind: 'page', ok: true }, { kind: 'page', ok: false },
        { kind: 'emergency_acknowledged', afterMs: 3 * MIN },
        { kind: 'emergency_resolved', afterMs: 50 * MIN },
        { kind: 'not_emergency' },
        { kind: 'correction', area: 'deep_work' },
      ]),
    );
    expect(f).toMatchObject({
      totalMessages: 6,
      asyncMessages: 4,
      asyncShare: 4 / 6,
      broadcasts: 3,
      broadcastFyis: 2,
      filed: 3,
      filedByArea: { daily_operations: 2, deep_work: 1, online_meeting: 0, offline_activity: 0, emergency: 0 },
      done: 2,
      doneWithinDay: 1,
      avgTimeToDone: 16 * HOUR,
      nudgesSent: 3,
      nudgesAccepted: 1,
      nudgesKept: 1,
      nudgesUnanswered: 1,
      meetingsMadeAsync: 1,
      emergencies: 2,
      pages: 3,
      pagesFailed: 1,
      acknowledged: 1,
      avgTimeToAck: 3 * MIN,
      resolved: 1,
      avgTimeToResolve: 50 * MIN,
      notEmergency: 1,
      totalCorrections: 1,
    });
    expect(f.messages).toEqual({ deep_work: 1, daily_operations: 3, online_meeting: 1, offline_activity: 0, emergency: 1 });
  });

  test('nothing counted reads as zeros, with no share and no averages', () => {
    const f = figuresOf({});
    expect([f.totalMessages, f.filed, f.nudgesSent, f.emergencies]).toEqual([0, 0, 0, 0]);
    expect([f.asyncShare, f.avgTimeToDone, f.avgTimeToAck, f.avgTimeToResolve]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('changeOf', () => {
  // Rounding, the edges where a percentage means nothing, and shares compared in points.
  const cases: Array<[label: string, unit: MetricRow['unit'], current: number | undefined, previous: number | undefined, change: ReturnType<typeof changeOf>]> = [
    ['up by half', 'count', 9, 6, { kind: 'percent', value: 50 }],
    ['down, rounded to a whole percent', 'count', 2, 3, { kind: 'percent', value: -33 }],
    ['unchanged', 'count', 4, 4, { kind: 'same' }],
    ['from nothing', 'count', 5, 0, { kind: 'new' }],
    ['to nothing', 'count', 0, 5, { kind: 'gone' }],
    ['a tiny change rounds to the same', 'count', 1001, 1000, { kind: 'same' }],
    ['a share, in points', 'share', 0.78, 0.74, { kind: 'points', value: 4 }],
    ['a share that fell', 'share', 0.5, 0.62, { kind: 'points', value: -12 }],
    ['an average without data on one side', 'duration', 60_000, undefined, { kind: 'unknown' }],
  ];
  test.each(cases)('%s', (_label, unit, current, previous, change) => {
    expect(changeOf(unit, current, previous)).toEqual(change);
  });
});

describe('suggestionsFor', () => {
  const base = (events: EvaluationEvent[]) => figuresOf(countsOf(events));
  const repeat = (n: number, e: EvaluationEvent) => Array.from({ length: n }, () => e);

  test('42% of broadcasts being FYIs suggests a digest channel, with the exact share', () => {
    const week = base([...repeat(5, msg('daily_operations', { broadcast: true, fyi: true })), ...repeat(7, msg('online_meeting', { broadcast: true }))]);
    expect(suggestionsFor(week, figuresOf({}))).toContainEqual({ code: 'broadcast_fyis', percent: 42, fyis: 5, broadcasts: 12 });
  });

  test('too few broadcasts suggest nothing about them', () => {
    const week = base(repeat(2, msg('daily_operations', { broadcast: true, fyi: true })));
    expect(suggestionsFor(week, figuresOf({})).map((s) => s.code)).not.toContain('broadcast_fyis');
  });

  test('unacknowledged and false emergencies are each named', () => {
    const week = base([...repeat(3, { kind: 'emergency_declared' }), { kind: 'emergency_acknowledged', afterMs: MIN }, { kind: 'not_emergency' }]);
    const codes = suggestionsFor(week, figuresOf({}));
    expect(codes).toContainEqual({ code: 'unacknowledged_emergencies', count: 1, declared: 3 });
    expect(codes).toContainEqual({ code: 'false_emergencies', count: 1, declared: 3 });
  });

  test('an emergency acknowledged and then closed as not an emergency is acknowledged once, so another left unacknowledged still shows', () => {
    const week = base([
      ...repeat(2, { kind: 'emergency_declared' }),
      { kind: 'emergency_acknowledged', afterMs: MIN },
      { kind: 'not_emergency', acknowledged: true },
    ]);
    expect(week.unacknowledged).toBe(1);
    expect(suggestionsFor(week, figuresOf({}))).toContainEqual({ code: 'unacknowledged_emergencies', count: 1, declared: 2 });
  });

  test('an emergency closed as not an emergency before anyone acknowledged it is not counted as unacknowledged', () => {
    const week = base([...repeat(2, { kind: 'emergency_declared' }), { kind: 'emergency_acknowledged', afterMs: MIN }, { kind: 'not_emergency', acknowledged: false }]);
    expect(week.unacknowledged).toBe(0);
    expect(suggestionsFor(week, figuresOf({})).map((s) => s.code)).not.toContain('unacknowledged_emergencies');
  });

  test('an async share that fell by ten points or more is pointed out', () => {
    const before = base([...repeat(8, msg('daily_operations')), ...repeat(2, msg('online_meeting'))]);
    const now = base([...repeat(6, msg('daily_operations')), ...repeat(4, msg('online_meeting'))]);
    expect(suggestionsFor(now, before)).toContainEqual({ code: 'async_share_fell', from: 80, to: 60 });
  });

  test('a quiet week suggests nothing', () => {
    expect(suggestionsFor(base([msg('daily_operations')]), figuresOf({}))).toEqual([]);
  });
});

describe('buildReport', () => {
  test('totals several weeks and compares them with the weeks before', () => {
    const weeks = periodWeeks('month', Date.parse('2026-04-01T10:00:00Z'), 'UTC');
    const cur: WeekCounts[] = [{ [COUNTER.filed]: 2 }, { [COUNTER.filed]: 3 }, {}, { [COUNTER.filed]: 1 }];
    const prev: WeekCounts[] = [{ [COUNTER.filed]: 1 }, { [COUNTER.filed]: 1 }, { [COUNTER.filed]: 1 }, { [COUNTER.filed]: 1 }];
    const report = buildReport(weeks, cur, prev);
    expect(report.current.filed).toBe(6);
    expect(report.previous.filed).toBe(4);
    expect(report.rows.find((r) => r.id === 'filed')).toEqual({ id: 'filed', unit: 'count', current: 6, previous: 4, change: { kind: 'percent', value: 50 } });
  });
});

describe('topChannels', () => {
  test('sums channel weeks and ranks by messages, overflow included as _other', () => {
    const top = topChannels(
      [
        { 'C0OPS|msg:daily_operations': 3, 'C0OPS|bcast_fyi': 1, 'C0HUB|msg:deep_work': 1, '_other|msg:online_meeting': 2 },
        { 'C0OPS|msg:online_meeting': 1, 'C0OPS|nudge:ask_async': 1, 'C0HUB|msg:deep_work': 4 },
      ],
      2,
    );
    expect(top).toEqual([
      { channel: 'C0HUB', messages: 5, asyncShare: 1, broadcastFyis: 0, nudgesSent: 0 },
      { channel: 'C0OPS', messages: 4, asyncShare: 0.75, broadcastFyis: 1, nudgesSent: 1 },
    ]);
  });
});

describe('reportCsv', () => {
  test('one row per week with the same columns as the header, durations in seconds', () => {
    const csv = reportCsv([
      { week: '2026-W13', counts: sumCounts([{ [COUNTER.filed]: 2, [COUNTER.done]: 1, [COUNTER.doneSeconds]: 7200, 'msg:daily_operations': 3, 'msg:online_meeting': 1 }]) },
      { week: '2026-W14', counts: {} },
    ]);
    const [header, w13, w14, end] = csv.split('\r\n');
    expect(header!.split(',')).toEqual(CSV_COLUMNS);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, w13!.split(',')[i]]));
    expect(row).toMatchObject({ week: '2026-W13', filed: '2', done: '1', avg_time_to_done_s: '7200', messages: '4', async_share: '0.75', messages_daily_operations: '3' });
    expect(w14!.split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(w14!.split(',')[CSV_COLUMNS.indexOf('async_share')]).toBe('');
    expect(end).toBe('');
  });
});
