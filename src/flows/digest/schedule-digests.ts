import { DateTime } from 'luxon';
import type { DigestSetting } from '../../config/settings';
import { digestChannels, resolveDigestChannel } from '../../core/routing';
import { nextDigestAt, previousDigestAt } from '../../core/schedule';
import type { Deps } from '../../deps';
import { jobId } from '../../queue/queues';
import { createDigestStore, type DigestReason, type DigestStore, type ScheduleEntry } from '../../store/digest-store';
import { postDigest, type PostDigestOutcome, type PostingOptions } from './post-digest';

/**
 * When digests post. Each channel's next digest is one delayed BullMQ job at `nextDigestAt`, not a cron job
 * scheduler: cron-parser (which BullMQ's scheduler uses) disagrees with nextDigestAt when asked from a moment
 * inside an hour that daylight saving skips or repeats (test/integration/digest-cron-agreement.test.ts), and
 * could then skip a day's digest or post it twice. Each job schedules the next one when it runs.
 *
 * A scheduled digest is named by its local date, so a channel gets at most one scheduled digest a day, however
 * often settings change or jobs are retried; the digest record makes posting it idempotent.
 */

export interface ScheduledPost {
  team: string;
  channel: string;
  reason: Extract<DigestReason, 'scheduled' | 'catch_up'>;
  dueAt: number;
}

/** "2026-11-24": the local date a digest is due on, its id. */
export function digestIdFor(dueAt: number, timezone: string): string {
  return DateTime.fromMillis(dueAt, { zone: timezone }).toISODate() ?? new Date(dueAt).toISOString().slice(0, 10);
}

export function scheduledJobId(team: string, channel: string, dueAt: number): string {
  return jobId('digest', team, channel, dueAt);
}

/** What the schedule means; a change to it starts a new schedule (see ScheduleEntry.since). */
function fingerprintOf(digest: DigestSetting, timezone: string): string {
  return `${digest.at}|${[...digest.days].sort().join(',')}|${timezone}`;
}

/** Makes sure the channel's next digest after `from` has its delayed job, and records it. */
async function scheduleChannel(deps: Deps, store: DigestStore, team: string, channel: string, digest: DigestSetting, timezone: string, entry: ScheduleEntry | undefined, from: number): Promise<ScheduleEntry> {
  const now = deps.now();
  const dueAt = nextDigestAt(digest, timezone, from);
  const id = scheduledJobId(team, channel, dueAt);
  const fingerprint = fingerprintOf(digest, timezone);
  const next: ScheduleEntry = { jobId: id, dueAt, since: entry?.fingerprint === fingerprint ? entry.since : now, fingerprint };
  // A job still in the future is stale now; one already due is left to run (it posts the digest it missed).
  if (entry && entry.jobId !== id && entry.dueAt > now) await deps.queues.digest.remove(entry.jobId);
  const data: ScheduledPost = { team, channel, reason: 'scheduled', dueAt };
  // Adding an id that is already stored does nothing, so every process may run this at once.
  await deps.queues.digest.add('post', data, { jobId: id, delay: Math.max(0, dueAt - now) });
  if (entry?.jobId !== next.jobId || entry.since !== next.since) await store.setSchedule(team, channel, next);
  return next;
}

export interface SyncResult {
  scheduled: Array<{ channel: string; dueAt: number; jobId: string }>;
  removed: string[];
  /** Open items of a channel that lost its digest, moved to the digest that now takes them, by old channel. */
  moved: Record<string, { to: string; items: number }>;
}

/**
 * One delayed job per channel with a digest, at its next due time; jobs of channels whose digest was removed
 * or moved are removed. Run at start-up for every known team and whenever a team's settings change.
 */
export async function syncDigestSchedulers(deps: Deps, team: string): Promise<SyncResult> {
  const store = createDigestStore(deps.redis, deps.keys);
  const settings = await deps.settings.get(team);
  const entries = await store.schedules(team);
  const channels = digestChannels(settings);
  const result: SyncResult = { scheduled: [], removed: [], moved: {} };
  for (const channel of channels) {
    const entry = await scheduleChannel(deps, store, team, channel, settings.channels[channel]!.digest!, settings.timezone, entries[channel], deps.now());
    result.scheduled.push({ channel, dueAt: entry.dueAt, jobId: entry.jobId });
  }
  for (const [channel, entry] of Object.entries(entries)) {
    if (channels.includes(channel)) continue;
    if (entry.dueAt > deps.now()) await deps.queues.digest.remove(entry.jobId);
    // The entry marks the channel as one whose open items need a new digest: it goes only once they have one.
    const moved = await moveOpenItems(deps, team, channel, resolveDigestChannel(settings, channel));
    if (moved === 'stranded') continue;
    if (moved) result.moved[channel] = moved;
    await store.removeSchedule(team, channel);
    result.removed.push(channel);
  }
  return result;
}

/** Gives a channel's open items to the digest `to`; with no digest set up anywhere they wait for one. */
async function moveOpenItems(deps: Deps, team: string, channel: string, to: string | undefined): Promise<{ to: string; items: number } | 'stranded' | undefined> {
  const open = await deps.items.listOpen(team, channel);
  if (open.length === 0) return undefined;
  if (!to) {
    deps.logger.warn({ team, channel, items: open.length }, 'channel lost its digest and no other digest is set up; its open items wait for one');
    return 'stranded';
  }
  for (const item of open) await deps.items.update(team, item.id, { digestChannel: to, updatedAt: deps.now() });
  deps.logger.info({ team, channel, to, items: open.length }, 'channel lost its digest; its open items join another');
  return { to, items: open.length };
}

/**
 * Posts, once, each channel's latest due digest that passed without one (Quadrant or Redis was down). Due
 * times from before the channel's current schedule was registered are not owed. Run at start-up, after or
 * before syncDigestSchedulers: either order gives the same result.
 */
export async function catchUpMissedDigests(deps: Deps, team: string): Promise<Array<{ channel: string; digestId: string }>> {
  const store = createDigestStore(deps.redis, deps.keys);
  const settings = await deps.settings.get(team);
  const entries = await store.schedules(team);
  const now = deps.now();
  const queued: Array<{ channel: string; digestId: string }> = [];
  for (const channel of digestChannels(settings)) {
    const digest = settings.channels[channel]!.digest!;
    const entry = entries[channel];
    if (!entry || entry.fingerprint !== fingerprintOf(digest, settings.timezone)) continue;
    const dueAt = previousDigestAt(digest, settings.timezone, now);
    if (dueAt < entry.since) continue;
    const digestId = digestIdFor(dueAt, settings.timezone);
    const last = await store.lastScheduled(team, channel);
    if (last !== undefined && last >= digestId) continue;
    // The same id as that due time's scheduled job: if it is still stored (waiting or running), this adds nothing.
    const data: ScheduledPost = { team, channel, reason: 'catch_up', dueAt };
    await deps.queues.digest.add('post', data, { jobId: scheduledJobId(team, channel, dueAt) });
    queued.push({ channel, digestId });
  }
  return queued;
}

/**
 * The 'post' job of a scheduled or caught-up digest. It first schedules the channel's next digest, so one that
 * fails for good does not stop tomorrow's. A job that runs late (workers were down) posts the latest digest
 * due by now, once, rather than one per missed day.
 */
export async function runScheduledDigest(deps: Deps, job: ScheduledPost, options: PostingOptions = {}): Promise<PostDigestOutcome | { status: 'not_configured' }> {
  const { team, channel } = job;
  const store = createDigestStore(deps.redis, deps.keys);
  const settings = await deps.settings.get(team);
  const digest = settings.channels[channel]?.digest;
  if (!digest) return { status: 'not_configured' };
  const dueAt = previousDigestAt(digest, settings.timezone, Math.max(deps.now(), job.dueAt));
  const entries = await store.schedules(team);
  await scheduleChannel(deps, store, team, channel, digest, settings.timezone, entries[channel], Math.max(deps.now(), dueAt));
  const digestId = digestIdFor(dueAt, settings.timezone);
  const last = await store.lastScheduled(team, channel);
  if (last !== undefined && last >= digestId) return { status: 'already_posted', digestId };
  return postDigest(deps, { team, channel, digestId, reason: job.reason, dueAt }, options);
}
