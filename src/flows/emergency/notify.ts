import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency } from '../../core/emergency';
import type { Deps } from '../../deps';
import { emergencyMessage } from '../../slack/blocks/emergency-blocks';
import type { TimelineEntry } from '../../store/emergency-store';

/** Posts the emergency to the emergency channel; undefined when there is none or Slack refused. */
export async function postEmergency(deps: Deps, e: Emergency, settings: WorkspaceSettings): Promise<{ channel: string; ts: string } | undefined> {
  const channel = settings.emergency.channel;
  if (!channel) return undefined;
  try {
    const client = await deps.slackFor(e.team);
    const posted = await client.chat.postMessage({ channel, ...emergencyMessage(e), unfurl_links: false, unfurl_media: false });
    return posted.ts ? { channel, ts: posted.ts } : undefined;
  } catch (err) {
    deps.logger.error({ err, team: e.team, emergency: e.id, channel }, 'could not post the emergency');
    return undefined;
  }
}

/** Keeps the channel message true: status line and buttons follow every change. */
export async function refreshEmergencyMessage(deps: Deps, e: Emergency): Promise<void> {
  if (!e.post) return;
  try {
    const client = await deps.slackFor(e.team);
    await client.chat.update({ channel: e.post.channel, ts: e.post.ts, ...emergencyMessage(e) });
  } catch (err) {
    deps.logger.warn({ err, team: e.team, emergency: e.id }, 'could not update the emergency message');
  }
}

/** One timeline step: kept in Redis and shown in the emergency's thread. Neither failing stops the other. */
export async function recordStep(deps: Deps, e: Emergency, entry: TimelineEntry): Promise<void> {
  await deps.emergencies.appendTimeline(e.team, e.id, entry).catch((err: unknown) => deps.logger.warn({ err, emergency: e.id }, 'timeline not stored'));
  if (!e.post) return;
  try {
    const client = await deps.slackFor(e.team);
    await client.chat.postMessage({ channel: e.post.channel, thread_ts: e.post.ts, text: entry.text, unfurl_links: false });
  } catch (err) {
    deps.logger.warn({ err, emergency: e.id }, 'timeline step not posted');
  }
}

/** DMs every Quadrant admin; used when the emergency channel or every provider failed. */
export async function alertAdmins(deps: Deps, e: Emergency, settings: WorkspaceSettings, text: string): Promise<void> {
  const client = await deps.slackFor(e.team).catch(() => undefined);
  if (!client) return;
  await Promise.all(
    settings.admins.map(async (admin) => {
      try {
        const dm = await client.conversations.open({ users: admin });
        if (dm.channel?.id) await client.chat.postMessage({ channel: dm.channel.id, text, unfurl_links: false });
      } catch (err) {
        deps.logger.error({ err, emergency: e.id }, 'could not alert an admin');
      }
    }),
  );
}
