import { AREA_INFO, AREAS } from '../../core/areas';
import type { Change, MetricId, MetricRow } from '../../core/report';
import type { Suggestion } from '../../core/report-suggestions';

/** The words of the evaluation report: one place for metric labels, changes and suggestions. */

export const METRIC_LABEL: Record<MetricId, string> = {
  messages: 'Messages classified',
  async_share: 'Async share',
  broadcasts: '@here / @channel / @everyone',
  broadcast_fyis: '…of which FYIs',
  filed: 'Async items filed',
  done: 'Items done',
  done_within_day: '…done within a day',
  avg_time_to_done: 'Average time to done',
  digests: 'Digests posted',
  nudges_sent: 'Nudges sent',
  nudges_accepted: '…taken up',
  nudges_kept: '…kept as is',
  nudges_unanswered: '…no answer',
  meetings_made_async: 'Meeting requests turned async',
  offline_short_notice: 'Offline activities with too little notice',
  quiet_held: 'Nudges held back for quiet hours',
  emergencies: 'Emergencies declared',
  not_emergency: '…closed as not an emergency',
  pages: 'Pages sent',
  pages_failed: '…failed',
  acknowledged: 'Emergencies acknowledged',
  avg_time_to_ack: 'Average time to acknowledge',
  resolved: 'Emergencies resolved',
  avg_time_to_resolve: 'Average time to resolve',
  corrections: 'Classifier corrections',
  hub_posted: 'Hub items posted',
  hub_decided: 'Hub items decided',
};

/** Report sections, in order, with the metrics each shows. */
export const REPORT_SECTIONS: Array<{ title: string; metrics: MetricId[] }> = [
  { title: 'Messages', metrics: ['messages', 'async_share', 'broadcasts', 'broadcast_fyis'] },
  { title: 'Async work', metrics: ['filed', 'done', 'done_within_day', 'avg_time_to_done', 'digests', 'hub_posted', 'hub_decided'] },
  { title: 'Nudges', metrics: ['nudges_sent', 'nudges_accepted', 'nudges_kept', 'nudges_unanswered', 'meetings_made_async', 'offline_short_notice', 'quiet_held'] },
  { title: 'Emergencies', metrics: ['emergencies', 'not_emergency', 'pages', 'pages_failed', 'acknowledged', 'avg_time_to_ack', 'resolved', 'avg_time_to_resolve'] },
  { title: 'Classifier', metrics: ['corrections'] },
];

/** "45s", "12m", "3h 20m", "2d 4h": two units at most, rounded down. */
export function formatSpan(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`;
}

export function formatValue(row: Pick<MetricRow, 'unit'>, value: number | undefined): string {
  if (value === undefined) return '–';
  if (row.unit === 'share') return `${Math.round(value * 100)}%`;
  if (row.unit === 'duration') return formatSpan(value);
  return String(value);
}

export function formatChange(change: Change): string {
  switch (change.kind) {
    case 'same':
      return 'no change';
    case 'new':
      return 'new';
    case 'gone':
      return 'down to none';
    case 'percent':
      return `${change.value > 0 ? '+' : '−'}${Math.abs(change.value)}%`;
    case 'points':
      return `${change.value > 0 ? '+' : '−'}${Math.abs(change.value)} pts`;
    case 'unknown':
      return '';
  }
}

/** "Async items filed: *9* (+50% from 6)". */
export function metricLine(row: MetricRow): string {
  const change = formatChange(row.change);
  const from = row.change.kind === 'percent' || row.change.kind === 'points' ? ` from ${formatValue(row, row.previous)}` : '';
  return `${METRIC_LABEL[row.id]}: *${formatValue(row, row.current)}*${change ? ` (${change}${from})` : ''}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function suggestionText(s: Suggestion): string {
  switch (s.code) {
    case 'broadcast_fyis':
      return `${s.percent}% of @here / @channel messages were FYIs (${s.fyis} of ${s.broadcasts}): consider a digest channel for updates.`;
    case 'unacknowledged_emergencies':
      return `${s.count} of ${s.declared} ${plural(s.declared, 'emergency was', 'emergencies were')} never acknowledged: check the on-call tiers with \`/quadrant oncall test\`.`;
    case 'false_emergencies':
      return `${s.count} of ${s.declared} ${plural(s.declared, 'emergency was', 'emergencies were')} closed as "Not an emergency": remind people what counts as one.`;
    case 'short_notice':
      return `${s.count} offline ${plural(s.count, 'activity was', 'activities were')} announced with too little notice: plan them further ahead.`;
    case 'nudges_ignored':
      return `Only ${s.percent}% of ${s.sent} nudges were taken up: check that each channel's role fits how it is used (\`/quadrant channels\`).`;
    case 'items_left_open':
      return `Only ${s.percent}% of the ${s.filed} async items filed are done: go through the oldest ones in the digest.`;
    case 'corrections':
      return `The classifier was corrected ${s.count} times towards ${AREA_INFO[s.area].label}: add words for it under \`keywords:\` in the settings.`;
    case 'async_share_fell':
      return `The async share fell from ${s.from}% to ${s.to}%: see which channels moved back to calls and pings.`;
    case 'meetings_made_async':
      return `${s.count} meeting ${plural(s.count, 'request became an async item', 'requests became async items')} instead: keep it up.`;
  }
}

/** "Deep work 10 · Daily operations 84 · …" for per-area counts, zero areas left out. */
export function areaBreakdown(counts: Readonly<Record<(typeof AREAS)[number], number>>): string {
  const parts = AREAS.filter((a) => counts[a] > 0).map((a) => `${AREA_INFO[a].label} ${counts[a]}`);
  return parts.length ? parts.join(' · ') : 'none';
}
