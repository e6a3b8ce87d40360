import { AREAS, AREA_INFO, type Area } from './areas';
import { COUNTER, countsByChannel, sumCounts, weeksEndingAt, type WeekCounts } from './evaluation';
import { NUDGE_RULE, type NudgeCode } from './nudge';
import { suggestionsFor, type Suggestion } from './report-suggestions';

/**
 * The arithmetic of `/quadrant report` and the weekly report: period totals from weekly counts, the change
 * against the previous period, and what the figures suggest. Plain data; slack/blocks/report-blocks.ts and
 * core/report-csv.ts choose the words and the layout.
 */

export type ReportPeriod = 'week' | 'month';

/** A period's weeks (ISO week ids, oldest first) and the same number of weeks just before them. */
export interface PeriodWeeks {
  period: ReportPeriod;
  current: string[];
  previous: string[];
}

/** "week": the week containing `at` (so far) against the whole week before; "month": the last four weeks against the four before. */
export function periodWeeks(period: ReportPeriod, at: number, timezone: string): PeriodWeeks {
  const n = period === 'week' ? 1 : 4;
  const all = weeksEndingAt(at, timezone, 2 * n);
  return { period, current: all.slice(n), previous: all.slice(0, n) };
}

const NUDGE_CODES = Object.keys(NUDGE_RULE) as NudgeCode[];
const byArea = (counts: WeekCounts, field: (a: Area) => string) => Object.fromEntries(AREAS.map((a) => [a, counts[field(a)] ?? 0])) as Record<Area, number>;
const average = (sumSeconds: number, count: number) => (count > 0 ? Math.round((sumSeconds / count) * 1000) : undefined);

/** One period's figures. Averages are milliseconds and undefined when nothing was counted. */
export interface Figures {
  messages: Record<Area, number>;
  totalMessages: number;
  asyncMessages: number;
  /** Async share of classified messages (0..1); undefined with no messages. */
  asyncShare: number | undefined;
  broadcasts: number;
  broadcastFyis: number;
  filed: number;
  filedByArea: Record<Area, number>;
  done: number;
  doneWithinDay: number;
  avgTimeToDone: number | undefined;
  digests: number;
  digestItems: number;
  nudges: Record<NudgeCode, number>;
  nudgesSent: number;
  nudgesAccepted: number;
  nudgesKept: number;
  /** Sent but neither taken up nor answered "Keep as is". */
  nudgesUnanswered: number;
  meetingsMadeAsync: number;
  offlineShortNotice: number;
  quietHeld: number;
  emergencies: number;
  notEmergency: number;
  pages: number;
  pagesFailed: number;
  acknowledged: number;
  /** Neither acknowledged nor closed as "not an emergency" before anyone acknowledged it. */
  unacknowledged: number;
  avgTimeToAck: number | undefined;
  resolved: number;
  avgTimeToResolve: number | undefined;
  corrections: Record<Area, number>;
  totalCorrections: number;
  hubPosted: number;
  hubDecided: number;
}

export function figuresOf(counts: WeekCounts): Figures {
  const c = (field: string) => counts[field] ?? 0;
  const messages = byArea(counts, COUNTER.message);
  const totalMessages = AREAS.reduce((s, a) => s + messages[a], 0);
  const asyncMessages = AREAS.filter((a) => !AREA_INFO[a].sync).reduce((s, a) => s + messages[a], 0);
  const nudges = Object.fromEntries(NUDGE_CODES.map((code) => [code, c(COUNTER.nudge(code))])) as Record<NudgeCode, number>;
  const nudgesSent = NUDGE_CODES.reduce((s, code) => s + nudges[code], 0);
  const corrections = byArea(counts, COUNTER.correction);
  return {
    messages,
    totalMessages,
    asyncMessages,
    asyncShare: totalMessages > 0 ? asyncMessages / totalMessages : undefined,
    broadcasts: c(COUNTER.broadcasts),
    broadcastFyis: c(COUNTER.broadcastFyis),
    filed: c(COUNTER.filed),
    filedByArea: byArea(counts, COUNTER.filedIn),
    done: c(COUNTER.done),
    doneWithinDay: c(COUNTER.doneWithinDay),
    avgTimeToDone: average(c(COUNTER.doneSeconds), c(COUNTER.done)),
    digests: c(COUNTER.digests),
    digestItems: c(COUNTER.digestItems),
    nudges,
    nudgesSent,
    nudgesAccepted: c(COUNTER.nudgesAccepted),
    nudgesKept: c(COUNTER.nudgesKept),
    nudgesUnanswered: Math.max(0, nudgesSent - c(COUNTER.nudgesAccepted) - c(COUNTER.nudgesKept)),
    meetingsMadeAsync: c(COUNTER.madeAsync),
    offlineShortNotice: c(COUNTER.offlineShortNotice),
    quietHeld: c(COUNTER.quietHeld),
    emergencies: c(COUNTER.emergencies),
    notEmergency: c(COUNTER.notEmergency),
    pages: c(COUNTER.pages),
    pagesFailed: c(COUNTER.pagesFailed),
    acknowledged: c(COUNTER.acknowledged),
    unacknowledged: Math.max(0, c(COUNTER.emergencies) - c(COUNTER.acknowledged) - c(COUNTER.notEmergencyUnacked)),
    avgTimeToAck: average(c(COUNTER.ackSeconds), c(COUNTER.acknowledged)),
    resolved: c(COUNTER.resolved),
    avgTimeToResolve: average(c(COUNTER.resolveSeconds), c(COUNTER.resolved)),
    corrections,
    totalCorrections: AREAS.reduce((s, a) => s + corrections[a], 0),
    hubPosted: c(COUNTER.hubPosted),
    hubDecided: c(COUNTER.hubDecided),
  };
}

// ---- the table: each figure with its change

export const METRICS = [
  'messages', 'async_share', 'broadcasts', 'broadcast_fyis',
  'filed', 'done', 'done_within_day', 'avg_time_to_done', 'digests',
  'nudges_sent', 'nudges_accepted', 'nudges_kept', 'nudges_unanswered', 'meetings_made_async', 'offline_short_notice', 'quiet_held',
  'emergencies', 'not_emergency', 'pages', 'pages_failed', 'acknowledged', 'avg_time_to_ack', 'resolved', 'avg_time_to_resolve',
  'corrections', 'hub_posted', 'hub_decided',
] as const;
export type MetricId = (typeof METRICS)[number];
export type MetricUnit = 'count' | 'share' | 'duration';

/** How a figure moved: percent for counts and durations, percentage points for shares. */
export type Change =
  | { kind: 'same' }
  | { kind: 'new' }
  | { kind: 'gone' }
  | { kind: 'percent'; value: number }
  | { kind: 'points'; value: number }
  | { kind: 'unknown' };

export interface MetricRow {
  id: MetricId;
  unit: MetricUnit;
  current: number | undefined;
  previous: number | undefined;
  change: Change;
}

const UNIT: Partial<Record<MetricId, MetricUnit>> = {
  async_share: 'share',
  avg_time_to_done: 'duration',
  avg_time_to_ack: 'duration',
  avg_time_to_resolve: 'duration',
};

/** A figure by metric id (shares 0..1, durations ms). */
export function metricValue(f: Figures, id: MetricId): number | undefined {
  switch (id) {
    case 'messages': return f.totalMessages;
    case 'async_share': return f.asyncShare;
    case 'broadcasts': return f.broadcasts;
    case 'broadcast_fyis': return f.broadcastFyis;
    case 'filed': return f.filed;
    case 'done': return f.done;
    case 'done_within_day': return f.doneWithinDay;
    case 'avg_time_to_done': return f.avgTimeToDone;
    case 'digests': return f.digests;
    case 'nudges_sent': return f.nudgesSent;
    case 'nudges_accepted': return f.nudgesAccepted;
    case 'nudges_kept': return f.nudgesKept;
    case 'nudges_unanswered': return f.nudgesUnanswered;
    case 'meetings_made_async': return f.meetingsMadeAsync;
    case 'offline_short_notice': return f.offlineShortNotice;
    case 'quiet_held': return f.quietHeld;
    case 'emergencies': return f.emergencies;
    case 'not_emergency': return f.notEmergency;
    case 'pages': return f.pages;
    case 'pages_failed': return f.pagesFailed;
    case 'acknowledged': return f.acknowledged;
    case 'avg_time_to_ack': return f.avgTimeToAck;
    case 'resolved': return f.resolved;
    case 'avg_time_to_resolve': return f.avgTimeToResolve;
    case 'corrections': return f.totalCorrections;
    case 'hub_posted': return f.hubPosted;
    case 'hub_decided': return f.hubDecided;
  }
}

/** Percent change rounded to a whole number; a share's change in whole percentage points. */
export function changeOf(unit: MetricUnit, current: number | undefined, previous: number | undefined): Change {
  if (current === undefined || previous === undefined) return { kind: 'unknown' };
  if (unit === 'share') {
    const points = Math.round(current * 100) - Math.round(previous * 100);
    return points === 0 ? { kind: 'same' } : { kind: 'points', value: points };
  }
  if (current === previous) return { kind: 'same' };
  if (previous === 0) return { kind: 'new' };
  if (current === 0) return { kind: 'gone' };
  const value = Math.round(((current - previous) / previous) * 100);
  return value === 0 ? { kind: 'same' } : { kind: 'percent', value };
}

export function metricRows(current: Figures, previous: Figures): MetricRow[] {
  return METRICS.map((id) => {
    const unit = UNIT[id] ?? 'count';
    const cur = metricValue(current, id);
    const prev = metricValue(previous, id);
    return { id, unit, current: cur, previous: prev, change: changeOf(unit, cur, prev) };
  });
}

export interface Report {
  weeks: PeriodWeeks;
  current: Figures;
  previous: Figures;
  rows: MetricRow[];
  suggestions: Suggestion[];
}

/** The report for a period from the weekly counts of its weeks and of the weeks before. */
export function buildReport(weeks: PeriodWeeks, current: readonly WeekCounts[], previous: readonly WeekCounts[]): Report {
  const cur = figuresOf(sumCounts(current));
  const prev = figuresOf(sumCounts(previous));
  return { weeks, current: cur, previous: prev, rows: metricRows(cur, prev), suggestions: suggestionsFor(cur, prev) };
}

/** One channel's figures over a period, for the report's "busiest channels". */
export interface ChannelFigures {
  channel: string;
  messages: number;
  asyncShare: number | undefined;
  broadcastFyis: number;
  nudgesSent: number;
}

/** The channels with the most classified messages over the weeks given (channel weeks as stored), most first. */
export function topChannels(channelWeeks: readonly WeekCounts[], limit: number): ChannelFigures[] {
  const perChannel = new Map<string, Array<Record<string, number>>>();
  for (const week of channelWeeks) {
    for (const [channel, counts] of Object.entries(countsByChannel(week))) {
      const list = perChannel.get(channel) ?? [];
      list.push(counts);
      perChannel.set(channel, list);
    }
  }
  return [...perChannel.entries()]
    .map(([channel, weeks]) => {
      const f = figuresOf(sumCounts(weeks));
      return { channel, messages: f.totalMessages, asyncShare: f.asyncShare, broadcastFyis: f.broadcastFyis, nudgesSent: f.nudgesSent };
    })
    .filter((c) => c.messages > 0)
    .sort((a, b) => b.messages - a.messages || a.channel.localeCompare(b.channel))
    .slice(0, limit);
}
