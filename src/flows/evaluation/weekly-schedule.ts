import { hubChannel } from '../../core/routing';
import { digestCron } from '../../core/schedule';
import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';

export const HUB_SUMMARY_JOB = 'hub-summary';
export const WEEKLY_REPORT_JOB = 'weekly-report';

export const weeklySchedulerId = (job: typeof HUB_SUMMARY_JOB | typeof WEEKLY_REPORT_JOB, team: string) => jobId(job, team);

export interface WeeklySchedules {
  hubSummary?: { pattern: string; tz: string };
  weeklyReport?: { pattern: string; tz: string };
}

/**
 * One BullMQ job scheduler per workspace for the hub summary and one for the weekly report, on the digest
 * queue, at their local day and time. Upserting is idempotent, so every process may run this at start-up and
 * on every settings change; a summary or report switched off, with nowhere to go (no hub; no report channel
 * and no admins), or of a workspace no longer installed, loses its scheduler.
 *
 * Unlike digests (daily, and missed ones are caught up), a weekly job fires from a cron pattern: should
 * cron-parser and the clock disagree around a daylight-saving change, the per-week posted-marker in
 * postHubSummary and postWeeklyReport keeps a doubled run from posting twice.
 */
export async function syncWeeklySchedulers(deps: Deps, team: string): Promise<WeeklySchedules> {
  // A workspace that was uninstalled (or never known) reads as default settings: it gets no schedule.
  if (!(await deps.redis.sismember(deps.keys.teams(), team))) {
    await removeWeeklySchedulers(deps, team);
    return {};
  }
  const settings = await deps.settings.get(team);
  const queue = deps.queues.digest;
  const out: WeeklySchedules = {};

  const hubId = weeklySchedulerId(HUB_SUMMARY_JOB, team);
  if (settings.hub_summary.weekly && hubChannel(settings)) {
    out.hubSummary = digestCron({ at: settings.hub_summary.at, days: [settings.hub_summary.day] }, settings.timezone);
    await queue.upsertJobScheduler(hubId, out.hubSummary, { name: HUB_SUMMARY_JOB, data: { team } });
  } else {
    await queue.removeJobScheduler(hubId);
  }

  const reportId = weeklySchedulerId(WEEKLY_REPORT_JOB, team);
  if (settings.report.weekly && (settings.report.channel || settings.admins.length > 0)) {
    out.weeklyReport = digestCron({ at: settings.report.at, days: [settings.report.day] }, settings.timezone);
    await queue.upsertJobScheduler(reportId, out.weeklyReport, { name: WEEKLY_REPORT_JOB, data: { team } });
  } else {
    await queue.removeJobScheduler(reportId);
  }
  return out;
}

export async function removeWeeklySchedulers(deps: Deps, team: string): Promise<void> {
  await deps.queues.digest.removeJobScheduler(weeklySchedulerId(HUB_SUMMARY_JOB, team));
  await deps.queues.digest.removeJobScheduler(weeklySchedulerId(WEEKLY_REPORT_JOB, team));
}
