import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import { digestCron, nextDigestAt, previousDigestAt } from '../../src/core/schedule';
import type { Weekday } from '../../src/config/settings';

/**
 * BullMQ's job scheduler computes repeat times with cron-parser (bullmq `getNextMillis`:
 * `CronExpressionParser.parse(pattern, { tz, currentDate }).next()`, with currentDate = the later of
 * Date.now() and the previous fire time). Digests could be scheduled with `digestCron`, while missed-digest
 * detection and "posts at" texts use `nextDigestAt`/`previousDigestAt`. This compares the two around each
 * 2026 daylight-saving change in three zones (both hemispheres, changes at 02:00 and 03:00 local).
 *
 * Result with cron-parser 5.10.3:
 * - Stepping from one fire time to the next (a scheduler that fires on time), they agree everywhere: a gap
 *   time is shifted forward by the gap (02:30 -> 03:30) and a repeated time fires once, at its first
 *   occurrence.
 * - Asked from an arbitrary moment (a scheduler upserted at startup or on a settings change, or a job
 *   processed late, since BullMQ computes the next time from Date.now()), cron-parser differs in two
 *   windows, both only for digest times inside the hour that daylight saving skips or repeats:
 *   1. gap day, between the jump and the shifted time (Budapest 03:00-03:29 CEST on 29 March for 02:30):
 *      cron-parser skips that day's digest and answers the next day; nextDigestAt answers 03:30 today.
 *   2. fall-back day, in the second pass of the repeated hour before the time (Budapest 02:00-02:29 CET,
 *      second pass, on 25 October for 02:30): cron-parser answers the second 02:30, so a digest that
 *      already posted at the first 02:30 would post again; nextDigestAt answers the next day.
 * - cron-parser's prev() does not see a gap-shifted time at all (prev() just after 03:30 CEST answers the
 *   day before); BullMQ never calls prev(), so this only matters to anyone comparing prev() with
 *   previousDigestAt.
 * So either schedule digests as delayed jobs at nextDigestAt (job id from the due time), or give BullMQ a
 * `settings.repeatStrategy` that calls nextDigestAt.
 */

const DAY = 86_400_000;
const MIN = 60_000;

const TRANSITIONS: Array<[zone: string, label: string, at: string]> = [
  ['Europe/Budapest', 'spring forward 02:00 -> 03:00', '2026-03-29T01:00:00Z'],
  ['Europe/Budapest', 'fall back 03:00 -> 02:00', '2026-10-25T01:00:00Z'],
  ['America/New_York', 'spring forward 02:00 -> 03:00', '2026-03-08T07:00:00Z'],
  ['America/New_York', 'fall back 02:00 -> 01:00', '2026-11-01T06:00:00Z'],
  ['Australia/Sydney', 'fall back 03:00 -> 02:00', '2026-04-04T16:00:00Z'],
  ['Australia/Sydney', 'spring forward 02:00 -> 03:00', '2026-10-03T16:00:00Z'],
];

// Times around every transition hour, plus ordinary ones; day sets that include and skip the change day.
const TIMES = ['00:00', '00:30', '01:00', '01:30', '01:59', '02:00', '02:30', '02:59', '03:00', '03:30', '09:00', '23:30'];
const DAY_SETS: Weekday[][] = [
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  ['mon', 'tue', 'wed', 'thu', 'fri'],
  ['sun'],
  ['sat', 'sun'],
];

function cronTimes(pattern: string, tz: string, from: number, until: number): number[] {
  const interval = CronExpressionParser.parse(pattern, { tz, currentDate: new Date(from) });
  const out: number[] = [];
  for (let next = interval.next().getTime(); next <= until; next = interval.next().getTime()) out.push(next);
  return out;
}

function ourTimes(digest: { at: string; days: Weekday[] }, tz: string, from: number, until: number): number[] {
  const out: number[] = [];
  for (let next = nextDigestAt(digest, tz, from); next <= until; next = nextDigestAt(digest, tz, next)) out.push(next);
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(TRANSITIONS)('%s, %s', (zone, _label, transitionIso) => {
  const transition = Date.parse(transitionIso);
  const from = transition - 5 * DAY;
  const until = transition + 5 * DAY;

  test('cron-parser and nextDigestAt list the same fire times for every time and day set', () => {
    const disagreements: string[] = [];
    for (const at of TIMES) {
      for (const days of DAY_SETS) {
        const digest = { at, days };
        const { pattern, tz } = digestCron(digest, zone);
        const cron = cronTimes(pattern, tz, from, until).map(iso).join(' ');
        const ours = ourTimes(digest, zone, from, until).map(iso).join(' ');
        if (cron !== ours) disagreements.push(`${pattern}: cron ${cron} / ours ${ours}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  test('from any moment near the change, the next time agrees except in the two documented windows', () => {
    const unexplained: string[] = [];
    const found = { gap: 0, repeated: 0 };
    for (const at of ['01:30', '02:00', '02:30', '03:00']) {
      const digest = { at, days: DAY_SETS[0]! };
      const { pattern, tz } = digestCron(digest, zone);
      for (let now = transition - 12 * 60 * MIN; now <= transition + 12 * 60 * MIN; now += 10 * MIN) {
        const cron = CronExpressionParser.parse(pattern, { tz, currentDate: new Date(now) }).next().getTime();
        const ours = nextDigestAt(digest, zone, now);
        if (cron === ours) continue;
        const kind = explainDifference(digest.at, zone, now, cron, ours);
        if (kind) found[kind]++;
        else unexplained.push(`${pattern} from ${iso(now)}: cron ${iso(cron)} / ours ${iso(ours)}`);
      }
    }
    expect(unexplained).toEqual([]);
    // Each change shows exactly one of the two differences (the 10-minute sweep hits 3 moments of it).
    expect(found.gap + found.repeated).toBe(3);
  });

  test("previousDigestAt matches cron-parser's prev() except at gap-shifted times, which prev() skips", () => {
    const unexplained: string[] = [];
    for (const at of TIMES) {
      const digest = { at, days: DAY_SETS[0]! };
      const { pattern, tz } = digestCron(digest, zone);
      for (const fire of cronTimes(pattern, tz, from, until)) {
        // prev() is strictly before currentDate; previousDigestAt is "at or before", so ask one ms later.
        const cron = CronExpressionParser.parse(pattern, { tz, currentDate: new Date(fire + 1) }).prev().getTime();
        const ours = previousDigestAt(digest, zone, fire);
        const shifted = DateTime.fromMillis(fire, { zone }).toFormat('HH:mm') !== at;
        if (cron !== ours && !(shifted && cron === previousDigestAt(digest, zone, fire - 1))) {
          unexplained.push(`${pattern} at ${iso(fire)}: cron ${iso(cron)} / ours ${iso(ours)}`);
        }
      }
    }
    expect(unexplained).toEqual([]);
  });
});

/**
 * Which documented difference a disagreement is, or undefined when it is none of them:
 * - 'gap': nextDigestAt gives today's gap-shifted time and cron-parser the occurrence after it;
 * - 'repeated': cron-parser gives the second pass of a wall time whose first pass is already at or before now.
 */
function explainDifference(at: string, zone: string, now: number, cron: number, ours: number): 'gap' | 'repeated' | undefined {
  const wall = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const digest = { at, days: DAY_SETS[0]! };
  const oursIsShifted = !wall(ours).endsWith(at);
  if (oursIsShifted && cron === nextDigestAt(digest, zone, ours)) return 'gap';
  const first = previousDigestAt(digest, zone, now);
  if (cron < ours && wall(cron) === wall(first) && cron !== first) return 'repeated';
  return undefined;
}

describe('the documented differences, one row per kind', () => {
  // The windows the header describes, pinned to exact instants so a change in cron-parser shows up here.
  const cases: Array<[label: string, zone: string, at: string, now: string, cron: string, ours: string]> = [
    ['Budapest gap: at 03:10 CEST cron-parser skips the shifted 02:30', 'Europe/Budapest', '02:30', '2026-03-29T01:10:00Z', '2026-03-30T00:30:00.000Z', '2026-03-29T01:30:00.000Z'],
    ['Budapest repeated hour: at the second 02:10 cron-parser fires 02:30 again', 'Europe/Budapest', '02:30', '2026-10-25T01:10:00Z', '2026-10-25T01:30:00.000Z', '2026-10-26T01:30:00.000Z'],
    ['New York gap', 'America/New_York', '02:30', '2026-03-08T07:10:00Z', '2026-03-09T06:30:00.000Z', '2026-03-08T07:30:00.000Z'],
    ['New York repeated hour (01:00-02:00)', 'America/New_York', '01:30', '2026-11-01T06:10:00Z', '2026-11-01T06:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ['Sydney gap (October)', 'Australia/Sydney', '02:30', '2026-10-03T16:10:00Z', '2026-10-04T15:30:00.000Z', '2026-10-03T16:30:00.000Z'],
    ['Sydney repeated hour (April)', 'Australia/Sydney', '02:30', '2026-04-04T16:10:00Z', '2026-04-04T16:30:00.000Z', '2026-04-05T16:30:00.000Z'],
  ];
  test.each(cases)('%s', (_label, zone, at, now, cron, ours) => {
    const digest = { at, days: DAY_SETS[0]! };
    const { pattern, tz } = digestCron(digest, zone);
    const cronNext = CronExpressionParser.parse(pattern, { tz, currentDate: new Date(now) }).next().getTime();
    expect({ cron: iso(cronNext), ours: iso(nextDigestAt(digest, zone, Date.parse(now))) }).toEqual({ cron, ours });
  });
});
