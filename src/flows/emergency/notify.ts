import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency } from '../../core/emergency';
import type { Deps } from '../../deps';
import { emergencyMessage } from '../../slack/blocks/emergency-blocks';
import type { TimelineEntry } from '../../store/emergency-store';

export type PostOutcome =
  | { ok: true; post: { channel: string; ts: string } }
  /** `retry`: Slack was unreachable or failing (post later); otherwise nothing later would help (no channel, not invited, the message refused). */
  | { ok: false; retry: boolean; reason: string };

/**
 * Slack answers that only a person (or a fix to Quadrant) can change; retrying them would never post and
 * only spam the logs. The caller tells the admins instead; the pages are not affected.
 */
const FINAL_ERRORS = new Set([
  // The channel or the bot's access to it.
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'ekm_access_denied',
  'app_access_restricted',
  'team_access_not_granted',
  // The token.
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  // The message itself: the same message would be refused again.
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_blocks_too_long',
  'msg_too_long',
  'no_text',
  'invalid_arguments',
]);

function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Posts the emergency to the emergency channel. Never throws. */
export async function postEmergency(deps: Deps, e: Emergency, settings: WorkspaceSettings): Promise<PostOutcome> {
  const channel = settings.emergency.channel;
  if (!channel) return { ok: false, retry: false, reason: 'no emergency channel is set' };
  try {
    const client = await deps.slackFor(e.team);
    const posted = await client.chat.postMessage({ channel, ...emergencyMessage(e), unfurl_links: false, unfurl_media: false });
    if (posted.ts) return { ok: true, post: { channel, ts: posted.ts } };
    return { ok: false, retry: true, reason: 'Slack returned no message ts' };
  } catch (err) {
    const code = slackError(err);
    deps.logger.error({ err, team: e.team, emergency: e.id, channel }, 'could not post the emergency');
    return { ok: false, retry: !code || !FINAL_ERRORS.has(code), reason: code ? `Slack said ${code}` : 'Slack did not answer' };
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

/**
 * Shows a timeline entry in the emergency's thread. `broadcast` also puts it in the channel itself, for
 * what everyone must see (every page failed).
 */
export async function postToThread(deps: Deps, e: Emergency, text: string, options: { broadcast?: boolean } = {}): Promise<void> {
  if (!e.post) return;
  try {
    const client = await deps.slackFor(e.team);
    await client.chat.postMessage({ channel: e.post.channel, thread_ts: e.post.ts, text, unfurl_links: false, reply_broadcast: options.broadcast === true });
  } catch (err) {
    deps.logger.warn({ err, emergency: e.id }, 'timeline step not posted');
  }
}

/** One timeline step: kept in Redis and shown in the emergency's thread. Neither failing stops the other. */
export async function recordStep(deps: Deps, e: Emergency, entry: TimelineEntry, options: { broadcast?: boolean } = {}): Promise<void> {
  await deps.emergencies.appendTimeline(e.team, e.id, entry).catch((err: unknown) => deps.logger.warn({ err, emergency: e.id }, 'timeline not stored'));
  await postToThread(deps, e, entry.text, options);
}

/** DMs one person; false when Slack did not take it. Never throws. */
export async function directMessage(deps: Deps, team: string, user: string, text: string): Promise<boolean> {
  try {
    const client = await deps.slackFor(team);
    const dm = await client.conversations.open({ users: user });
    if (!dm.channel?.id) return false;
    await client.chat.postMessage({ channel: dm.channel.id, text, unfurl_links: false });
    return true;
  } catch (err) {
    deps.logger.error({ err, team, user }, 'could not send a direct message');
    return false;
  }
}

/** How much of the emergency's text (escaped, quoted) the admins' DM repeats when the post failed. */
export const ADMIN_TEXT_MAX = 500;

/** DMs every Quadrant admin; used when the emergency channel or every provider failed. Never throws. */
export async function alertAdmins(deps: Deps, e: Pick<Emergency, 'team' | 'id'>, settings: WorkspaceSettings, text: string): Promise<number> {
  if (settings.admins.length === 0) deps.logger.error({ team: e.team, emergency: e.id }, 'no Quadrant admins are set to alert; add some under `admins:`');
  const sent = await Promise.all(settings.admins.map((admin) => directMessage(deps, e.team, admin, text)));
  return sent.filter(Boolean).length;
}
