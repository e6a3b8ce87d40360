import * as chrono from 'chrono-node';

/**
 * Dates in a message. A cheap regex says whether the text names a day or time at all; only then, and
 * only on a window around that word, does chrono (accurate but about 100x slower) work out when.
 */

export type DateLanguage = 'en' | 'de' | 'es' | 'fr' | 'hu';

export interface DateMention {
  index: number;
  language: DateLanguage;
}

const B = '(?<![a-z0-9\\u00c0-\\u024f])';
const E = '(?![a-z0-9\\u00c0-\\u024f])';
const EN =
  'today|tonight|tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|' +
  'next (?:week|month|quarter|year|sprint)|this (?:week|afternoon|evening|month)|end of (?:the )?(?:day|week|month|quarter)|eod|eow|' +
  'in \\d+ ?(?:min(?:ute)?s?|hours?|days?|weeks?|months?)|\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}:\\d{2}|\\d{1,2} ?(?:am|pm)|at :\\d\\d';
const DE = 'heute|morgen|übermorgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|juni|juli|oktober|dezember|nächste[nr]? woche|\\d{1,2} uhr';
const ES = 'hoy|mañana|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|próxim[oa] (?:semana|mes)|a las \\d';
const FR = "aujourd'hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|prochaine?|\\d{1,2}h(?:\\d\\d)?";
const HU = 'ma|holnap|hétfő\\w*|kedd\\w*|szerd\\w*|csütörtök\\w*|péntek\\w*|szombat\\w*|vasárnap\\w*|jövő \\w+|\\d{1,2} órakor|januárban|februárban|márciusban|áprilisban|májusban|júniusban|júliusban|augusztusban|szeptemberben|októberben|novemberben|decemberben';
const DATE_WORD = new RegExp(`${B}(?:(${EN})|(${DE})|(${ES})|(${FR})|(${HU}))${E}`);
const PAST = new RegExp(`${B}(?:yesterday|last (?:week|month|night|year|monday|tuesday|wednesday|thursday|friday)|\\d+ (?:min|mins|minutes|hours|days|weeks) ago|gestern|ayer|hier|tegnap)${E}`);

const LANGUAGES: DateLanguage[] = ['en', 'de', 'es', 'fr', 'hu'];

/** The first word in lower-cased prose that names a day or a time, if any. */
export function findDateMention(prose: string): DateMention | undefined {
  const match = DATE_WORD.exec(prose);
  if (!match) return undefined;
  for (let g = 1; g <= LANGUAGES.length; g++) if (match[g] !== undefined) return { index: match.index, language: LANGUAGES[g - 1]! };
  return undefined;
}

export function mentionsPastDate(prose: string): boolean {
  return PAST.test(prose);
}

// Hungarian has no chrono locale; it still counts as a date mention for scoring.
const PARSERS: Partial<Record<DateLanguage, chrono.Chrono>> = { en: chrono.en.casual, de: chrono.de.casual, es: chrono.es.casual, fr: chrono.fr.casual };
const NOT_A_DATE = /^(?:now|right now|just now)$/;
const WINDOW_BEFORE = 24;
const WINDOW_AFTER = 40;

// Offsets change only at whole hours in practice, so one lookup per zone and hour is enough.
const offsetMemo = new Map<string, number>();

function offsetMinutes(timezone: string, at: number): number {
  const key = `${timezone}|${Math.floor(at / 3_600_000)}`;
  const known = offsetMemo.get(key);
  if (known !== undefined) return known;
  let offset = 0;
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    offset = Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
  } catch {
    offset = 0;
  }
  if (offsetMemo.size > 2048) offsetMemo.clear();
  offsetMemo.set(key, offset);
  return offset;
}

/** The first future moment chrono finds near the date word, as epoch ms; undefined when none. */
export function resolveDate(prose: string, mention: DateMention, now: number, timezone = 'UTC'): number | undefined {
  const parser = PARSERS[mention.language];
  if (!parser) return undefined;
  let start = Math.max(0, mention.index - WINDOW_BEFORE);
  const space = prose.lastIndexOf(' ', start);
  if (start > 0 && space >= 0 && mention.index - space <= WINDOW_BEFORE + 12) start = space + 1;
  const window = prose.slice(start, mention.index + WINDOW_AFTER);
  const results = parser.parse(window, { instant: new Date(now), timezone: offsetMinutes(timezone, now) }, { forwardDate: true });
  for (const result of results) {
    if (NOT_A_DATE.test(result.text.trim())) continue;
    const at = result.start.date().getTime();
    if (at > now) return at;
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
