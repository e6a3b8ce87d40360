import {
  digestCron,
  hasEnoughLeadTime,
  isQuietTime,
  leadTime,
  noticeGiven,
  localDayLabel,
  nextDigestAt,
  previousDigestAt,
  quietEndsAt,
  relativeAge,
} from '../../../src/core/schedule';
import type { Weekday } from '../../../src/config/settings';

const BUDAPEST = 'Europe/Budapest';
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ops = { at: '09:00', days: WEEKDAYS };
const nightly = { at: '02:30', days: EVERY_DAY };

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('nextDigestAt', () => {
  // Europe/Budapest is UTC+1 in winter and UTC+2 in summer. It springs forward on Sun 29 March 2026
  // (02:00 -> 03:00 local, at 01:00Z) and falls back on Sun 25 October 2026 (03:00 -> 02:00 local, at 01:00Z).
  const cases: Array<[label: string, digest: { at: string; days: Weekday[] }, now: string, next: string]> = [
    ['weekday, before 09:00: today', ops, '2026-03-26T07:30:00Z', '2026-03-26T08:00:00.000Z'],
    ['exactly at 09:00: strictly after, so tomorrow', ops, '2026-03-26T08:00:00Z', '2026-03-27T08:00:00.000Z'],
    ['one ms before 09:00: today', ops, '2026-03-26T07:59:59.999Z', '2026-03-26T08:00:00.000Z'],
    ['Friday after 09:00: the weekend rolls to Monday, now in summer time', ops, '2026-03-27T09:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['Saturday, across the spring DST change: Monday 09:00 CEST', ops, '2026-03-28T10:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['Friday, across the autumn DST change: Monday 09:00 CET', ops, '2026-10-23T08:00:00Z', '2026-10-26T08:00:00.000Z'],
    ['daily 09:00 on the spring-forward Sunday keeps local 09:00', { at: '09:00', days: EVERY_DAY }, '2026-03-28T09:00:00Z', '2026-03-29T07:00:00.000Z'],
    ['gap: 02:30 does not exist on 29 March; shifted by the gap to 03:30 CEST', nightly, '2026-03-28T12:00:00Z', '2026-03-29T01:30:00.000Z'],
    ['gap edge: 02:00 becomes 03:00 CEST, the moment of the jump', { at: '02:00', days: EVERY_DAY }, '2026-03-28T12:00:00Z', '2026-03-29T01:00:00.000Z'],
    ['gap: at 03:10 CEST the shifted 02:30 (03:30) is still ahead', nightly, '2026-03-29T01:10:00Z', '2026-03-29T01:30:00.000Z'],
    ['day after the gap: 02:30 CEST again', nightly, '2026-03-29T01:30:00Z', '2026-03-30T00:30:00.000Z'],
    ['overlap: 02:30 happens twice on 25 October; the first (CEST) one', nightly, '2026-10-24T12:00:00Z', '2026-10-25T00:30:00.000Z'],
    ['overlap: between the two 02:30s, the second one is skipped', nightly, '2026-10-25T01:15:00Z', '2026-10-26T01:30:00.000Z'],
    ['a Sunday-only digest waits a whole week after it posts', { at: '18:00', days: ['sun'] }, '2026-03-29T16:00:00Z', '2026-04-05T16:00:00.000Z'],
    ['local date differs from the UTC date: 00:30 local is 23:30Z the day before', { at: '00:30', days: ['tue'] }, '2026-11-23T12:00:00Z', '2026-11-23T23:30:00.000Z'],
  ];
  test.each(cases)('%s', (_label, digest, now, next) => {
    expect(iso(nextDigestAt(digest, BUDAPEST, t(now)))).toBe(next);
  });

  test('rejects an unknown time zone', () => {
    expect(() => nextDigestAt(ops, 'Mars/Olympus', 0)).toThrow(RangeError);
  });
});

describe('previousDigestAt', () => {
  // The inverse view used to catch a digest missed while Quadrant was down: "at or before now".
  const cases: Array<[label: string, digest: { at: string; days: Weekday[] }, now: string, previous: string]> = [
    ['exactly at 09:00: that one', ops, '2026-03-26T08:00:00Z', '2026-03-26T08:00:00.000Z'],
    ['weekday before 09:00: yesterday', ops, '2026-03-26T07:59:00Z', '2026-03-25T08:00:00.000Z'],
    ['Monday before 09:00, across the spring change: Friday 09:00 CET', ops, '2026-03-30T06:00:00Z', '2026-03-27T08:00:00.000Z'],
    ['gap day at 03:20 CEST: the shifted 02:30 (03:30) is not due yet, so yesterday', nightly, '2026-03-29T01:20:00Z', '2026-03-28T01:30:00.000Z'],
    ['gap day at the shifted time: due now', nightly, '2026-03-29T01:30:00Z', '2026-03-29T01:30:00.000Z'],
    ['overlap, second 02:45: the first 02:30 was the due time', nightly, '2026-10-25T01:45:00Z', '2026-10-25T00:30:00.000Z'],
  ];
  test.each(cases)('%s', (_label, digest, now, previous) => {
    expect(iso(previousDigestAt(digest, BUDAPEST, t(now)))).toBe(previous);
  });
});

describe('digestCron', () => {
  // Day lists in settings order and in odd shapes; cron wants 0 = Sunday and compact ranges.
  const cases: Array<[label: string, at: string, days: Weekday[], pattern: string]> = [
    ['weekdays become a range', '09:00', WEEKDAYS, '0 9 * * 1-5'],
    ['every day becomes *', '02:30', EVERY_DAY, '30 2 * * *'],
    ['weekend: Sunday is 0', '10:00', ['sat', 'sun'], '0 10 * * 0,6'],
    ['gaps stay a list', '08:05', ['mon', 'wed', 'fri'], '5 8 * * 1,3,5'],
    ['Sunday to Tuesday is the range 0-2', '17:45', ['tue', 'sun', 'mon'], '45 17 * * 0-2'],
    ['duplicates collapse', '09:00', ['mon', 'mon'], '0 9 * * 1'],
  ];
  test.each(cases)('%s', (_label, at, days, pattern) => {
    expect(digestCron({ at, days }, BUDAPEST)).toEqual({ pattern, tz: BUDAPEST });
  });
});

describe('isQuietTime', () => {
  const night = { from: '19:00', to: '08:00' };
  const lunch = { from: '12:00', to: '13:00' };
  // Budapest in November is UTC+1: local = Z + 1h. Rows hit both edges of a window that wraps midnight.
  const cases: Array<[label: string, quiet: { from: string; to: string } | undefined, now: string, quiet_: boolean]> = [
    ['no quiet hours configured', undefined, '2026-11-24T22:00:00Z', false],
    ['18:59, just before the window', night, '2026-11-24T17:59:00Z', false],
    ['19:00, start is inside', night, '2026-11-24T18:00:00Z', true],
    ['23:30, before midnight', night, '2026-11-24T22:30:00Z', true],
    ['03:00, after midnight', night, '2026-11-25T02:00:00Z', true],
    ['07:59, last minute', night, '2026-11-25T06:59:00Z', true],
    ['08:00, end is outside', night, '2026-11-25T07:00:00Z', false],
    ['window inside one day, 12:30', lunch, '2026-11-24T11:30:00Z', true],
    ['window inside one day, 13:00', lunch, '2026-11-24T12:00:00Z', false],
    ['from equal to to is an empty window', { from: '09:00', to: '09:00' }, '2026-11-24T08:00:00Z', false],
  ];
  test.each(cases)('%s', (_label, quiet, now, expected) => {
    expect(isQuietTime(quiet, BUDAPEST, t(now))).toBe(expected);
  });
});

describe('quietEndsAt', () => {
  const night = { from: '19:00', to: '08:00' };
  const cases: Array<[label: string, now: string, end: string | undefined]> = [
    ['late evening: tomorrow 08:00', '2026-11-24T22:30:00Z', '2026-11-25T07:00:00.000Z'],
    ['early morning: today 08:00', '2026-11-25T06:00:00Z', '2026-11-25T07:00:00.000Z'],
    ['not quiet now: undefined', '2026-11-25T11:00:00Z', undefined],
    ['across the spring change: 08:00 CEST', '2026-03-28T22:00:00Z', '2026-03-29T06:00:00.000Z'],
  ];
  test.each(cases)('%s', (_label, now, end) => {
    const at = quietEndsAt(night, BUDAPEST, t(now));
    expect(at === undefined ? undefined : iso(at)).toBe(end);
  });
});

describe('lead time', () => {
  const DAY = 86_400_000;
  const now = t('2026-11-24T10:00:00Z');
  // The offline_lead_time default is 21 days; rows around that edge and a date already gone.
  const cases: Array<[label: string, when: number, enough: boolean]> = [
    ['5 days notice against 21 days', now + 5 * DAY, false],
    ['exactly 21 days', now + 21 * DAY, true],
    ['one ms short of 21 days', now + 21 * DAY - 1, false],
    ['a month ahead', now + 30 * DAY, true],
    ['already past', now - DAY, false],
  ];
  test.each(cases)('%s', (_label, when, enough) => {
    expect(hasEnoughLeadTime(when, now, 21 * DAY)).toBe(enough);
    expect(leadTime(when, now)).toBe(when - now);
  });

  // A need in whole days counts local calendar days. "March 31" resolves to 12:00 local (CEST after the
  // 29 March change); posted Tue 10 March it is three weeks ahead whatever the hour.
  const MARCH_31 = t('2026-03-31T10:00:00Z');
  const calendar: Array<[label: string, now: number, needed: number, notice: number]> = [
    ['posted at 09:00 local, 21d needed', t('2026-03-10T08:00:00Z'), 21 * DAY, 21 * DAY],
    ['posted at 15:00 local, 21d needed', t('2026-03-10T14:00:00Z'), 21 * DAY, 21 * DAY],
    ['posted at 23:30 local, 21d needed', t('2026-03-10T22:30:00Z'), 21 * DAY, 21 * DAY],
    ['posted 00:30 local the next day, 21d needed', t('2026-03-10T23:30:00Z'), 21 * DAY, 20 * DAY],
    ['a need that is not whole days is measured by the clock', t('2026-03-10T14:00:00Z'), 36 * 3_600_000, MARCH_31 - t('2026-03-10T14:00:00Z')],
  ];
  test.each(calendar)('%s', (_label, at, needed, notice) => {
    expect(noticeGiven(MARCH_31, at, needed, BUDAPEST)).toBe(notice);
    expect(hasEnoughLeadTime(MARCH_31, at, needed, BUDAPEST)).toBe(notice >= needed);
  });
});

describe('localDayLabel', () => {
  // The label follows the workspace's local date, not UTC's.
  const cases: Array<[label: string, now: string, zone: string, text: string]> = [
    ['midday in Budapest', '2026-11-24T12:00:00Z', BUDAPEST, 'Tue 24 Nov'],
    ['23:30Z is already Wednesday in Budapest', '2026-11-24T23:30:00Z', BUDAPEST, 'Wed 25 Nov'],
    ['03:00Z is still Tuesday in New York', '2026-11-25T03:00:00Z', 'America/New_York', 'Tue 24 Nov'],
  ];
  test.each(cases)('%s', (_label, now, zone, text) => {
    expect(localDayLabel(t(now), zone)).toBe(text);
  });
});

describe('relativeAge', () => {
  const now = t('2026-11-24T12:00:00Z');
  const S = 1000;
  const M = 60 * S;
  const H = 60 * M;
  const D = 24 * H;
  // Each unit's lower edge and the last value before the next unit: ages round down.
  const cases: Array<[label: string, ageMs: number, text: string]> = [
    ['brand new', 0, 'now'],
    ['59 seconds', 59 * S, 'now'],
    ['one minute', M, '1m'],
    ['59 minutes', 59 * M + 59 * S, '59m'],
    ['three hours', 3 * H + 5 * M, '3h'],
    ['23h59m', D - M, '23h'],
    ['two days', 2 * D + 3 * H, '2d'],
    ['13 days', 13 * D, '13d'],
    ['14 days reads as weeks', 14 * D, '2w'],
    ['clock skew: created in the future', -5 * M, 'now'],
  ];
  test.each(cases)('%s', (_label, ageMs, text) => {
    expect(relativeAge(now - ageMs, now)).toBe(text);
  });
});
