import type { WebClient } from '@slack/web-api';

export interface ChannelProblem {
  channel: string;
  /** `not_member`: public channel the bot was not added to; `not_found`: private (invite needed) or gone. */
  problem: 'not_member' | 'not_found' | 'archived';
  name?: string;
}

/**
 * Can the bot work in these channels? Digests, nudges and emergency posts all need it to be a member.
 * A Slack hiccup while asking is not the admin's problem, so unknown answers pass.
 */
export async function checkBotMembership(client: WebClient, channels: string[]): Promise<ChannelProblem[]> {
  const unique = [...new Set(channels)];
  const answers = await Promise.all(unique.map((channel) => ask(client, channel)));
  return answers.filter((p): p is ChannelProblem => p !== undefined);
}

async function ask(client: WebClient, channel: string): Promise<ChannelProblem | undefined> {
  try {
    const res = await client.conversations.info({ channel });
    const c = res.channel;
    if (!c || c.is_im) return undefined;
    if (c.is_archived) return { channel, problem: 'archived', name: c.name };
    if (c.is_member === false) return { channel, problem: 'not_member', name: c.name };
    return undefined;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code === 'channel_not_found') return { channel, problem: 'not_found' };
    return undefined;
  }
}
