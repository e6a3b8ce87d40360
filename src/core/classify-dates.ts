import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { numericDateIndex, type DateLanguage, type DateMention } from './classify-date-mention';

/** When a date mention (classify-date-mention) falls: chrono on a window around it, placed in the workspace's zone. */

// Parsers for forms people rarely write in chat only cost time; so do the ones for past spans ("3 days
// ago"), except in German and French (see PARSERS). The numeric ones (ISO days, slash dates) run only on a
// window that holds a numeric date.
const NEVER_USED = /YearMonthName|EndOfCurrentMonth|CasualRelative/;
const NUMERIC_PARSER = /ISOFormat|Slash|YearMonthDay/;

type Configuration = ReturnType<typeof chrono.de.createCasualConfiguration>;

/** chrono's word-boundary parsers: `pattern()` wraps this one, recompiling when it returns another RegExp. */
interface InnerPatternParser {
  innerPattern(context: chrono.ParsingContext): RegExp;
}

function hasInnerPattern(parser: chrono.Parser): parser is chrono.Parser & InnerPatternParser {
  return typeof (parser as Partial<InnerPatternParser>).innerPattern === 'function';
}

/**
 * chrono caches a parser's full pattern by the identity of its inner RegExp, but several parsers build a
 * new one on every call (a regex literal in the method, or `new RegExp`), so each parse recompiled them:
 * about 8 µs for the de and fr "in 3 Tagen" parsers. Handing back the previous RegExp when the new one is
 * the same (source and flags) lets the cache work; one that cannot see the context is built once.
 */
function keepPatternCached(parser: chrono.Parser & InnerPatternParser): void {
  const build = parser.innerPattern.bind(parser);
  if (build.length === 0) {
    const fixed = (build as () => RegExp)();
    parser.innerPattern = () => fixed;
    return;
  }
  let last: RegExp | undefined;
  parser.innerPattern = (context) => {
    const next = build(context);
    if (last && next.source === last.source && next.flags === last.flags) return last;
    return (last = next);
  };
}

/** The last parse of any language; only ever written. */
const lastParse: { context?: chrono.ParsingContext; results?: chrono.ParsingResult[] } = {};

/**
 * A last refiner that keeps the latest parse alive and changes nothing. chrono builds its objects
 * property by property, and V8 keeps the hidden classes made that way only while some object still
 * has them: a full GC between two parses freed them and threw away the optimized code of every chrono
 * function built on them. Re-optimizing that cost about 10 µs per dated message for thousands of
 * messages after each full GC (the classifier bench collects before every round). The kept parse holds
 * the text of the last dated message (about 100 characters) until the next one replaces it.
 */
const KEEP_LAST_PARSE: chrono.Refiner = {
  refine: (context, results) => {
    lastParse.context = context;
    lastParse.results = results;
    return results;
  },
};

const COMPONENTS = ['year', 'month', 'day', 'hour', 'minute'] as const;

function isValidComponents(components: chrono.ParsedComponents | null | undefined): boolean {
  if (!components) return true;
  for (const component of COMPONENTS) if (Number.isNaN(components.get(component))) return false;
  return true;
}

/**
 * The first refiner: drops results with a NaN in them. chrono 2.10's Spanish and German span parsers read
 * "u h" or "einige Tage" as NaN hours or days, and its zone refiner then loops for ever on the NaN year
 * ("llamada mañana uh pt" froze the whole process).
 */
const DROP_INVALID: chrono.Refiner = {
  refine: (_context, results) => results.filter((r) => isValidComponents(r.start) && isValidComponents(r.end)),
};

function lean(configuration: Configuration, { numeric = false, pastSpans = false } = {}): chrono.Chrono {
  configuration.parsers = configuration.parsers.filter((parser) => {
    const name = parser.constructor.name;
    return !NEVER_USED.test(name) && (pastSpans || !/TimeUnitAgo/.test(name)) && (numeric || !NUMERIC_PARSER.test(name));
  });
  for (const parser of configuration.parsers) if (hasInnerPattern(parser)) keepPatternCached(parser);
  configuration.refiners.unshift(DROP_INVALID);
  configuration.refiners.push(KEEP_LAST_PARSE);
  return new chrono.Chrono(configuration);
}

// Hungarian has no chrono locale; it still counts as a date mention for scoring.
const PARSERS: Partial<Record<DateLanguage, chrono.Chrono>> = {
  en: lean(chrono.en.configuration.createCasualConfiguration()),
  // The German and French "ago" parsers also read "nächste Woche" and "la semaine prochaine".
  de: lean(chrono.de.createCasualConfiguration(), { pastSpans: true }),
  es: lean(chrono.es.createCasualConfiguration(true)),
  fr: lean(chrono.fr.createCasualConfiguration(true), { pastSpans: true }),
};
/**
 * For windows with a numeric date. Only English leaves "12/10" open: month first in American zones, day
 * first elsewhere, as people there write it (chrono swaps the two when only one order is a date).
 */
type NumericKey = DateLanguage | 'en-month-first';
// The United States write the month first; Canada, Latin America and everyone else mostly the day.
const MONTH_FIRST_ZONE =
  /^(?:US\/|Pacific\/Honolulu$|America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Boise|Detroit|Indiana\/|Kentucky\/|North_Dakota\/|Menominee|Juneau|Sitka|Nome|Yakutat|Metlakatla|Adak))/;
const NUMERIC_CONFIG: Partial<Record<NumericKey, () => Configuration>> = {
  'en-month-first': () => chrono.en.configuration.createCasualConfiguration(false),
  en: () => chrono.en.configuration.createCasualConfiguration(true),
  de: () => chrono.de.createCasualConfiguration(),
  es: () => chrono.es.createCasualConfiguration(true),
  fr: () => chrono.fr.createCasualConfiguration(true),
};
const NUMERIC_PARSERS: Partial<Record<NumericKey, chrono.Chrono>> = {};

// Dotted days ("05.04.2025") are day first everywhere.
const DOTTED = /\d\.\d{1,2}\.\d/;

function numericParser(language: DateLanguage, timezone: string, window: string): chrono.Chrono | undefined {
  const key: NumericKey = language === 'en' && MONTH_FIRST_ZONE.test(timezone) && !DOTTED.test(window) ? 'en-month-first' : language;
  const config = NUMERIC_CONFIG[key];
  if (!config) return undefined;
  return (NUMERIC_PARSERS[key] ??= lean(config(), { numeric: true, pastSpans: language === 'de' || language === 'fr' }));
}

const NOT_A_DATE = /^(?:now|right now|just now)$/;
const WINDOW_BEFORE = 24;
const WINDOW_AFTER = 40;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Zone offsets change at whole hours (or half hours in a few zones); one lookup per zone and half hour is exact enough.
// Zone -> half hour -> offset: nested so a lookup builds no key string.
const offsetMemo = new Map<string, Map<number, number>>();
const OFFSET_MEMO_LIMIT = 4096;
let offsetsMemoized = 0;

/** Minutes the zone is ahead of UTC at `at`; 0 for a zone luxon does not know. */
function offsetAt(timezone: string, at: number): number {
  const halfHour = Math.floor(at / (30 * MINUTE));
  let offset = offsetMemo.get(timezone)?.get(halfHour);
  if (offset === undefined) {
    const local = DateTime.fromMillis(at, { zone: timezone });
    offset = local.isValid ? local.offset : 0;
    if (offsetsMemoized > OFFSET_MEMO_LIMIT) {
      offsetMemo.clear();
      offsetsMemoized = 0;
    }
    let zone = offsetMemo.get(timezone);
    if (!zone) offsetMemo.set(timezone, (zone = new Map()));
    zone.set(halfHour, offset);
    offsetsMemoized++;
  }
  return offset;
}

/** Now on the workspace's wall clock, as a Date whose UTC fields are the local ones. */
function wallNow(timezone: string, now: number): Date {
  return new Date(now + offsetAt(timezone, now) * MINUTE);
}

/**
 * chrono is given the workspace's wall-clock time as a local Date: told a time zone instead, it runs
 * about ten times slower. Its answers are wall-clock times in the workspace, placed back on the
 * timeline here, with the offset of their own date (a date past a daylight-saving change has another).
 */
function wallClockAt(timezone: string, now: number): Date {
  const wall = wallNow(timezone, now);
  return new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds());
}

// "04:00" or "07.30": a leading zero means the writer did think of the night.
const NIGHT_CLOCK = /(?<!\d)0[1-7](?=[:.h]|\s*(?:uhr|o'?clock))/i;
// Words right after the result that keep it in the morning: "at 7 in the morning", "à 3h du matin".
const MORNING_AFTER = /^\s*(?:in the morning|a\.?m\b|du matin|de la mañana|de la madrugada|morgens|früh|in der früh)/i;
// Events held in the morning, or in the evening (when "at 8" and "at 9" are too).
const MORNING_EVENT = /breakfast|brunch|frühstück|desayuno|petit[- ]d[ée]jeuner/i;
// Named before the hour ("drinks at 8", "Team dinner on Friday at 8"), not after it ("call at 9 to plan the party").
const EVENING_BEFORE = /(?:^|[^\p{L}])(?:dinner|drinks|party|pub|beers?|karaoke|bowling|abendessen|cena|dîner|apéro|afterwork)(?![\p{L}])/iu;
// "9h", "19 Uhr": a 24-hour clock, never shifted.
const TWENTY_FOUR_HOUR = /\d\s?(?:h\b|uhr)/i;

/**
 * Whether an hour without am/pm is in the afternoon or evening. chrono reads "call at 3", "demain à 4h"
 * and "morgen um 4" as the night, but calls and in-person events (the only messages dated here) are not
 * held then: 1 to 7 is the afternoon, and so is 8 to 11 for dinners and drinks. The text can still say
 * morning ("tomorrow morning at 7", "à 3h du matin", "breakfast at 7").
 */
function meansAfternoon(result: chrono.ParsedResult, start: chrono.ParsedComponents, window: string): boolean {
  const hour = start.get('hour') ?? 12;
  if (hour < 1 || hour > 11 || !start.isCertain('hour') || start.isCertain('meridiem')) return false;
  if (NIGHT_CLOCK.test(result.text) || start.tags().has('casualReference/morning') || MORNING_EVENT.test(window)) return false;
  if (hour > 7 && TWENTY_FOUR_HOUR.test(result.text)) return false;
  if (MORNING_AFTER.test(window.slice(result.index + result.text.length, result.index + result.text.length + 20))) return false;
  // A range that ends eight hours or more later starts in the morning: "de 7 à 19h".
  if (start === result.start && result.end?.isCertain('hour') && result.end.get('hour')! - hour >= 8) return false;
  return hour <= 7 || EVENING_BEFORE.test(window.slice(Math.max(0, result.index - 40), result.index));
}

/** Workspace wall-clock ms (as if UTC) to the instant, with the offset of that wall time itself. */
function toInstant(wall: number, timezone: string, now: number): number {
  return wall - offsetAt(timezone, wall - offsetAt(timezone, now) * MINUTE) * MINUTE;
}

interface Placed {
  when: number;
  /** The wall-clock day and time in the workspace's zone (epoch ms as if UTC); absent when the text named a zone. */
  wall?: number;
  /** Whether the text said the time of day, or chrono only assumed noon. */
  timeKnown: boolean;
}

// "3 à 10h" as chrono reads it in "salle 3 à 10h": a bare count, then "à" and the hour.
const COUNT_THEN_HOUR = /^\d{1,2}\s+(?:à|a)\s/i;
// Words that open a real range ("de 7 à 19h"), just before the result.
const RANGE_OPENER_BEFORE = /\b(?:from|between|de|von|entre|du)\s*$/i;

/**
 * The part of the result that says when. chrono reads "salle 3 à 10h" or "pour 6 à 20h" as a range from
 * 3 (or 6) to 10h; a count before "à" is no start, and a call does not last seven hours. A range written
 * as one ("9h-17h", "9:00 to 17:00", "de 7 à 19h") keeps its start.
 */
function startOf(result: chrono.ParsedResult, window: string): chrono.ParsedComponents {
  const { start, end } = result;
  if (!end?.isCertain('hour') || start.isCertain('meridiem') || !COUNT_THEN_HOUR.test(result.text)) return start;
  if (RANGE_OPENER_BEFORE.test(window.slice(Math.max(0, result.index - 12), result.index))) return start;
  return end.get('hour')! - (start.get('hour') ?? 0) >= 6 ? end : start;
}

function placeInZone(result: chrono.ParsedResult, window: string, timezone: string, now: number): Placed {
  const start = startOf(result, window);
  const afternoon = meansAfternoon(result, start, window);
  const timeKnown = start.isCertain('hour');
  // chrono moved "at 3" to tomorrow night because 3:00 had passed today; 15:00 today may still be ahead.
  const mayBeToday = afternoon && !start.isCertain('day') && !start.isCertain('weekday');
  // The text named its own zone ("10am PT"): chrono has already placed it. A span from now ("in 30 min")
  // carries a certain offset too, but it is this process's, not the workspace's: read its wall clock.
  if (start.isCertain('timezoneOffset') && !start.tags().has('result/relativeDateAndTime')) {
    const when = start.date().getTime() + (afternoon ? 12 * HOUR : 0);
    return { when: mayBeToday && when - DAY > now ? when - DAY : when, timeKnown };
  }
  const wall = Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!, (start.get('hour') ?? 12) + (afternoon ? 12 : 0), start.get('minute') ?? 0, start.get('second') ?? 0);
  if (mayBeToday) {
    const sameDay = toInstant(wall - DAY, timezone, now);
    if (sameDay > now) return { when: sameDay, wall: wall - DAY, timeKnown };
  }
  return { when: toInstant(wall, timezone, now), wall, timeKnown };
}

/**
 * The first future moment the mentions give, as epoch ms; undefined when none. They are read in order
 * (day, span, time, topic); a day whose time chrono only assumed takes the message's time of day when
 * it names one apart ("the bus leaves at 8:00 sharp on friday").
 */
export function resolveDate(prose: string, mention: DateMention, now: number, timezone = 'UTC'): number | undefined {
  let time: DateMention | undefined;
  for (let m: DateMention | undefined = mention; m; m = m.fallback) if (m.kind === 'time') time = m;
  for (let m: DateMention | undefined = mention; m; m = m.fallback) {
    const read = resolveAt(prose, m, now, timezone, m === time ? undefined : time);
    // A day chrono cannot read ("on the 3rd", "tues") is still that day: the hour alone would put it today.
    if (read === UNREAD) return undefined;
    if (!read) continue;
    const { placed } = read;
    if (placed.timeKnown || placed.wall === undefined || !time || m === time) return placed.when;
    // The time is usually in the day's window, where chrono has read it already; else it is read on its own.
    const alone = read.time ? undefined : resolveAt(prose, time, now, timezone);
    const hour = read.time ?? (alone && alone !== UNREAD ? alone.placed : undefined);
    if (hour?.timeKnown && hour.wall !== undefined) {
      const joined = toInstant(Math.floor(placed.wall / DAY) * DAY + (hour.wall % DAY), timezone, now);
      if (joined > now) return joined;
    }
    return placed.when;
  }
  return undefined;
}

/**
 * chrono on the window around one mention: the first future moment it reads there, and, when `time`
 * (another mention) lies in the same window, the time of day chrono read at it.
 */
const UNREAD = 'unread';

function resolveAt(prose: string, mention: DateMention, now: number, timezone: string, time?: DateMention): { placed: Placed; time?: Placed } | typeof UNREAD | undefined {
  let start = Math.max(0, mention.index - WINDOW_BEFORE);
  const space = prose.lastIndexOf(' ', start);
  if (start > 0 && space >= 0 && mention.index - space <= WINDOW_BEFORE + 12) start = space + 1;
  const window = prose.slice(start, mention.index + WINDOW_AFTER);
  const at = mention.index - start;
  const parser = numericDateIndex(window) >= 0 ? numericParser(mention.language, timezone, window) : PARSERS[mention.language];
  if (!parser) return undefined;
  const results = parser.parse(window, wallClockAt(timezone, now), { forwardDate: true }).filter((r) => !NOT_A_DATE.test(r.text.trim()));
  // Prefer what chrono read at the date word itself; elsewhere in the window it sometimes sees an hour in "12 et 13".
  const covering = results.filter((r) => covers(r, at));
  if (mention.kind === 'day' && covering.length === 0) return UNREAD;
  for (const result of [...covering, ...results]) {
    if (isTodayNextYear(result, timezone, now)) continue;
    const placed = placeInZone(result, window, timezone, now);
    if (placed.when <= now) continue;
    const timeAt = time && time.language === mention.language ? time.index - start : -1;
    const atTime = timeAt >= 0 && timeAt < window.length ? results.find((r) => covers(r, timeAt) && r.start.isCertain('hour')) : undefined;
    return { placed, time: atTime && placeInZone(atTime, window, timezone, now) };
  }
  return undefined;
}

function covers(result: chrono.ParsedResult, at: number): boolean {
  return result.index <= at && at < result.index + result.text.length;
}

/**
 * "Offsite on March 10", written on March 10 after noon: chrono's forward dating moves the day, whose
 * implied noon has passed, to next year. The writer meant today, which is not ahead.
 */
function isTodayNextYear(result: chrono.ParsedResult, timezone: string, now: number): boolean {
  const start = result.start;
  if (start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return false;
  const today = wallNow(timezone, now);
  return start.get('month') === today.getUTCMonth() + 1 && start.get('day') === today.getUTCDate() && start.get('year')! > today.getUTCFullYear();
}

/** "refers to a date 3 weeks ahead", from the distance between now and when. */
export function describeLead(now: number, when: number): string {
  const ms = when - now;
  if (ms < HOUR) return 'refers to a time within the hour';
  if (ms < DAY) return `refers to a time ${Math.round(ms / HOUR)} hour${Math.round(ms / HOUR) === 1 ? '' : 's'} ahead`;
  const days = Math.round(ms / DAY);
  if (days < 14) return `refers to a date ${days} day${days === 1 ? '' : 's'} ahead`;
  if (days < 60) return `refers to a date ${Math.round(days / 7)} weeks ahead`;
  return `refers to a date ${Math.round(days / 30)} months ahead`;
}
