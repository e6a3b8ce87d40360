import type { Deps } from '../../deps';

/** How long users.info's roles are trusted: a demoted admin loses access within this window. */
export const ROLE_CACHE_SECONDS = 300;

/** The users.info fields that decide; cached under Slack's own names so any reader of keys.userInfo understands them. */
interface SlackRoles {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  deleted?: boolean;
  tz?: string;
}

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
  const roles = await slackRoles(deps, team, user);
  return Boolean(roles && !roles.deleted && (roles.is_admin || roles.is_owner || roles.is_primary_owner));
}

async function slackRoles(deps: Deps, team: string, user: string): Promise<SlackRoles | undefined> {
  const key = deps.keys.userInfo(team, user);
  const hit = await deps.redis.get(key);
  if (hit) return JSON.parse(hit) as SlackRoles;
  try {
    const client = await deps.slackFor(team);
    const res = await client.users.info({ user });
    const u = res.user;
    if (!u) return undefined;
    const roles: SlackRoles = { is_admin: u.is_admin === true, is_owner: u.is_owner === true, is_primary_owner: u.is_primary_owner === true, deleted: u.deleted === true, ...(u.tz ? { tz: u.tz } : {}) };
    await deps.redis.set(key, JSON.stringify(roles), 'EX', ROLE_CACHE_SECONDS);
    return roles;
  } catch (err) {
    deps.logger.warn({ err, team, user }, 'users.info failed; treating the user as not an admin');
    return undefined;
  }
}
