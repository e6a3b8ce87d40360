import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/**
 * Dates in a message. A cheap token check says whether the text names a day or time at all; only then,
 * and only on a window around that word, does chrono (accurate but about 100x slower) work out when.
 */

export type DateLanguage = 'en' | 'de' | 'es' | 'fr' | 'hu';

export interface DateMention {
  /** Where the date word starts in the prose. */
  index: number;
  language: DateLanguage;
}

const WORDS: Array<[DateLanguage, string]> = [
  ['en', 'today tonight tomorrow tmrw monday tuesday wednesday thursday friday saturday sunday tues thur thurs january february march april june july august september october november december sept eod eow'],
  ['de', 'heute morgen übermorgen montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober dezember nächste nächsten nächster uhr'],
  ['es', 'hoy mañana lunes martes miércoles miercoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre próximo próxima'],
  ['fr', 'aujourd demain lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril juin juillet août septembre octobre novembre décembre prochain prochaine'],
  ['hu', 'holnap holnapután hétfő hétfőn kedd kedden szerda szerdán csütörtök csütörtökön péntek pénteken szombat szombaton vasárnap vasárnapon jövő januárban februárban márciusban áprilisban májusban júniusban júliusban augusztusban szeptemberben októberben novemberben decemberben órakor'],
];
/** Every full date word, for the cue that tells scoring a message names a day or time. */
export const DATE_WORDS: string[] = WORDS.flatMap(([, words]) => words.split(' '));

// Short forms that are also ordinary words ("may", "mon" in French, "sat", "jan" as a name) count only beside a number or "on"/"next".
const SHORT_FORMS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'ma'];
const UNITS = ['min', 'mins', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months'];
const SHORT_LEADS = new Set(['on', 'next', 'this', 'by', 'until', 'till', 'in', 'from', 'early', 'late', 'mid']);

// One lookup per token tells what kind of date word it is, if any.
type Kind = { word: DateLanguage } | { short: DateLanguage } | { unit: true };
const KINDS = new Map<string, Kind>();
for (const [language, words] of WORDS) for (const word of words.split(' ')) if (!KINDS.has(word)) KINDS.set(word, { word: language });
for (const word of SHORT_FORMS) KINDS.set(word, { short: word === 'ma' ? 'hu' : 'en' });
for (const word of UNITS) KINDS.set(word, { unit: true });

// Counts chrono reads before a unit: "in 3 days", "in two weeks", "in a few days", "in a couple of weeks".
const COUNT_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'couple', 'of']);
const NUMBERED = /^\d{1,2}(?:st|nd|rd|th|am|pm|h)$/;
// "at 3 of 5 slides", "at 2 out of 3": a count, not an hour.
const NOT_AN_HOUR_AFTER = new Set(['of', 'out', 'von', 'de', 'sur']);
const HOUR_LEADS = new Map<string, DateLanguage>([['at', 'en'], ['um', 'de'], ['las', 'es'], ['à', 'fr']]);
const CLOCK = /\d{1,2}:\d\d/;
const isNumber = (token: string | undefined) => token !== undefined && token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57;

/** Position of `token` as a whole word in `prose`, from `from` on. */
function wordIndex(prose: string, token: string, from = 0): number {
  for (let at = prose.indexOf(token, from); at >= 0; at = prose.indexOf(token, at + 1)) {
    const before = at === 0 ? '' : prose[at - 1]!;
    const after = prose[at + token.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
  }
  return -1;
}

function languageAt(tokens: readonly string[], i: number): DateLanguage | undefined {
  const token = tokens[i]!;
  if (isNumber(token)) return NUMBERED.test(token) ? (token.endsWith('h') && !token.endsWith('th') ? 'fr' : 'en') : undefined;
  const kind = KINDS.get(token);
  if (!kind) return undefined;
  if ('word' in kind) return kind.word;
  if ('short' in kind) return isNumber(tokens[i + 1]) || isNumber(tokens[i - 1]) || SHORT_LEADS.has(tokens[i - 1] ?? '') ? kind.short : undefined;
  // "next week", "in 3 weeks", "in a couple of weeks"
  if (tokens[i - 1] === 'next' || tokens[i - 1] === 'this') return 'en';
  for (let back = 1; back <= 3 && i - back > 0; back++) {
    const count = tokens[i - back]!;
    if (!isNumber(count) && !COUNT_WORDS.has(count)) return undefined;
    if (tokens[i - back - 1] === 'in') return 'en';
  }
  return undefined;
}

/**
 * Dates written in numbers. An ISO day (2026-12-20) is always a date. A slash date counts only where a
 * date is expected, after "on", "by", a weekday... or before a time ("12/20 at 3pm"): in "4/5 pipelines
 * green", "14/20 services" or "24/7" it is a count.
 */
const ISO_DAY = /(?<![\d-])\d{4}-\d{2}-\d{2}(?!\d)/;
const SLASH_DAY = /(?<![\d/])\d{1,2}\/\d{1,2}(?:\/(?:\d{4}|\d{2}))?(?![\d/])/g;
const SLASH_LEADS = new Set(['on', 'by', 'until', 'till', 'due', 'from', 'before', 'after', 'for', 'am', 'bis', 'ab', 'vom', 'le', 'el', 'del', 'au', 'jusqu']);
const WORD_BEFORE = /([\p{L}]+)[\s,]*$/u;
const TIME_AFTER = /^\s*(?:at|um|à|a las|,)?\s*\d{1,2}(?::\d\d|\s?(?:am|pm|h\b|uhr))/;

/** Where the first numeric date is in `text`, or -1. */
export function numericDateIndex(text: string): number {
  const dash = text.indexOf('-');
  if (dash >= 0) {
    const iso = ISO_DAY.exec(text);
    if (iso) return iso.index;
  }
  if (text.indexOf('/') < 0) return -1;
  SLASH_DAY.lastIndex = 0;
  for (let match = SLASH_DAY.exec(text); match; match = SLASH_DAY.exec(text)) {
    const lead = WORD_BEFORE.exec(text.slice(Math.max(0, match.index - 16), match.index))?.[1];
    if (lead !== undefined && (SLASH_LEADS.has(lead) || KINDS.has(lead))) return match.index;
    if (TIME_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 16))) return match.index;
  }
  return -1;
}

/** A bare hour after the word for "at" ("call at 3", "um 4", "a las 10", "à 9"): its language, if it is one. */
function bareHourAt(tokens: readonly string[], i: number): DateLanguage | undefined {
  const token = tokens[i]!;
  if (token.length > 2 || !isNumber(token) || NOT_AN_HOUR_AFTER.has(tokens[i + 1] ?? '')) return undefined;
  return HOUR_LEADS.get(tokens[i - 1] ?? '');
}

/**
 * The first word or number that names a day or a time; cheap enough for every message. A day wins over
 * a bare hour or clock elsewhere in the message: in "the bus leaves at 8:00 sharp on friday" the day is
 * what matters.
 */
export function findDateMention(prose: string, tokens: readonly string[]): DateMention | undefined {
  const numeric = numericDateIndex(prose);
  let hour: { token: number; language: DateLanguage } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const language = languageAt(tokens, i);
    if (!language) {
      if (!hour) {
        const hourLanguage = bareHourAt(tokens, i);
        if (hourLanguage) hour = { token: i, language: hourLanguage };
      }
      continue;
    }
    const index = Math.max(0, wordIndex(prose, tokens[i]!));
    return { index: numeric >= 0 && numeric < index ? numeric : index, language };
  }
  if (numeric >= 0) return { index: numeric, language: hour?.language ?? 'en' };
  if (prose.indexOf(':') >= 0) {
    const clock = CLOCK.exec(prose);
    if (clock) return { index: clock.index, language: hour?.language ?? 'en' };
  }
  if (hour) return { index: Math.max(0, wordIndex(prose, tokens[hour.token]!)), language: hour.language };
  return undefined;
}

/** Whether a clock time ("14:00") or a numbered day or hour ("23rd", "10am", "16h") appears: the forms no word list covers. */
export function mentionsNumericDate(prose: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (isNumber(token) && token.length <= 4 && NUMBERED.test(token)) return true;
  return prose.indexOf(':') >= 0 && CLOCK.test(prose);
}

// Parsers for past dates ("3 days ago") and forms people rarely write in chat only cost time. The numeric
// ones (ISO days, slash dates) run only on a window that holds a numeric date.
const NEVER_USED = /TimeUnitAgo|YearMonthName|EndOfCurrentMonth|CasualRelative/;
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

function lean(configuration: Configuration, numeric = false): chrono.Chrono {
  configuration.parsers = configuration.parsers.filter((parser) => {
    const name = parser.constructor.name;
    return !NEVER_USED.test(name) && (numeric || !NUMERIC_PARSER.test(name));
  });
  for (const parser of configuration.parsers) if (hasInnerPattern(parser)) keepPatternCached(parser);
  configuration.refiners.push(KEEP_LAST_PARSE);
  return new chrono.Chrono(configuration);
}

// Hungarian has no chrono locale; it still counts as a date mention for scoring.
const PARSERS: Partial<Record<DateLanguage, chrono.Chrono>> = {
  en: lean(chrono.en.configuration.createCasualConfiguration()),
  de: lean(chrono.de.createCasualConfiguration()),
  es: lean(chrono.es.createCasualConfiguration(true)),
  fr: lean(chrono.fr.createCasualConfiguration(true)),
};
/**
 * For windows with a numeric date. Only English leaves "12/10" open: month first in American zones, day
 * first elsewhere, as people there write it (chrono swaps the two when only one order is a date).
 */
type NumericKey = DateLanguage | 'en-month-first';
const NUMERIC_CONFIG: Partial<Record<NumericKey, () => Configuration>> = {
  'en-month-first': () => chrono.en.configuration.createCasualConfiguration(false),
  en: () => chrono.en.configuration.createCasualConfiguration(true),
  de: () => chrono.de.createCasualConfiguration(),
  es: () => chrono.es.createCasualConfiguration(true),
  fr: () => chrono.fr.createCasualConfiguration(true),
};
const NUMERIC_PARSERS: Partial<Record<NumericKey, chrono.Chrono>> = {};

function numericParser(language: DateLanguage, timezone: string): chrono.Chrono | undefined {
  const key: NumericKey = language === 'en' && /^(?:America|US)\//.test(timezone) ? 'en-month-first' : language;
  const config = NUMERIC_CONFIG[key];
  if (!config) return undefined;
  return (NUMERIC_PARSERS[key] ??= lean(config(), true));
}

const NOT_A_DATE = /^(?:now|right now|just now)$/;
const WINDOW_BEFORE = 24;
const WINDOW_AFTER = 40;

const MINUTE = 60_000;
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

/**
 * chrono is given the workspace's wall-clock time as a local Date: told a time zone instead, it runs
 * about ten times slower. Its answers are wall-clock times in the workspace, placed back on the
 * timeline here, with the offset of their own date (a date past a daylight-saving change has another).
 */
function wallClockAt(timezone: string, now: number): Date {
  const wall = new Date(now + offsetAt(timezone, now) * MINUTE);
  return new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds());
}

// "04:00" or "07.30": a leading zero means the writer did think of the night.
const NIGHT_CLOCK = /(?<!\d)0[1-7](?=[:.h]|\s*(?:uhr|o'?clock))/i;

/**
 * Whether a bare hour from 1 to 7 ("call at 3", "demain à 4h", "morgen um 4") is the afternoon. chrono
 * reads it as the night, but calls and in-person events (the only messages dated here) are not held then.
 */
function meansAfternoon(result: chrono.ParsedResult): boolean {
  const start = result.start;
  const hour = start.get('hour') ?? 12;
  return hour >= 1 && hour <= 7 && start.isCertain('hour') && !start.isCertain('meridiem') && !NIGHT_CLOCK.test(result.text);
}

function placeInZone(result: chrono.ParsedResult, timezone: string, now: number): number {
  const start = result.start;
  // The text named its own zone ("10am PT"): chrono has already placed it.
  if (start.isCertain('timezoneOffset')) return start.date().getTime();
  const toInstant = (wall: number) => wall - offsetAt(timezone, wall - offsetAt(timezone, now) * MINUTE) * MINUTE;
  const afternoon = meansAfternoon(result);
  const wall = Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!, (start.get('hour') ?? 12) + (afternoon ? 12 : 0), start.get('minute') ?? 0, start.get('second') ?? 0);
  // chrono moved "at 3" to tomorrow night because 3:00 had passed today; 15:00 today may still be ahead.
  if (afternoon && !start.isCertain('day') && !start.isCertain('weekday')) {
    const sameDay = toInstant(wall - 24 * 60 * MINUTE);
    if (sameDay > now) return sameDay;
  }
  return toInstant(wall);
}

/** The first future moment chrono finds near the date word, as epoch ms; undefined when none. */
export function resolveDate(prose: string, mention: DateMention, now: number, timezone = 'UTC'): number | undefined {
  let start = Math.max(0, mention.index - WINDOW_BEFORE);
  const space = prose.lastIndexOf(' ', start);
  if (start > 0 && space >= 0 && mention.index - space <= WINDOW_BEFORE + 12) start = space + 1;
  const window = prose.slice(start, mention.index + WINDOW_AFTER);
  const at = mention.index - start;
  const parser = numericDateIndex(window) >= 0 ? numericParser(mention.language, timezone) : PARSERS[mention.language];
  if (!parser) return undefined;
  const results = parser.parse(window, wallClockAt(timezone, now), { forwardDate: true }).filter((r) => !NOT_A_DATE.test(r.text.trim()));
  // Prefer what chrono read at the date word itself; elsewhere in the window it sometimes sees an hour in "12 et 13".
  const covering = results.filter((r) => r.index <= at && at < r.index + r.text.length);
  for (const result of [...covering, ...results]) {
    const when = placeInZone(result, timezone, now);
    if (when > now) return when;
  }
  return undefined;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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
