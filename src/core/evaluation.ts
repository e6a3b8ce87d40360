import { DateTime } from 'luxon';
import type { Area } from './areas';
import type { NudgeCode } from './nudge';

/**
 * What the framework counts to judge whether it works, and how those counts are laid out. Counts live in
 * one small hash per workspace and week (plus one per channel and week, and a short-lived one per person
 * and week for their own App Home); this module turns events into field increments and names the weeks.
 * Durations are summed in whole seconds beside a count, so averages need no per-event storage.
 */
export type EvaluationEvent =
  /** A person's channel message, classified. `fyi`: a broadcast (@here/@channel/@everyone) that was a plain FYI. */
  | { kind: 'message'; channel: string; user: string; area: Area; broadcast: boolean; fyi: boolean }
  | { kind: 'item_filed'; channel: string; user: string; area: Area }
  /** An item marked done; `ageMs` from filing to done. `user` is the item's author. */
  | { kind: 'item_done'; user: string; ageMs: number }
  | { kind: 'digest_posted'; channel: string; items: number }
  | { kind: 'nudge_sent'; channel: string; code: NudgeCode }
  /** The author took the nudge's suggestion (`accepted`) or pressed "Keep as is" (`kept`). */
  | { kind: 'nudge_answered'; channel: string; answer: 'accepted' | 'kept' }
  | { kind: 'meeting_made_async'; channel: string }
  | { kind: 'offline_short_notice'; channel: string }
  /** A nudge the bot kept to itself because it was the author's quiet hours. */
  | { kind: 'quiet_held'; channel: string }
  | { kind: 'emergency_declared' }
  | { kind: 'page'; ok: boolean }
  | { kind: 'emergency_acknowledged'; afterMs: number }
  | { kind: 'emergency_resolved'; afterMs: number }
  /** Closed as not an emergency; `acknowledged`: someone had acknowledged it first (absent: nobody had). */
  | { kind: 'not_emergency'; acknowledged?: boolean }
  /** Someone moved an item into `area` against the classifier's verdict. */
  | { kind: 'correction'; area: Area }
  | { kind: 'hub_posted' }
  | { kind: 'hub_decided' };

/** Where an increment goes: the workspace's week, a channel's week, a person's week, or the people ranking. */
export type Scope = 'team' | 'channel' | 'user' | 'people';

export interface Increment {
  scope: Scope;
  /** Counter name; for `channel` scope `<channel>|<counter>`; for `people` the user id. */
  field: string;
  by: number;
}

/** Counter names, short because each one is stored once per week for every workspace. */
export const COUNTER = {
  message: (area: Area) => `msg:${area}`,
  broadcasts: 'bcast',
  broadcastFyis: 'bcast_fyi',
  filed: 'filed',
  filedIn: (area: Area) => `filed:${area}`,
  done: 'done',
  doneSeconds: 'done_s',
  doneWithinDay: 'done_1d',
  digests: 'digests',
  digestItems: 'digest_items',
  nudge: (code: NudgeCode) => `nudge:${code}`,
  nudgesAccepted: 'nudge_accepted',
  nudgesKept: 'nudge_kept',
  madeAsync: 'made_async',
  offlineShortNotice: 'offline_short',
  quietHeld: 'quiet_held',
  emergencies: 'emerg',
  pages: 'pages',
  pagesFailed: 'pages_failed',
  acknowledged: 'acked',
  ackSeconds: 'ack_s',
  resolved: 'resolved',
  resolveSeconds: 'resolve_s',
  notEmergency: 'not_emerg',
  /** Closed as not an emergency without an acknowledgement first: what "never acknowledged" leaves out. */
  notEmergencyUnacked: 'not_emerg_unacked',
  correction: (area: Area) => `corr:${area}`,
  hubPosted: 'hub_posted',
  hubDecided: 'hub_decided',
  /** Personal counters only. */
  messages: 'msgs',
} as const;

const DAY_MS = 86_400_000;
const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));

/** The counters one event adds to. */
export function incrementsFor(event: EvaluationEvent): Increment[] {
  const team = (field: string, by = 1): Increment => ({ scope: 'team', field, by });
  const channel = (id: string, field: string, by = 1): Increment => ({ scope: 'channel', field: `${id}|${field}`, by });
  const user = (field: string, by = 1): Increment => ({ scope: 'user', field, by });
  switch (event.kind) {
    case 'message': {
      const out = [team(COUNTER.message(event.area)), channel(event.channel, COUNTER.message(event.area)), user(COUNTER.messages)];
      if (event.broadcast) out.push(team(COUNTER.broadcasts), channel(event.channel, COUNTER.broadcasts), user(COUNTER.broadcasts));
      if (event.broadcast && event.fyi) {
        out.push(team(COUNTER.broadcastFyis), channel(event.channel, COUNTER.broadcastFyis), user(COUNTER.broadcastFyis), { scope: 'people', field: event.user, by: 1 });
      }
      return out;
    }
    case 'item_filed':
      return [team(COUNTER.filed), team(COUNTER.filedIn(event.area)), channel(event.channel, COUNTER.filed), user(COUNTER.filed)];
    case 'item_done': {
      const out = [team(COUNTER.done), team(COUNTER.doneSeconds, seconds(event.ageMs)), user(COUNTER.done)];
      if (event.ageMs <= DAY_MS) out.push(team(COUNTER.doneWithinDay), user(COUNTER.doneWithinDay));
      return out;
    }
    case 'digest_posted':
      return [team(COUNTER.digests), team(COUNTER.digestItems, event.items), channel(event.channel, COUNTER.digests)];
    case 'nudge_sent':
      return [team(COUNTER.nudge(event.code)), channel(event.channel, COUNTER.nudge(event.code))];
    case 'nudge_answered': {
      const field = event.answer === 'accepted' ? COUNTER.nudgesAccepted : COUNTER.nudgesKept;
      return [team(field), channel(event.channel, field)];
    }
    case 'meeting_made_async':
      return [team(COUNTER.madeAsync), channel(event.channel, COUNTER.madeAsync)];
    case 'offline_short_notice':
      return [team(COUNTER.offlineShortNotice), channel(event.channel, COUNTER.offlineShortNotice)];
    case 'quiet_held':
      return [team(COUNTER.quietHeld), channel(event.channel, COUNTER.quietHeld)];
    case 'emergency_declared':
      return [team(COUNTER.emergencies)];
    case 'page':
      return event.ok ? [team(COUNTER.pages)] : [team(COUNTER.pages), team(COUNTER.pagesFailed)];
    case 'emergency_acknowledged':
      return [team(COUNTER.acknowledged), team(COUNTER.ackSeconds, seconds(event.afterMs))];
    case 'emergency_resolved':
      return [team(COUNTER.resolved), team(COUNTER.resolveSeconds, seconds(event.afterMs))];
    case 'not_emergency':
      return event.acknowledged ? [team(COUNTER.notEmergency)] : [team(COUNTER.notEmergency), team(COUNTER.notEmergencyUnacked)];
    case 'correction':
      return [team(COUNTER.correction(event.area))];
    case 'hub_posted':
      return [team(COUNTER.hubPosted)];
    case 'hub_decided':
      return [team(COUNTER.hubDecided)];
  }
}

/** Counts of one week (or several summed): counter name -> number; a missing counter is 0. */
export type WeekCounts = Readonly<Record<string, number>>;

export function sumCounts(weeks: readonly WeekCounts[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const week of weeks) for (const [field, n] of Object.entries(week)) out[field] = (out[field] ?? 0) + n;
  return out;
}

/** Splits a channel week's fields (`<channel>|<counter>`) into counts per channel. */
export function countsByChannel(fields: WeekCounts): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [key, n] of Object.entries(fields)) {
    const bar = key.indexOf('|');
    if (bar < 0) continue;
    const channel = key.slice(0, bar);
    (out[channel] ??= {})[key.slice(bar + 1)] = n;
  }
  return out;
}

// ---- weeks

/** ISO weeks (Monday to Sunday) in the workspace's zone: "2026-W14". */
export function weekOf(at: number, timezone: string): string {
  return DateTime.fromMillis(at, { zone: timezone }).toFormat("kkkk-'W'WW");
}

function weekStart(at: number, timezone: string): DateTime {
  return DateTime.fromMillis(at, { zone: timezone }).startOf('week');
}

/** The `count` weeks ending with the one containing `at`, oldest first. */
export function weeksEndingAt(at: number, timezone: string, count: number): string[] {
  const start = weekStart(at, timezone);
  return Array.from({ length: count }, (_, i) => start.minus({ weeks: count - 1 - i }).toFormat("kkkk-'W'WW"));
}

/** When the week containing `at` ends (the next Monday 00:00 local), epoch ms. */
export function weekEndsAt(at: number, timezone: string): number {
  return weekStart(at, timezone).plus({ weeks: 1 }).toMillis();
}

/** The first moment of an ISO week id, epoch ms; undefined for a malformed id. */
export function weekStartsAt(week: string, timezone: string): number | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return undefined;
  const start = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone: timezone });
  return start.isValid ? start.toMillis() : undefined;
}

/** Personal counters are only shown for this week and the last, so they go a week after their week ends. */
const PERSONAL_GRACE_MS = 8 * DAY_MS;

/** Which week an event at `at` counts in, and until when (epoch seconds) each kind of key is kept. */
export interface WeekRef {
  week: string;
  /** Workspace and channel counts: `retentionWeeks` full weeks after their week ends. */
  expireAt: number;
  /** Personal counts and the people ranking. */
  personalExpireAt: number;
}

/** Whether a week's personal counts and people ranking are still kept at `now` (see PERSONAL_GRACE_MS). */
export function personalWeekKept(week: string, now: number, timezone: string): boolean {
  const start = weekStartsAt(week, timezone);
  return start !== undefined && weekEndsAt(start, timezone) + PERSONAL_GRACE_MS > now;
}

export function weekRefAt(at: number, timezone: string, retentionWeeks: number): WeekRef {
  const end = weekEndsAt(at, timezone);
  return {
    week: weekOf(at, timezone),
    expireAt: Math.ceil((end + retentionWeeks * 7 * DAY_MS) / 1000),
    personalExpireAt: Math.ceil((end + PERSONAL_GRACE_MS) / 1000),
  };
}
