import { AREAS, AREA_INFO, type Area } from './areas';
import { textWidth } from './pixel-font';
import { encodePng, type Deflate } from './png';
import { createRaster, drawLine, drawText, fillRect, type Raster, type Rgb } from './raster';

/**
 * The weekly report's chart: messages per week as bars stacked by area (async areas at the bottom, sync on
 * top) and the async share as a line across the weeks, on its own 0-100% scale. Drawn in memory and encoded
 * as PNG with no native dependency.
 */

export interface MixWeek {
  /** ISO week id ("2026-W14"); the bar is labelled "W14". */
  week: string;
  messages: Readonly<Record<Area, number>>;
}

export const CHART_WIDTH = 780;
export const CHART_HEIGHT = 400;

const PLOT = { left: 56, right: 560, top: 56, bottom: 340 };
const LEGEND_X = 604;

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [31, 41, 55];
const MUTED: Rgb = [107, 114, 128];
const GRID: Rgb = [229, 231, 235];
const TREND: Rgb = [17, 24, 39];

export const AREA_COLOR: Record<Area, Rgb> = {
  deep_work: [37, 99, 235],
  daily_operations: [56, 189, 248],
  online_meeting: [251, 146, 60],
  offline_activity: [250, 204, 21],
  emergency: [220, 38, 38],
};

const LEGEND_LABEL: Record<Area, string> = {
  deep_work: 'Deep work',
  daily_operations: 'Daily ops',
  online_meeting: 'Meetings',
  offline_activity: 'Offline',
  emergency: 'Emergency',
};

/** Async areas first so they form the base of each bar. */
const STACK_ORDER: Area[] = [...AREAS.filter((a) => !AREA_INFO[a].sync), ...AREAS.filter((a) => AREA_INFO[a].sync)];

/** The smallest 1, 2 or 5 times a power of ten at or above `n` (at least 4, so four grid steps stay whole). */
export function niceCeiling(n: number): number {
  if (n <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

const total = (w: MixWeek) => AREAS.reduce((s, a) => s + w.messages[a], 0);
const asyncCount = (w: MixWeek) => AREAS.filter((a) => !AREA_INFO[a].sync).reduce((s, a) => s + w.messages[a], 0);

export function drawMixChart(weeks: readonly MixWeek[]): Raster {
  const r = createRaster(CHART_WIDTH, CHART_HEIGHT, WHITE);
  drawText(r, 'Messages per week by area', PLOT.left, 18, INK, 2);

  const max = niceCeiling(Math.max(0, ...weeks.map(total)));
  const height = PLOT.bottom - PLOT.top;
  const y = (value: number) => PLOT.bottom - (value / max) * height;
  for (let step = 0; step <= 4; step++) {
    const value = (max / 4) * step;
    const at = Math.round(y(value));
    fillRect(r, PLOT.left, at, PLOT.right - PLOT.left, 1, step === 0 ? MUTED : GRID);
    const label = String(Math.round(value));
    drawText(r, label, PLOT.left - 8 - textWidth(label), at - 3, MUTED);
  }

  const slot = (PLOT.right - PLOT.left) / Math.max(1, weeks.length);
  const barWidth = Math.min(48, slot * 0.6);
  const centres = weeks.map((_, i) => PLOT.left + slot * (i + 0.5));
  weeks.forEach((week, i) => {
    let base = 0;
    for (const area of STACK_ORDER) {
      const n = week.messages[area];
      if (n <= 0) continue;
      fillRect(r, centres[i]! - barWidth / 2, y(base + n), barWidth, y(base) - y(base + n), AREA_COLOR[area]);
      base += n;
    }
    const label = week.week.replace(/^\d{4}-/, '');
    drawText(r, label, centres[i]! - textWidth(label, 2) / 2, PLOT.bottom + 12, INK, 2);
  });

  // The async share, 0% at the axis and 100% at the top: the trend the bars alone hide.
  const share = (w: MixWeek) => (total(w) > 0 ? asyncCount(w) / total(w) : undefined);
  const points = weeks.map((w, i) => [centres[i]!, share(w)] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
  const py = (s: number) => PLOT.bottom - s * height;
  // A white halo keeps the line readable where it crosses bars of a similar height.
  for (const [colour, width, dot] of [[WHITE, 7, 13], [TREND, 3, 9]] as const) {
    for (let i = 1; i < points.length; i++) drawLine(r, [points[i - 1]![0], py(points[i - 1]![1])], [points[i]![0], py(points[i]![1])], colour, width);
    for (const [x, s] of points) fillRect(r, x - (dot - 1) / 2, py(s) - (dot - 1) / 2, dot, dot, colour);
  }
  drawText(r, '100%', PLOT.right + 6, PLOT.top - 3, MUTED);

  if (weeks.every((w) => total(w) === 0)) drawText(r, 'No messages counted yet', PLOT.left + 40, (PLOT.top + PLOT.bottom) / 2 - 7, MUTED, 2);

  STACK_ORDER.forEach((area, i) => {
    const top = PLOT.top + i * 28;
    fillRect(r, LEGEND_X, top, 16, 16, AREA_COLOR[area]);
    drawText(r, LEGEND_LABEL[area], LEGEND_X + 24, top + 1, INK, 2);
  });
  const lineTop = PLOT.top + STACK_ORDER.length * 28 + 8;
  drawLine(r, [LEGEND_X, lineTop + 8], [LEGEND_X + 16, lineTop + 8], TREND, 3);
  drawText(r, 'Async %', LEGEND_X + 24, lineTop + 1, INK, 2);
  return r;
}

/** The chart as PNG bytes. */
export function mixChartPng(weeks: readonly MixWeek[], deflate: Deflate): Uint8Array {
  return encodePng(drawMixChart(weeks), deflate);
}
