import { AREAS } from './areas';
import type { WeekCounts } from './evaluation';
import { figuresOf, METRICS, metricValue, type MetricId } from './report';

/**
 * `/quadrant report csv`: one row per week, oldest first, one column per figure, then messages and
 * corrections per area. Shares are fractions (0.42), durations whole seconds, missing averages empty.
 * Only counts: nothing in it names a person.
 */

const DURATIONS = new Set<MetricId>(['avg_time_to_done', 'avg_time_to_ack', 'avg_time_to_resolve']);

function cell(id: MetricId, value: number | undefined): string {
  if (value === undefined) return '';
  if (id === 'async_share') return value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  if (DURATIONS.has(id)) return String(Math.round(value / 1000));
  return String(value);
}

export const CSV_COLUMNS: string[] = [
  'week',
  ...METRICS.map((id) => (DURATIONS.has(id) ? `${id}_s` : id)),
  ...AREAS.map((a) => `messages_${a}`),
  ...AREAS.map((a) => `corrections_${a}`),
];

export function reportCsv(weeks: ReadonlyArray<{ week: string; counts: WeekCounts }>): string {
  const rows = weeks.map(({ week, counts }) => {
    const f = figuresOf(counts);
    return [week, ...METRICS.map((id) => cell(id, metricValue(f, id))), ...AREAS.map((a) => String(f.messages[a])), ...AREAS.map((a) => String(f.corrections[a]))];
  });
  // RFC 4180 line ends; no field can hold a comma, quote or line break (week ids and numbers only).
  return [CSV_COLUMNS, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';
}
