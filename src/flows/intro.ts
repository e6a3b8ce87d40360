import { hubChannel, resolveDigestChannel } from '../core/routing';
import { quietEndsAt } from '../core/schedule';
import type { Deps } from '../deps';
import { userTimezone } from './slack-user';
import { jobId } from '../queue/queues';
import { introMessage } from '../slack/blocks/intro-blocks';

/**
 * The one-time introduction to the framework: to a person's first command, or when they join a channel
 * Quadrant enforces. Once per person and workspace (a SET NX claim, kept for good), never during quiet
 * hours (it is sent as a DM when they end), and never to someone who turned personal tips off.
 */

export type IntroVia = 'command' | 'joined' | 'later';

export type IntroOutcome = 'sent' | 'already' | 'tips_off' | 'later' | 'not_enforced' | 'failed';

export const INTRO_JOB = 'intro';
/** After an introduction Slack refused, the next attempt waits this long. */
const RETRY_FAILED_S = 6 * 3600;

/** People known to be introduced, per process: a repeat command costs no Redis call. Never holds "tips off", which can change back. */
const introduced = new Set<string>();
const MAX_REMEMBERED = 50_000;

function remember(key: string): void {
  if (introduced.size >= MAX_REMEMBERED) introduced.clear();
  introduced.add(key);
}

export interface IntroInput {
  team: string;
  user: string;
  /** Where to show it ephemerally; without one (or when that fails) it is a DM. */
  channel?: string;
  via: IntroVia;
}

/** Call after the command was acknowledged (fire and forget): it never throws. */
export async function maybeIntroduce(deps: Deps, input: IntroInput): Promise<IntroOutcome> {
  const { team, user } = input;
  const memo = `${deps.keys.prefix}/${team}/${user}`;
  if (introduced.has(memo)) return 'already';
  const log = deps.logger.child({ team, user, via: input.via });
  let claimed = false;
  try {
    const claimKey = deps.keys.introduced(team, user);
    const [done, tipsOff] = await deps.redis.mget(claimKey, deps.keys.tipsOff(team, user));
    if (done) {
      remember(memo);
      return 'already';
    }
    if (tipsOff) return 'tips_off';
    const settings = await deps.settings.get(team);
    // Their own quiet hours: the zone of their Slack profile, else the workspace's (asked only when there are any).
    const zone = (settings.quiet_hours && (await userTimezone(deps, team, user))) || settings.timezone;
    const quietUntil = quietEndsAt(settings.quiet_hours, zone, deps.now());
    if (quietUntil !== undefined) {
      // Same job id for every attempt during one quiet spell: one DM when it ends, however many commands.
      await deps.queues.digest.add(INTRO_JOB, { team, user }, { jobId: jobId('intro', team, user, quietUntil), delay: quietUntil - deps.now() });
      return 'later';
    }
    if ((await deps.redis.set(claimKey, String(deps.now()), 'NX')) === null) {
      remember(memo);
      return 'already';
    }
    claimed = true;
    const message = introMessage({
      offlineLeadTimeMs: settings.offline_lead_time,
      hubChannel: hubChannel(settings),
      digestChannel: resolveDigestChannel(settings, input.channel),
    }) as { text: string; blocks: never[] };
    const client = await deps.slackFor(team);
    const shown = input.channel && input.via !== 'later' ? await client.chat.postEphemeral({ channel: input.channel, user, ...message }).then(() => true, () => false) : false;
    if (!shown) {
      const dm = await client.conversations.open({ users: user });
      if (!dm.channel?.id) throw new Error('conversations.open returned no channel');
      await client.chat.postMessage({ channel: dm.channel.id, ...message, unfurl_links: false });
    }
    remember(memo);
    log.info('introduced the framework');
    return 'sent';
  } catch (err) {
    // Try again later, not on the very next command: a person Slack cannot reach (deactivated, a DM the bot
    // may not open) would otherwise cost Slack calls on every command they run.
    if (claimed) await deps.redis.set(deps.keys.introduced(team, user), 'failed', 'EX', RETRY_FAILED_S).catch(() => undefined);
    log.warn({ err }, 'introduction not sent');
    return 'failed';
  }
}

/** A person joined a channel: introduce them if Quadrant enforces that channel (it is listed in the settings). */
export async function introduceNewMember(deps: Deps, team: string, user: string, channel: string): Promise<IntroOutcome> {
  const settings = await deps.settings.get(team);
  const enforced = settings.channels[channel] !== undefined || settings.emergency.channel === channel;
  if (!enforced || user === (await deps.botUserFor(team))) return 'not_enforced';
  return maybeIntroduce(deps, { team, user, channel, via: 'joined' });
}

/** The personal tips switch (the introduction's button, App Home). */
export async function setTips(deps: Deps, team: string, user: string, on: boolean): Promise<void> {
  if (on) await deps.redis.del(deps.keys.tipsOff(team, user));
  else await deps.redis.set(deps.keys.tipsOff(team, user), String(deps.now()));
}

export async function tipsEnabled(deps: Deps, team: string, user: string): Promise<boolean> {
  return (await deps.redis.exists(deps.keys.tipsOff(team, user))) === 0;
}
