import { deflateSync } from 'node:zlib';
import { mixChartPng, type MixWeek } from '../../core/chart-png';
import { weekEndsAt, weeksEndingAt } from '../../core/evaluation';
import { figuresOf, periodWeeks } from '../../core/report';
import type { Deps } from '../../deps';
import { reportText } from '../../slack/blocks/report-blocks';
import { evaluationOf } from './record';
import { buildReportView } from './report';
import { dmChannel, uploadFile } from './upload-file';

export type WeeklyReportOutcome =
  | { status: 'posted'; week: string; targets: string[] }
  | { status: 'skipped'; why: 'off' | 'nobody' | 'already_posted'; week: string };

const DAY_MS = 86_400_000;
export const CHART_WEEKS = 8;
/** The posted-marker outlives any retry of the week's job. */
const POSTED_TTL_S = 35 * 86_400;

/** The mix chart of the `count` weeks ending with the report's week. */
export async function weeklyChart(deps: Deps, team: string, at: number, timezone: string, count = CHART_WEEKS): Promise<Uint8Array> {
  const ids = weeksEndingAt(at, timezone, count);
  const counts = await evaluationOf(deps).weeks(team, ids);
  const weeks: MixWeek[] = ids.map((week, i) => ({ week, messages: figuresOf(counts[i]!).messages }));
  return mixChartPng(weeks, (data) => deflateSync(data, { level: 9 }));
}

/**
 * The weekly report: the figures of the week that contains yesterday (so a Monday-morning report covers the
 * week just ended) against the week before, with the async/sync chart of the last eight weeks, uploaded to
 * the configured channel or else to each Quadrant admin by DM. Each target gets it once per week: a retried
 * job only posts to the targets that failed.
 */
export async function postWeeklyReport(deps: Deps, team: string): Promise<WeeklyReportOutcome> {
  const settings = await deps.settings.get(team);
  const at = deps.now() - DAY_MS;
  const weeks = periodWeeks('week', at, settings.timezone);
  const week = weeks.current[0]!;
  if (!settings.report.weekly) return { status: 'skipped', why: 'off', week };
  const targets = settings.report.channel ? [settings.report.channel] : settings.admins;
  if (targets.length === 0) {
    deps.logger.warn({ team }, 'weekly report has nobody to go to: set `report.channel` or `admins:`');
    return { status: 'skipped', why: 'nobody', week };
  }
  const postedKey = deps.keys.weeklyPosted(team, 'report', week);
  const posted = new Set(await deps.redis.smembers(postedKey));
  const pending = targets.filter((t) => !posted.has(t));
  if (pending.length === 0) return { status: 'skipped', why: 'already_posted', week };

  const partial = deps.now() < weekEndsAt(at, settings.timezone);
  const [view, png] = await Promise.all([buildReportView(deps, team, weeks, partial), weeklyChart(deps, team, at, settings.timezone)]);
  const comment = reportText(view);
  const client = await deps.slackFor(team);
  const reached: string[] = [];
  const failures: unknown[] = [];
  for (const target of pending) {
    try {
      const channel = /^[UW]/.test(target) ? await dmChannel(client, target) : target;
      await uploadFile(client, { filename: `quadrant-${week}.png`, title: `Async/sync mix, ${week}`, bytes: png, altText: 'Messages per week by area, with the async share as a line' }, { channel, comment });
      await deps.redis.multi().sadd(postedKey, target).expire(postedKey, POSTED_TTL_S).exec();
      reached.push(target);
    } catch (err) {
      deps.logger.warn({ err, team, target }, 'weekly report not delivered');
      failures.push(err);
    }
  }
  // The job retries with backoff; the marker keeps the targets already reached from a second copy.
  if (failures.length > 0) throw new Error(`weekly report reached ${reached.length} of ${pending.length} targets`);
  return { status: 'posted', week, targets: reached };
}
