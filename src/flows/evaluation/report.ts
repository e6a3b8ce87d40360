import { personalWeekKept, weeksEndingAt } from '../../core/evaluation';
import { buildReport, periodWeeks, topChannels, type PeriodWeeks, type ReportPeriod } from '../../core/report';
import { reportCsv as renderCsv } from '../../core/report-csv';
import type { Deps } from '../../deps';
import { reportMessage as renderReport, type ReportView } from '../../slack/blocks/report-blocks';
import { authorNames } from '../digest/author-names';
import { evaluationOf } from './record';
import { dmChannel, uploadFile } from './upload-file';

const TOP_CHANNELS = 5;
const TOP_PEOPLE = 5;

function headingFor(weeks: PeriodWeeks, partial: boolean): string {
  const first = weeks.current[0]!;
  const last = weeks.current.at(-1)!;
  if (weeks.period === 'week') return `Week ${last}${partial ? ' so far' : ''}, against the week before (${weeks.previous[0]})`;
  return `The last ${weeks.current.length} weeks (${first} to ${last}${partial ? ', so far' : ''}), against the ${weeks.previous.length} before`;
}

/** Everything a report shows, read in two round trips: the weekly totals, then the channel weeks. */
export async function buildReportView(deps: Deps, team: string, weeks: PeriodWeeks, partial: boolean): Promise<ReportView> {
  const settings = await deps.settings.get(team);
  const store = evaluationOf(deps);
  const [all, channelWeeks] = await Promise.all([
    store.weeks(team, [...weeks.previous, ...weeks.current]),
    Promise.all(weeks.current.map((week) => store.channelWeek(team, week))),
  ]);
  const report = buildReport(weeks, all.slice(weeks.previous.length), all.slice(0, weeks.previous.length));
  const view: ReportView = { heading: headingFor(weeks, partial), report, channels: topChannels(channelWeeks, TOP_CHANNELS) };
  // Naming people is opt-in per workspace; without it the ranking is not even read.
  if (settings.report.name_people) {
    const kept = weeks.current.filter((week) => personalWeekKept(week, deps.now(), settings.timezone));
    const top = await topPeople(deps, team, kept);
    if (top.length > 0) {
      const names = await authorNames(deps, await deps.slackFor(team), team, top.map((p) => p.user));
      view.people = top.map((p) => ({ name: names[p.user] ?? p.user, count: p.count }));
      if (kept.length < weeks.current.length) view.peopleWeeks = peopleWeeksLabel(kept);
    }
  }
  return view;
}

/** The people with the most FYI broadcasts over `weeks`, most first. */
async function topPeople(deps: Deps, team: string, weeks: readonly string[]): Promise<Array<{ user: string; count: number }>> {
  const store = evaluationOf(deps);
  if (weeks.length <= 1) return weeks[0] ? store.topPeople(team, weeks[0], TOP_PEOPLE) : [];
  // Whole rankings: the top of a sum need not be in any one week's top.
  const rankings = await Promise.all(weeks.map((week) => store.topPeople(team, week, Number.MAX_SAFE_INTEGER)));
  const sums = new Map<string, number>();
  for (const { user, count } of rankings.flat()) sums.set(user, (sums.get(user) ?? 0) + count);
  return [...sums.entries()]
    .map(([user, count]) => ({ user, count }))
    .sort((a, b) => b.count - a.count || a.user.localeCompare(b.user))
    .slice(0, TOP_PEOPLE);
}

function peopleWeeksLabel(kept: readonly string[]): string {
  const span = kept.length === 1 ? kept[0]! : `${kept[0]} to ${kept.at(-1)}`;
  return `${span} only: counts per person are not kept longer`;
}

/** `/quadrant report week|month`: this week (or four) so far against the same number of weeks before. */
export async function reportMessage(deps: Deps, team: string, period: ReportPeriod): Promise<{ text: string; blocks: unknown[] }> {
  const settings = await deps.settings.get(team);
  const weeks = periodWeeks(period, deps.now(), settings.timezone);
  return renderReport(await buildReportView(deps, team, weeks, true));
}

export interface CsvReport {
  filename: string;
  csv: string;
  weeks: number;
}

/** `/quadrant report csv`: every kept week, one row each, oldest first. */
export async function reportCsv(deps: Deps, team: string): Promise<CsvReport> {
  const settings = await deps.settings.get(team);
  const ids = weeksEndingAt(deps.now(), settings.timezone, settings.evaluation_weeks);
  const counts = await evaluationOf(deps).weeks(team, ids);
  // Leading weeks before anything was recorded are left out; gaps later on stay as zero rows.
  const first = counts.findIndex((c) => Object.keys(c).length > 0);
  const weeks = first < 0 ? [] : ids.slice(first).map((week, i) => ({ week, counts: counts[first + i]! }));
  return { filename: `quadrant-report-${ids.at(-1)}.csv`, csv: renderCsv(weeks), weeks: weeks.length };
}

const INLINE_CSV_MAX = 2800;

/**
 * The reply to `/quadrant report csv` for `user`: the CSV in a code block when it fits an ephemeral message,
 * else uploaded as a file to their DM (and the reply says so).
 */
export async function reportCsvReply(deps: Deps, team: string, user: string): Promise<{ text: string }> {
  const report = await reportCsv(deps, team);
  if (report.csv.length <= INLINE_CSV_MAX) return { text: `\`${report.filename}\`\n\`\`\`\n${report.csv.trimEnd()}\n\`\`\`` };
  const client = await deps.slackFor(team);
  await uploadFile(client, { filename: report.filename, title: 'Quadrant report (CSV)', bytes: Buffer.from(report.csv, 'utf8') }, { channel: await dmChannel(client, user) });
  return { text: `The CSV (${report.weeks} weeks) is too long to show here, so I sent it to you as a file in our DM.` };
}

export type { ReportPeriod };
