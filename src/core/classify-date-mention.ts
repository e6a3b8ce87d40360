/**
 * Where a message names a day or a time, found from its tokens cheaply enough for every message. Only
 * then, and only on a window around that spot, does classify-dates run chrono (accurate but about 100x
 * slower) to work out when.
 */

export type DateLanguage = 'en' | 'de' | 'es' | 'fr' | 'hu';

/**
 * What a mention names: a day ("friday", "Dec 15", "12/20"), a span from now ("in 5 days"), a time of day
 * ("at 3", "14:00", "7pm"), or a day that may only be a topic ("the march numbers", "friday's demo").
 */
export type MentionKind = 'day' | 'span' | 'time' | 'topic';

export interface DateMention {
  /** Where the date word starts in the prose. */
  index: number;
  language: DateLanguage;
  kind: MentionKind;
  /** The next mention to read when this one gives nothing ahead ("call at 3 about last friday"). */
  fallback?: DateMention;
}

const WORDS: Array<[DateLanguage, string]> = [
  ['en', 'today tonight tomorrow tmrw monday tuesday wednesday thursday friday saturday sunday tues thur thurs january february march april june july august september october november december sept eod eow'],
  ['de', 'heute morgen übermorgen montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober dezember nächste nächsten nächster uhr'],
  ['es', 'hoy mañana lunes martes miércoles miercoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre próximo próxima'],
  ['fr', 'aujourd demain lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril juin juillet août septembre octobre novembre décembre prochain prochaine'],
  ['hu', 'holnap holnapután hétfő hétfőn kedd kedden szerda szerdán csütörtök csütörtökön péntek pénteken szombat szombaton vasárnap vasárnapon jövő januárban februárban márciusban áprilisban májusban júniusban júliusban augusztusban szeptemberben októberben novemberben decemberben órakor'],
];
const MONTH_NAMES = new Set(
  'january february march april may june july august september october november december januar februar märz mai juni juli oktober dezember enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre janvier février mars avril juin juillet août septembre octobre novembre décembre'.split(' '),
);
/** Every full date word, for the cue that tells scoring a message names a day or time. */
export const DATE_WORDS: string[] = WORDS.flatMap(([, words]) => words.split(' '));

// Short forms that are also ordinary words ("may", "mon" in French, "sat", "jan" as a name) count only beside a number or "on"/"next".
const SHORT_FORMS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'ma'];
// Units of a span ahead ("in 5 days", "in 5 Tagen", "en 5 días", "dans 5 jours"), with the word that leads it.
const UNITS: Array<[DateLanguage, string]> = [
  ['en', 'min mins minutes hour hours day days week weeks month months'],
  ['de', 'minuten stunde stunden tag tage tagen woche wochen monat monate monaten'],
  ['es', 'minutos hora horas día días dia dias semana semanas mes meses'],
  ['fr', 'heure heures jour jours semaine semaines mois'],
];
const SPAN_LEADS: Record<string, DateLanguage[]> = { in: ['en', 'de'], en: ['es', 'fr'], dans: ['fr', 'en'] };
const SHORT_LEADS = new Set(['on', 'next', 'this', 'by', 'until', 'till', 'in', 'from', 'early', 'late', 'mid']);
// After a short form and a number, these make it a quantity: "sat 4 hours", "may 2 of us", "jan 2 hrs".
const QUANTITY_AFTER = new Set(['of', 'hours', 'hour', 'hrs', 'hr', 'h', 'mins', 'min', 'minutes', 'days', 'people', 'times', 'x']);

// One lookup per token tells what kind of date word it is, if any.
type Kind = { word: DateLanguage } | { short: DateLanguage } | { unit: DateLanguage };
const KINDS = new Map<string, Kind>();
for (const [language, words] of WORDS) for (const word of words.split(' ')) if (!KINDS.has(word)) KINDS.set(word, { word: language });
for (const word of SHORT_FORMS) KINDS.set(word, { short: word === 'ma' ? 'hu' : 'en' });
for (const [language, words] of UNITS) for (const word of words.split(' ')) if (!KINDS.has(word)) KINDS.set(word, { unit: language });

/**
 * Month names German shares with English (and French with German): the words before them tell which
 * parser reads "am 3. August" right. Without a sign, the first language listed.
 */
const SHARED_MONTHS: Record<string, DateLanguage[]> = {
  april: ['en', 'de'], august: ['en', 'de'], september: ['en', 'de'], november: ['en', 'de'], mai: ['de', 'fr'],
};
const LANGUAGE_SIGNS: Record<string, DateLanguage> = {
  am: 'de', im: 'de', um: 'de', bis: 'de', vom: 'de', ab: 'de', zum: 'de', anfang: 'de', ende: 'de', mitte: 'de', den: 'de',
  le: 'fr', au: 'fr', du: 'fr', début: 'fr', fin: 'fr', dès: 'fr', mi: 'fr',
};
for (const word of Object.keys(SHARED_MONTHS)) if (!KINDS.has(word)) KINDS.set(word, { word: SHARED_MONTHS[word]![0]! });

// "last friday", "letzten Freitag": behind us, but chrono's forward dating would move it to next week.
const PAST_LEADS = new Set(['last', 'past', 'letzten', 'letzter', 'letztes', 'vergangenen', 'dernier', 'passé', 'pasado', 'pasada']);

// "Guten Morgen", "Morgen zusammen": a greeting, not tomorrow.
const GREETING_BEFORE_MORGEN = new Set(['guten', 'gute']);
const GREETING_AFTER_MORGEN = new Set(['zusammen', 'allerseits', 'leute', 'ihr', 'euch']);

// Counts chrono reads before a unit: "in 3 days", "in two weeks", "in a couple of weeks", "in zwei Wochen", "dans deux semaines".
const COUNT_WORDS = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'couple', 'of',
  'ein', 'eine', 'einem', 'einer', 'zwei', 'drei', 'vier', 'fünf', 'paar',
  'un', 'una', 'unos', 'unas', 'dos', 'tres', 'cuatro', 'cinco',
  'une', 'deux', 'trois', 'quatre', 'cinq', 'quelques',
]);
const NUMBERED = /^\d{1,2}(?:st|nd|rd|th|am|pm|h|h\d\d)$/;
const FRENCH_HOUR = /^\d{1,2}h(?:\d\d)?$/;
// Hours written as times: "7pm", "10am", "16h", "15h30" (not "23rd", which names a day).
const TIME_TOKEN = /^\d{1,2}(?:am|pm|h|h\d\d)$/;
const HOUR_LEADS = new Map<string, DateLanguage>([['at', 'en'], ['um', 'de'], ['las', 'es'], ['à', 'fr']]);
// "Hours" that name the time of day after "à", where they are no span. (chrono reads "a las 10 horas" as a
// span of ten hours, so the Spanish form stays out.)
const HOUR_WORDS = new Map<string, DateLanguage>([['heures', 'fr'], ['heure', 'fr']]);
/**
 * After a number that follows the word for "at", these make it a quantity, not an hour: "um 2 Tage
 * verschieben", "à 5 minutes à pied", "at 2 locations", "at 3 of 5 slides". So do span units (KINDS).
 */
const QUANTITY_NOUNS = new Set(
  ('of out von sur de der des people persons personnes personas leute locations screens écrans slides items tickets points ' +
    'places seats sites teams percent x times mal fois veces').split(' '),
);
const CLOCK = /\d{1,2}:\d\d/;
const isNumber = (token: string | undefined) => token !== undefined && token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57;

/** Position in `prose` of tokens[i] as a whole word: its own occurrence, not an earlier one of the same word. */
function tokenIndex(prose: string, tokens: readonly string[], i: number): number {
  const token = tokens[i]!;
  let skip = 0;
  for (let j = 0; j < i; j++) if (tokens[j] === token) skip++;
  for (let at = prose.indexOf(token); at >= 0; at = prose.indexOf(token, at + 1)) {
    const before = at === 0 ? '' : prose[at - 1]!;
    const after = prose[at + token.length] ?? '';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    if (skip-- === 0) return at;
  }
  return 0;
}

function languageAt(tokens: readonly string[], i: number): DateLanguage | undefined {
  const token = tokens[i]!;
  if (isNumber(token)) return NUMBERED.test(token) ? (FRENCH_HOUR.test(token) ? 'fr' : 'en') : undefined;
  const kind = KINDS.get(token);
  if (!kind) return undefined;
  if ('word' in kind) {
    if (PAST_LEADS.has(tokens[i - 1] ?? '')) return undefined;
    if (token === 'morgen' && (GREETING_BEFORE_MORGEN.has(tokens[i - 1] ?? '') || GREETING_AFTER_MORGEN.has(tokens[i + 1] ?? ''))) return undefined;
    const shared = SHARED_MONTHS[token];
    if (shared) {
      const sign = LANGUAGE_SIGNS[tokens[i - 1] ?? ''] ?? LANGUAGE_SIGNS[tokens[i - 2] ?? ''];
      return sign && shared.includes(sign) ? sign : shared[0];
    }
    return kind.word;
  }
  if ('short' in kind) {
    if (isNumber(tokens[i + 1])) return QUANTITY_AFTER.has(tokens[i + 2] ?? '') ? undefined : kind.short;
    return isNumber(tokens[i - 1]) || SHORT_LEADS.has(tokens[i - 1] ?? '') ? kind.short : undefined;
  }
  // "next week", "in 3 weeks", "in a couple of weeks", "in zwei Wochen", "dans deux semaines"
  if (kind.unit === 'en' && (tokens[i - 1] === 'next' || tokens[i - 1] === 'this')) return 'en';
  for (let back = 1; back <= 3 && i - back > 0; back++) {
    const count = tokens[i - back]!;
    if (!isNumber(count) && !COUNT_WORDS.has(count)) return undefined;
    const leads = SPAN_LEADS[tokens[i - back - 1]!];
    if (leads) return leads.includes(kind.unit) ? kind.unit : token === 'minutes' && leads[0] === 'fr' ? 'fr' : undefined;
  }
  return undefined;
}

/**
 * Dates written in numbers. An ISO day (2026-12-20) is always a date. A slash date counts only where a
 * date is expected, after "on", "by", a weekday... or before a time ("12/20 at 3pm"): in "4/5 pipelines
 * green", "14/20 services" or "24/7" it is a count.
 */
// Not a longer id that starts like one ("invoice 2025-03-11-004").
const ISO_DAY = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d]|-\d)/;
// A dotted day counts with its year ("am 05.04.2025"); without one chrono does not read it, and "5.2.0" is a version.
const DOTTED_DAY = /(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])/;
const SLASH_DAY = /(?<![\d/])\d{1,2}\/\d{1,2}(?:\/(?:\d{4}|\d{2}))?(?![\d/%])/g;
const SLASH_LEADS = new Set(['on', 'by', 'until', 'till', 'due', 'from', 'before', 'after', 'am', 'bis', 'ab', 'vom', 'le', 'el', 'del', 'au', 'jusqu']);
const WORD_BEFORE = /([\p{L}]+)[\s,]*$/u;
const WORD_AFTER = /^\s*([\p{L}]+)/u;
// "on 3/4 of the days", "on 24/7 standby": a share, not a day.
const SHARE_AFTER = new Set(['of', 'von', 'der', 'de', 'des', 'du', 'del', 'standby', 'support', 'coverage', 'people', 'persons']);
const TIME_AFTER = /^\s*(?:(?:at|um|à|a las)\s*\d{1,2}(?![\d/])|\d{1,2}(?::\d\d|\s?(?:am|pm|h\b|uhr)))/;

/** Where the first numeric date is in `text`, or -1. */
export function numericDateIndex(text: string): number {
  const dash = text.indexOf('-');
  if (dash >= 0) {
    const iso = ISO_DAY.exec(text);
    if (iso) return iso.index;
  }
  if (text.indexOf('.') >= 0) {
    const dotted = DOTTED_DAY.exec(text);
    if (dotted) return dotted.index;
  }
  if (text.indexOf('/') < 0) return -1;
  SLASH_DAY.lastIndex = 0;
  for (let match = SLASH_DAY.exec(text); match; match = SLASH_DAY.exec(text)) {
    if (match[0] === '24/7') continue;
    const follower = WORD_AFTER.exec(text.slice(match.index + match[0].length, match.index + match[0].length + 16))?.[1];
    if (follower !== undefined && SHARE_AFTER.has(follower)) continue;
    const lead = WORD_BEFORE.exec(text.slice(Math.max(0, match.index - 16), match.index))?.[1];
    // A weekday or month before it ("friday 11/12"), not a unit ("week 2/4", "Tag 2/5").
    const kind = lead === undefined ? undefined : KINDS.get(lead);
    if (lead !== undefined && (SLASH_LEADS.has(lead) || (kind !== undefined && 'word' in kind))) return match.index;
    if (TIME_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 16))) return match.index;
  }
  return -1;
}

const BARE_HOUR = /^\d{1,2}$/;

function isUnit(token: string): boolean {
  const kind = KINDS.get(token);
  return kind !== undefined && 'unit' in kind;
}

/** A bare hour after the word for "at" ("call at 3", "um 4", "a las 10", "à 9"): its language, if it is one. */
function bareHourAt(tokens: readonly string[], i: number): DateLanguage | undefined {
  const token = tokens[i]!;
  if (!BARE_HOUR.test(token) || Number(token) > 23) return undefined;
  const language = HOUR_LEADS.get(tokens[i - 1] ?? '');
  if (!language) return undefined;
  const next = tokens[i + 1];
  if (next === undefined || (language === 'es' && next === 'de')) return language; // "a las 5 de la tarde"
  if (HOUR_WORDS.get(next) === language) return language; // "à 10 heures", "a las 10 horas"
  return QUANTITY_NOUNS.has(next) || isUnit(next) ? undefined : language;
}

// Before a month name, these make it a date ("in March", "by December"); without one and without a day
// beside it, the month is a topic ("the march numbers", "the december budget") and a time wins over it.
const MONTH_LEADS = new Set(['in', 'on', 'by', 'until', 'till', 'from', 'since', 'early', 'mid', 'late', 'end', 'next', 'this', 'of', 'im', 'ab', 'bis', 'ende', 'anfang', 'mitte', 'en', 'dans', 'de', 'para', 'hasta', 'au', 'fin', 'début']);

function isMonthTopic(tokens: readonly string[], i: number): boolean {
  if (!MONTH_NAMES.has(tokens[i]!)) return false;
  return !isNumber(tokens[i - 1]) && !isNumber(tokens[i + 1]) && !MONTH_LEADS.has(tokens[i - 1] ?? '');
}

const KIND_ORDER: MentionKind[] = ['day', 'span', 'time', 'topic'];

/**
 * Where the message names a day or a time; cheap enough for every message. The first of each kind is
 * kept, and they are read in the order day, span, time, topic: a day wins over a span or an hour
 * elsewhere in the message ("we shipped it in 2 weeks, demo on friday at 3"), and the hour is what the
 * resolver joins to a day that has none ("the bus leaves at 8:00 sharp on friday") or reads when the day
 * lies behind ("call at 3 about last friday"). A month or day named as a topic ("the march numbers",
 * "friday's demo") comes last.
 */
export function findDateMention(prose: string, tokens: readonly string[]): DateMention | undefined {
  const found: Partial<Record<MentionKind, DateMention>> = {};
  const keep = (kind: MentionKind, i: number, language: DateLanguage) => (found[kind] ??= { index: tokenIndex(prose, tokens, i), language, kind });
  for (let i = 0; i < tokens.length; i++) {
    const language = languageAt(tokens, i);
    if (!language) {
      const hourLanguage = found.time ? undefined : bareHourAt(tokens, i);
      if (hourLanguage) keep('time', i, hourLanguage);
      continue;
    }
    const token = tokens[i]!;
    if (TIME_TOKEN.test(token)) keep('time', i, language);
    else if (token === 'uhr') keep('time', isNumber(tokens[i - 1]) ? i - 1 : i, language); // "ab 19 Uhr"
    else if (isMonthTopic(tokens, i) || tokens[i + 1] === 's') keep('topic', i, language);
    else if (isUnit(token)) keep('span', i, language);
    else keep('day', i, language);
  }
  const numeric = numericDateIndex(prose);
  if (numeric >= 0 && (!found.day || numeric < found.day.index)) {
    found.day = { index: numeric, language: found.day?.language ?? found.time?.language ?? 'en', kind: 'day' };
  }
  if (prose.indexOf(':') >= 0) {
    const clock = CLOCK.exec(prose);
    if (clock && (!found.time || clock.index < found.time.index)) found.time = { index: clock.index, language: found.time?.language ?? 'en', kind: 'time' };
  }
  let first: DateMention | undefined;
  for (let k = KIND_ORDER.length - 1; k >= 0; k--) {
    const mention = found[KIND_ORDER[k]!];
    if (mention) first = { ...mention, fallback: first };
  }
  return first;
}

/** Whether a clock time ("14:00") or a numbered day or hour ("23rd", "10am", "16h") appears: the forms no word list covers. */
export function mentionsNumericDate(prose: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (isNumber(token) && token.length <= 4 && NUMBERED.test(token)) return true;
  return prose.indexOf(':') >= 0 && CLOCK.test(prose);
}
