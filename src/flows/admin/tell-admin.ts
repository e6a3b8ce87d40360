import type { WebClient } from '@slack/web-api';

/**
 * A private note after a modal closes: ephemeral where the flow started when that is a channel, else a DM
 * from the app (a modal has no response_url, and an ephemeral in a DM the bot is not part of fails).
 */
export async function tellAdmin(client: WebClient, to: { user: string; origin?: string }, text: string): Promise<void> {
  if (to.origin && /^[CG]/.test(to.origin)) {
    const sent = await client.chat.postEphemeral({ channel: to.origin, user: to.user, text }).then(() => true, () => false);
    if (sent) return;
  }
  await client.chat.postMessage({ channel: to.user, text });
}
