import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';

/** A day: names change rarely, and a digest of 2,000 items from 40 people must not cost 40 calls every morning. */
const NAME_TTL_S = 86_400;
const CONCURRENCY = 4;

/**
 * Display names for digest lines, from a Redis cache filled by users.info. A name that cannot be read is left
 * out (the line shows the user id), so a users.info failure never stops a digest.
 */
export async function authorNames(deps: Deps, client: WebClient, team: string, users: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(users)];
  if (unique.length === 0) return {};
  const cached = await deps.redis.mget(unique.map((u) => deps.keys.authorName(team, u)));
  const names: Record<string, string> = {};
  const missing: string[] = [];
  unique.forEach((user, i) => {
    const name = cached[i];
    if (name) names[user] = name;
    else missing.push(user);
  });
  for (let i = 0; i < missing.length; i += CONCURRENCY) {
    await Promise.all(
      missing.slice(i, i + CONCURRENCY).map(async (user) => {
        try {
          const res = await client.users.info({ user });
          const name = res.user?.profile?.display_name || res.user?.real_name || res.user?.name;
          if (!name) return;
          names[user] = name;
          await deps.redis.set(deps.keys.authorName(team, user), name, 'EX', NAME_TTL_S);
        } catch (err) {
          deps.logger.debug({ err, team, user }, 'users.info failed; the digest shows the user id');
        }
      }),
    );
  }
  return names;
}
