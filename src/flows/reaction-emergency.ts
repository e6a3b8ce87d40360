import type { WorkspaceSettings } from '../config/settings';
import type { Deps } from '../deps';
import { isAdmin } from './admin/is-admin';
import { declareEmergency, type Declared } from './emergency/declare';
import { readReactedMessage } from './handle-reaction';

export type ReactionEmergencyOutcome =
  | { ok: true; declared: Declared }
  | { ok: false; reason: 'not_allowed' | 'message_gone' | 'no_access' | 'bot_message' };

/** Who may escalate by reaction, as far as the settings alone tell: anyone, the on-call or Quadrant's admins. */
function settingsAllowEscalation(settings: WorkspaceSettings, user: string): boolean {
  switch (settings.emergency.escalate_by_reaction) {
    case 'anyone':
      return true;
    case 'on_call':
      return settings.emergency.tiers.some((tier) => tier.some((p) => p.slack === user)) || settings.admins.includes(user);
    case 'admins':
      return settings.admins.includes(user);
  }
}

/**
 * The emergency reaction declares from the web process, like /emergency, so it never waits behind async work.
 * One message is one emergency, whoever reacts and however often: the dedup key is the message.
 */
export async function declareFromReaction(
  deps: Deps,
  input: { team: string; user: string; channel: string; ts: string },
): Promise<ReactionEmergencyOutcome> {
  const settings = deps.settings.cached(input.team) ?? (await deps.settings.get(input.team));
  // Slack's admins and owners count as admins here as everywhere; users.info is asked only when the settings say no.
  if (!settingsAllowEscalation(settings, input.user) && !(await isAdmin(deps, input.team, input.user))) return { ok: false, reason: 'not_allowed' };
  const client = await deps.slackFor(input.team);
  const read = await readReactedMessage(client, input.channel, input.ts);
  if (!read.ok) return { ok: false, reason: read.reason === 'gone' ? 'message_gone' : 'no_access' };
  if (read.message.botId) return { ok: false, reason: 'bot_message' };
  const declared = await declareEmergency(deps, {
    team: input.team,
    reporter: input.user,
    text: read.message.text,
    origin: input.channel,
    originTs: input.ts,
    dedupKey: `reaction-${input.channel}-${input.ts}`,
  });
  return { ok: true, declared };
}
