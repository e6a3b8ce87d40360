import type { Weekday } from '../config/settings';
import { parseRoleWord, type ChannelRole } from './channel-role';

/** `/quadrant <sub>` as data: what the person asked for, before anyone checks whether they may. */
export type QuadrantCommand =
  | { kind: 'help' }
  | { kind: 'setup' }
  | { kind: 'config' }
  | { kind: 'channels' }
  | { kind: 'channels_set'; role: ChannelRole }
  | { kind: 'oncall' }
  | { kind: 'oncall_edit' }
  | { kind: 'oncall_test' }
  | { kind: 'digest' }
  | { kind: 'digest_now' }
  | { kind: 'report'; period: 'week' | 'month' | 'csv' }
  | { kind: 'history' }
  | { kind: 'export'; full: boolean }
  | { kind: 'import' }
  | { kind: 'erase'; user: string }
  | { kind: 'usage'; sub: 'channels_set' | 'erase' | 'report' | 'digest' | 'oncall' | 'export'; got?: string; problem?: UsageProblem; role?: string }
  | { kind: 'unknown'; word: string };

/**
 * What was wrong with `channels set`, when it is more than an unreadable word, so the reply can say it:
 * a role word that names no role, a digest time that is not a time, options on a role that takes none.
 */
export type UsageProblem = 'not_role' | 'not_time' | 'takes_no_options';

/** Subcommands that change something or reveal what only admins may see; the rest are read-only. */
const ADMIN_ONLY = new Set<QuadrantCommand['kind']>(['setup', 'channels_set', 'oncall_edit', 'oncall_test', 'digest_now', 'import', 'erase']);

export function needsAdmin(command: QuadrantCommand): boolean {
  return ADMIN_ONLY.has(command.kind) || (command.kind === 'export' && command.full);
}

// The week in order; typed against the schema's Weekday so a misspelt day cannot creep in.
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
// With should_escape on, a mention arrives as <@U123|name> (or <@U123>); a raw id also works.
const USER = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^@?([UW][A-Z0-9]{2,})$/;

export function parseQuadrantCommand(text: string): QuadrantCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first = 'help', second, ...rest] = words.map((w, i) => (i < 2 ? w.toLowerCase() : w));
  switch (first) {
    case 'help':
      return { kind: 'help' };
    case 'setup':
      return { kind: 'setup' };
    case 'config':
    case 'settings':
      return { kind: 'config' };
    case 'channels':
    case 'channel':
      if (second === undefined || second === 'list') return { kind: 'channels' };
      if (second !== 'set') return { kind: 'usage', sub: 'channels_set', got: second };
      return parseChannelsSet(rest);
    case 'oncall':
    case 'on-call':
      if (second === undefined) return { kind: 'oncall' };
      if (second === 'test') return { kind: 'oncall_test' };
      if (second === 'edit') return { kind: 'oncall_edit' };
      return { kind: 'usage', sub: 'oncall', got: second };
    case 'digest':
      if (second === undefined) return { kind: 'digest' };
      if (second === 'now') return { kind: 'digest_now' };
      return { kind: 'usage', sub: 'digest', got: second };
    case 'report': {
      const period = second ?? 'week';
      if (period === 'week' || period === 'month' || period === 'csv') return { kind: 'report', period };
      return { kind: 'usage', sub: 'report', got: second };
    }
    case 'history':
      return { kind: 'history' };
    case 'export':
      if (second === undefined) return { kind: 'export', full: false };
      if (second === 'full' || second === 'unmasked') return { kind: 'export', full: true };
      return { kind: 'usage', sub: 'export', got: second };
    case 'import':
      return { kind: 'import' };
    case 'erase': {
      const target = words[1] ? USER.exec(words[1]) : null;
      if (!target || words.length > 2) return { kind: 'usage', sub: 'erase', got: words.slice(1).join(' ') || undefined };
      return { kind: 'erase', user: (target[1] ?? target[2])! };
    }
    default:
      return { kind: 'unknown', word: first };
  }
}

/** `channels set <role> [HH:MM] [days]`, e.g. `channels set daily_operations 10:30 mon-fri`. */
function parseChannelsSet(words: string[]): QuadrantCommand {
  const [roleWord, ...options] = words;
  const role = roleWord ? parseRoleWord(roleWord) : undefined;
  if (!role) return { kind: 'usage', sub: 'channels_set', got: roleWord, ...(roleWord ? { problem: 'not_role' as const } : {}) };
  if (options.length === 0) return { kind: 'channels_set', role };
  if (role.kind !== 'area' || role.area !== 'daily_operations') return { kind: 'usage', sub: 'channels_set', got: options.join(' '), problem: 'takes_no_options', role: roleWord };
  const time = TIME.exec(options[0]!);
  if (!time) return { kind: 'usage', sub: 'channels_set', got: options[0], problem: 'not_time' };
  const at = `${time[1]!.padStart(2, '0')}:${time[2]}`;
  const days = options.length > 1 ? readDays(options.slice(1).join(' ')) : undefined;
  if (days && !days.ok) return { kind: 'usage', sub: 'channels_set', got: days.unreadable };
  return { kind: 'channels_set', role: { ...role, digest: { at, ...(days ? { days: days.days } : {}) } } };
}

const DAY_SETS: Record<string, Weekday[]> = {
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  weekends: ['sat', 'sun'],
  daily: [...WEEKDAYS],
  everyday: [...WEEKDAYS],
};

/** "mon-fri", "sun-thu", "mon,wed,fri", "mon wed", "weekdays", "daily" -> weekdays in week order; undefined if unreadable. */
export function parseDays(text: string): Weekday[] | undefined {
  const read = readDays(text);
  return read.ok ? read.days : undefined;
}

/** Like parseDays, but names the first part it could not read, so the reply can point at it. */
export function readDays(text: string): { ok: true; days: Weekday[] } | { ok: false; unreadable: string } {
  const chosen = new Set<Weekday>();
  const parts = text.toLowerCase().split(/[\s,]+/).filter(Boolean);
  for (const part of parts) {
    const named = DAY_SETS[part];
    if (named) {
      named.forEach((d) => chosen.add(d));
      continue;
    }
    const range = /^([a-z]+)-([a-z]+)$/.exec(part);
    if (range) {
      const from = dayOf(range[1]!);
      const to = dayOf(range[2]!);
      if (!from || !to) return { ok: false, unreadable: part };
      // Ranges wrap past Sunday: a Sunday-to-Thursday week is "sun-thu".
      for (let i = WEEKDAYS.indexOf(from); ; i = (i + 1) % WEEKDAYS.length) {
        chosen.add(WEEKDAYS[i]!);
        if (WEEKDAYS[i] === to) break;
      }
      continue;
    }
    const day = dayOf(part);
    if (!day) return { ok: false, unreadable: part };
    chosen.add(day);
  }
  if (chosen.size === 0) return { ok: false, unreadable: text.trim() };
  return { ok: true, days: WEEKDAYS.filter((d) => chosen.has(d)) };
}

const DAY_NAMES = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');

/** "mon", "tues", "Thursday" -> the weekday; anything that is not a prefix of a day name (of 3+ letters) -> undefined. */
function dayOf(word: string): Weekday | undefined {
  if (word.length < 3) return undefined;
  const i = DAY_NAMES.findIndex((full) => full.startsWith(word));
  return i < 0 ? undefined : WEEKDAYS[i];
}
