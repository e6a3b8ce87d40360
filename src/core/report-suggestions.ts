import { AREAS, type Area } from './areas';
import type { Figures } from './report';

/**
 * What a period's figures suggest, as codes with their numbers (slack/blocks/report-words.ts words them).
 * Each rule needs enough data to mean something; below its threshold it stays silent.
 */

export type Suggestion =
  | { code: 'broadcast_fyis'; percent: number; fyis: number; broadcasts: number }
  | { code: 'nudges_ignored'; percent: number; sent: number }
  | { code: 'false_emergencies'; count: number; declared: number }
  | { code: 'unacknowledged_emergencies'; count: number; declared: number }
  | { code: 'items_left_open'; percent: number; filed: number }
  | { code: 'short_notice'; count: number }
  | { code: 'meetings_made_async'; count: number }
  | { code: 'corrections'; area: Area; count: number }
  | { code: 'async_share_fell'; from: number; to: number };

/** Thresholds below which a figure is too small to suggest anything. */
export const SUGGEST = {
  broadcastsAtLeast: 3,
  fyiShareAtLeast: 0.25,
  nudgesAtLeast: 10,
  acceptedShareBelow: 0.2,
  filedAtLeast: 5,
  doneShareBelow: 0.5,
  correctionsAtLeast: 3,
  asyncShareDropPoints: 10,
} as const;

const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

/** Suggestions, most actionable first. */
export function suggestionsFor(current: Figures, previous: Figures): Suggestion[] {
  const out: Suggestion[] = [];
  const f = current;
  if (f.broadcasts >= SUGGEST.broadcastsAtLeast && f.broadcastFyis / f.broadcasts >= SUGGEST.fyiShareAtLeast) {
    out.push({ code: 'broadcast_fyis', percent: percent(f.broadcastFyis, f.broadcasts), fyis: f.broadcastFyis, broadcasts: f.broadcasts });
  }
  if (f.unacknowledged > 0) out.push({ code: 'unacknowledged_emergencies', count: f.unacknowledged, declared: f.emergencies });
  if (f.notEmergency > 0) out.push({ code: 'false_emergencies', count: f.notEmergency, declared: f.emergencies });
  if (f.offlineShortNotice > 0) out.push({ code: 'short_notice', count: f.offlineShortNotice });
  if (f.nudgesSent >= SUGGEST.nudgesAtLeast && f.nudgesAccepted / f.nudgesSent < SUGGEST.acceptedShareBelow) {
    out.push({ code: 'nudges_ignored', percent: percent(f.nudgesAccepted, f.nudgesSent), sent: f.nudgesSent });
  }
  if (f.filed >= SUGGEST.filedAtLeast && f.done / f.filed < SUGGEST.doneShareBelow) {
    out.push({ code: 'items_left_open', percent: percent(f.done, f.filed), filed: f.filed });
  }
  for (const area of AREAS) {
    if (f.corrections[area] >= SUGGEST.correctionsAtLeast) out.push({ code: 'corrections', area, count: f.corrections[area] });
  }
  if (f.asyncShare !== undefined && previous.asyncShare !== undefined) {
    const from = Math.round(previous.asyncShare * 100);
    const to = Math.round(f.asyncShare * 100);
    if (from - to >= SUGGEST.asyncShareDropPoints) out.push({ code: 'async_share_fell', from, to });
  }
  if (f.meetingsMadeAsync > 0) out.push({ code: 'meetings_made_async', count: f.meetingsMadeAsync });
  return out;
}
