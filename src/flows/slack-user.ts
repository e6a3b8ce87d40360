import type { Deps } from '../deps';

/** How long users.info's answer is trusted: a demoted admin loses access, a moved person's zone follows, within it. */
export const USER_CACHE_SECONDS = 300;

/** The users.info fields Quadrant decides on, cached under Slack's own names so any reader of keys.userInfo understands them. */
export interface SlackUserFacts {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  deleted?: boolean;
  /** The IANA zone of the person's Slack profile. */
  tz?: string;
}

// A command's admin check and the introduction it triggers ask about the same person at once: one request serves both.
const inFlight = new Map<string, Promise<SlackUserFacts | undefined>>();

/** users.info, cached; undefined when Slack cannot be asked (callers choose the safe default). */
export function slackUserFacts(deps: Deps, team: string, user: string): Promise<SlackUserFacts | undefined> {
  const key = deps.keys.userInfo(team, user);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = lookUp(deps, key, team, user).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function lookUp(deps: Deps, key: string, team: string, user: string): Promise<SlackUserFacts | undefined> {
  const hit = await deps.redis.get(key);
  if (hit) return JSON.parse(hit) as SlackUserFacts;
  try {
    const client = await deps.slackFor(team);
    const u = (await client.users.info({ user })).user;
    if (!u) return undefined;
    const facts: SlackUserFacts = { is_admin: u.is_admin === true, is_owner: u.is_owner === true, is_primary_owner: u.is_primary_owner === true, deleted: u.deleted === true, ...(u.tz ? { tz: u.tz } : {}) };
    await deps.redis.set(key, JSON.stringify(facts), 'EX', USER_CACHE_SECONDS);
    return facts;
  } catch (err) {
    deps.logger.warn({ err, team, user }, 'users.info failed');
    return undefined;
  }
}

/** The person's own zone, for their quiet hours; undefined means "use the workspace's". */
export async function userTimezone(deps: Deps, team: string, user: string): Promise<string | undefined> {
  return (await slackUserFacts(deps, team, user))?.tz;
}
