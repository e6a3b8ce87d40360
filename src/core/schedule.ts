import { DateTime, IANAZone } from 'luxon';
import type { DigestSetting, Weekday } from '../config/settings';

/**
 * Time math for digests, quiet hours and lead times. Every function takes `now` (epoch ms) and an IANA
 * zone, so the same inputs always give the same answer.
 *
 * How a local wall-clock time becomes an instant (`resolveLocalTime`):
 * - Normal days: the one instant showing that time.
 * - Spring-forward gap (02:30 on a day clocks jump 02:00 -> 03:00): the time is shifted forward by the
 *   length of the gap, so 02:30 posts at 03:30 local and 02:00 at 03:00. This is what cron-parser (and so
 *   BullMQ's job scheduler), luxon, java.time and Temporal's "compatible" mode do. Agreeing with the
 *   scheduler matters more than the choice itself: `previousDigestAt` detects missed digests, and if it
 *   placed the due time at 03:00 while the cron job fires at 03:30, a check at 03:10 would see a "missed"
 *   digest and post it twice.
 * - Autumn fall-back (01:30 happens twice): the first occurrence, once.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Luxon's weekday numbers (1 = Monday .. 7 = Sunday). */
const WEEKDAY_NUMBER: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** "09:00" -> minutes since local midnight. The settings schema has already checked the format. */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function zoneOf(timezone: string): IANAZone {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new RangeError(`unknown time zone "${timezone}"`);
  return zone;
}

/** UTC offset in ms at an instant. */
function offsetAt(zone: IANAZone, at: number): number {
  return zone.offset(at) * MINUTE_MS;
}

/**
 * The instant a local date and time denote in `zone`, by the gap and overlap rules in the module comment.
 * `wall` is the local date-time written as if it were UTC (Date.UTC of its fields).
 */
function resolveLocalTime(zone: IANAZone, wall: number): number {
  // Real zones change offset at most once within a day either side, so these two cover every candidate.
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(zone, t) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: read the wall time with the offset in force before the jump, which moves it forward by
  // exactly the gap's length.
  return wall - before;
}

/** Local calendar date of `now` in `zone`, as the UTC midnight of that date (for date arithmetic). */
function localDateAnchor(zone: IANAZone, now: number): number {
  const local = DateTime.fromMillis(now, { zone });
  return Date.UTC(local.year, local.month - 1, local.day);
}

/** ISO weekday (1 = Monday) of a UTC-midnight date anchor. */
function weekdayOf(anchor: number): number {
  return new Date(anchor).getUTCDay() || 7;
}

/**
 * Instants when a local time falls on one of `days`, for local dates from `fromDay` to `toDay` days
 * around today, in ascending order.
 */
function occurrences(atMinutes: number, days: readonly number[], zone: IANAZone, now: number, fromDay: number, toDay: number): number[] {
  const today = localDateAnchor(zone, now);
  const out: number[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const date = today + d * DAY_MS;
    if (days.includes(weekdayOf(date))) out.push(resolveLocalTime(zone, date + atMinutes * MINUTE_MS));
  }
  return out;
}

function digestDays(digest: Pick<DigestSetting, 'days'>): number[] {
  return digest.days.map((d) => WEEKDAY_NUMBER[d]);
}

/** The next time a digest is due, strictly after `now`: its local `at` on the next of its `days`. */
export function nextDigestAt(digest: Pick<DigestSetting, 'at' | 'days'>, timezone: string, now: number): number {
  const times = occurrences(minutesOf(digest.at), digestDays(digest), zoneOf(timezone), now, -1, 8);
  const next = times.find((t) => t > now);
  if (next === undefined) throw new RangeError('digest has no days');
  return next;
}

/** The last time a digest was due, at or before `now`; compare it with the last posted digest to catch one missed while down. */
export function previousDigestAt(digest: Pick<DigestSetting, 'at' | 'days'>, timezone: string, now: number): number {
  const times = occurrences(minutesOf(digest.at), digestDays(digest), zoneOf(timezone), now, -8, 1);
  const previous = times.filter((t) => t <= now).pop();
  if (previous === undefined) throw new RangeError('digest has no days');
  return previous;
}

/** Cron day-of-week numbers (0 = Sunday) written compactly: [1,2,3,4,5] -> "1-5". */
function cronDays(days: readonly Weekday[]): string {
  const numbers = [...new Set(days.map((d) => WEEKDAY_NUMBER[d] % 7))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${numbers[i]}-${numbers[j]}` : numbers.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * A cron pattern and zone for BullMQ's job scheduler (`upsertJobScheduler(id, { pattern, tz })`) that fires
 * when `nextDigestAt` says; test/integration/digest-cron-agreement.test.ts checks the two agree across
 * daylight-saving changes.
 */
export function digestCron(digest: Pick<DigestSetting, 'at' | 'days'>, timezone: string): { pattern: string; tz: string } {
  const minutes = minutesOf(digest.at);
  const days = digest.days.length === 7 ? '*' : cronDays(digest.days);
  return { pattern: `${minutes % 60} ${Math.floor(minutes / 60)} * * ${days}`, tz: timezone };
}

export interface QuietHours {
  from: string;
  to: string;
}

/** Minutes since local midnight, read off the local wall clock. */
function localMinutes(zone: IANAZone, now: number): number {
  const local = DateTime.fromMillis(now, { zone });
  return local.hour * 60 + local.minute;
}

/**
 * True when the local time is inside the window [from, to). A window whose `from` is later than `to`
 * wraps midnight (19:00-08:00 covers the night); `from` equal to `to` is an empty window.
 */
export function isQuietTime(quiet: QuietHours | undefined, timezone: string, now: number): boolean {
  if (!quiet) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const m = localMinutes(zoneOf(timezone), now);
  if (from === to) return false;
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** When the current quiet window ends (its next local `to`); undefined when it is not quiet now. */
export function quietEndsAt(quiet: QuietHours | undefined, timezone: string, now: number): number | undefined {
  if (!quiet || !isQuietTime(quiet, timezone, now)) return undefined;
  const zone = zoneOf(timezone);
  return occurrences(minutesOf(quiet.to), [1, 2, 3, 4, 5, 6, 7], zone, now, 0, 2).find((t) => t > now);
}

/** Milliseconds from now until `when`; negative when it has passed. */
export function leadTime(when: number, now: number): number {
  return when - now;
}

/**
 * The notice `when` gives, as measured against a required `neededMs`. A need in whole days is counted in
 * local calendar days: people read "21d" as "three weeks before the date", and a date without a time
 * resolves to noon, so by the clock an offsite exactly three weeks ahead had enough notice when posted at
 * 09:00 and not at 15:00. Any other need, or no zone, is measured by the clock.
 */
export function noticeGiven(when: number, now: number, neededMs: number, timezone?: string): number {
  if (timezone === undefined || neededMs <= 0 || neededMs % DAY_MS !== 0) return leadTime(when, now);
  const zone = zoneOf(timezone);
  return localDateAnchor(zone, when) - localDateAnchor(zone, now);
}

/** True when `when` gives at least `leadMs` of notice (see `noticeGiven`). */
export function hasEnoughLeadTime(when: number, now: number, leadMs: number, timezone?: string): boolean {
  return noticeGiven(when, now, leadMs, timezone) >= leadMs;
}

/** "Tue 24 Nov": the local day, in English whatever the host locale, for digest titles. */
export function localDayLabel(now: number, timezone: string): string {
  return DateTime.fromMillis(now, { zone: zoneOf(timezone) }).setLocale('en-GB').toFormat('ccc d LLL');
}

/** "Tue 24 Nov, 09:00": a local moment for fallback texts, in English, 24-hour clock. */
export function localMomentLabel(at: number, timezone: string): string {
  return DateTime.fromMillis(at, { zone: zoneOf(timezone) }).setLocale('en-GB').toFormat('ccc d LLL, HH:mm');
}

/**
 * Compact age for digest lines: "now" under a minute, then "5m", "3h", "2d", and "3w" from two weeks.
 * Rounds down, so an item never looks older than it is; a `from` in the future reads "now".
 */
export function relativeAge(from: number, now: number): string {
  const ms = Math.max(0, now - from);
  if (ms < MINUTE_MS) return 'now';
  if (ms < 60 * MINUTE_MS) return `${Math.floor(ms / MINUTE_MS)}m`;
  if (ms < DAY_MS) return `${Math.floor(ms / (60 * MINUTE_MS))}h`;
  if (ms < 14 * DAY_MS) return `${Math.floor(ms / DAY_MS)}d`;
  return `${Math.floor(ms / (7 * DAY_MS))}w`;
}
