import type { Deps } from '../../deps';
import { slackUserFacts } from '../slack-user';

export type AdminCheck = { ok: true; via: 'quadrant_admin' | 'slack_role' } | { ok: false; admins: string[] };

/**
 * May this person change Quadrant's settings? Listed Quadrant admins may; so may Slack admins and owners,
 * asked of users.info and cached for a few minutes. When Slack cannot be asked, the answer is no: a
 * refusal can be retried, a change by the wrong person cannot be taken back unseen.
 */
export async function checkAdmin(deps: Deps, team: string, user: string): Promise<AdminCheck> {
  const settings = await deps.settings.get(team);
  if (settings.admins.includes(user)) return { ok: true, via: 'quadrant_admin' };
  if (await hasSlackAdminRole(deps, team, user)) return { ok: true, via: 'slack_role' };
  return { ok: false, admins: settings.admins };
}

export async function isAdmin(deps: Deps, team: string, user: string): Promise<boolean> {
  return (await checkAdmin(deps, team, user)).ok;
}

async function hasSlackAdminRole(deps: Deps, team: string, user: string): Promise<boolean> {
  // When Slack cannot be asked, the answer is no (see checkAdmin).
  const roles = await slackUserFacts(deps, team, user);
  return Boolean(roles && !roles.deleted && (roles.is_admin || roles.is_owner || roles.is_primary_owner));
}
