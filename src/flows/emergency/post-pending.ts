import type { Deps } from '../../deps';
import { quotedText } from '../../slack/blocks/emergency-blocks';
import { slackDate } from '../../slack/blocks/slack-date';
import { ADMIN_TEXT_MAX, alertAdmins, postEmergency, postToThread } from './notify';

const LOCK_MS = 60_000;

/**
 * Posts emergencies that were paged while Slack did not answer (the command line and the API exist for
 * exactly that), or whose declaring process died before posting, then tells the thread what happened
 * meanwhile. Any process may run it; a lock per emergency keeps two from posting the same one. Returns
 * how many were posted.
 */
export async function postPendingEmergencies(deps: Deps): Promise<number> {
  let posted = 0;
  for (const { team, id } of await deps.emergencies.pendingPosts()) {
    const lock = deps.keys.emergencyPostLock(team, id);
    if ((await deps.redis.set(lock, String(process.pid), 'PX', LOCK_MS, 'NX')) !== 'OK') continue;
    try {
      if (await postOne(deps, team, id)) posted++;
    } finally {
      await deps.redis.del(lock).catch(() => 0);
    }
  }
  return posted;
}

async function postOne(deps: Deps, team: string, id: string): Promise<boolean> {
  const e = await deps.emergencies.get(team, id);
  if (!e || e.post) {
    await deps.emergencies.removePendingPost(team, id);
    return false;
  }
  const settings = await deps.settings.get(team);
  const outcome = await postEmergency(deps, e, settings);
  if (!outcome.ok) {
    if (outcome.retry) return false;
    // Slack answers, but will not take it (channel unset or archived, bot not invited, message refused): a person must act.
    await deps.emergencies.removePendingPost(team, id);
    await alertAdmins(deps, e, settings, `:rotating_light: Emergency *${e.code}* still could not be posted to the emergency channel (${outcome.reason}). It was paged.\n${quotedText(e.text, ADMIN_TEXT_MAX)}`);
    return false;
  }
  const withPost = (await deps.emergencies.patch(team, id, { post: outcome.post })) ?? { ...e, post: outcome.post };
  await deps.emergencies.removePendingPost(team, id);
  deps.logger.info({ team, emergency: id }, 'posted an emergency Slack had not taken');
  const timeline = await deps.emergencies.timeline(team, id);
  if (timeline.length) {
    const lines = timeline.map((entry) => `• ${slackDate(entry.at, '{time}')} ${entry.text}`);
    await postToThread(deps, withPost, `This emergency could not be posted when it was declared; it was paged anyway. What happened meanwhile:\n${lines.join('\n')}`);
  }
  return true;
}
