import type { WorkspaceSettings } from '../../config/settings';
import type { Issue } from '../../core/errors';
import type { KeyPath } from '../../core/settings-diff';
import type { Deps } from '../../deps';
import { channelProblemText } from '../../slack/blocks/quadrant-words';
import { checkBotMembership } from './check-channels';

/**
 * What the schema cannot know: that every user id names a person in this workspace, and that the bot
 * can work in every configured channel. Issues carry the key path of the first place each id appears.
 */
export async function checkReferences(deps: Deps, team: string, settings: WorkspaceSettings): Promise<Issue[]> {
  const client = await deps.slackFor(team);
  const channels = new Map<string, KeyPath>();
  for (const id of Object.keys(settings.channels)) channels.set(id, ['channels', id]);
  if (settings.emergency.channel && !channels.has(settings.emergency.channel)) channels.set(settings.emergency.channel, ['emergency', 'channel']);
  if (settings.default_digest && !channels.has(settings.default_digest)) channels.set(settings.default_digest, ['default_digest']);

  const users = new Map<string, KeyPath>();
  settings.admins.forEach((u, i) => users.has(u) || users.set(u, ['admins', i]));
  settings.emergency.tiers.forEach((tier, i) => tier.forEach((p, j) => users.has(p.slack) || users.set(p.slack, ['emergency', 'tiers', i, j, 'slack'])));

  const [channelProblems, userProblems] = await Promise.all([
    checkBotMembership(client, [...channels.keys()]),
    Promise.all(
      [...users.keys()].map(async (user): Promise<Issue | undefined> => {
        try {
          const res = await client.users.info({ user });
          if (res.user?.deleted) return { code: 'user_deactivated', path: users.get(user)!, message: `${user} is deactivated in this workspace` };
          if (res.user?.is_bot) return { code: 'user_is_bot', path: users.get(user)!, message: `${user} is a bot, not a person` };
          return undefined;
        } catch (err) {
          const code = (err as { data?: { error?: string } }).data?.error;
          // Only Slack's own "no such user" counts; a hiccup while asking is not the admin's problem.
          return code === 'user_not_found' ? { code: 'user_not_found', path: users.get(user)!, message: `no user ${user} in this workspace` } : undefined;
        }
      }),
    ),
  ]);
  return [
    ...channelProblems.map((p): Issue => ({ code: `channel_${p.problem}`, path: channels.get(p.channel)!, message: channelProblemText(p) })),
    ...userProblems.filter((i): i is Issue => i !== undefined),
  ];
}
