import { messageChangedEvent, messageDeletedEvent, messageEvent, messageSubscription } from './payloads';
import type { Workspace } from './workspace';
import type { Activity, Json, SandboxChannel } from './model';

export type DeliverEvent = (event: Json, subscription: string, channel: SandboxChannel) => Promise<unknown>;

/**
 * Slack sends `message` events (and message_changed / message_deleted) for the bot's own posts
 * too; the app's router drops them (isOwnEvent, as Bolt's ignoreSelf would). Echoing them keeps the app honest
 * about its own messages.
 * Returns a function that stops echoing.
 */
export function echoBotPosts(ws: Workspace, deliver: DeliverEvent): () => void {
  const isBot = (m: { bot_id?: string }) => m.bot_id === ws.bot.botId;
  return ws.onActivity((activity: Activity) => {
    let event: Json | undefined;
    let channel: SandboxChannel | undefined;
    if (activity.kind === 'message' && isBot(activity.message)) {
      channel = ws.channel(activity.message.channel);
      if (channel) event = messageEvent(activity.message, channel);
    } else if (activity.kind === 'message_changed' && isBot(activity.message)) {
      channel = ws.channel(activity.message.channel);
      if (channel) event = messageChangedEvent(activity.message, activity.previous, channel, ws.nextTs());
    } else if (activity.kind === 'message_deleted' && isBot(activity.previous)) {
      channel = ws.channel(activity.channel);
      if (channel) event = messageDeletedEvent(activity.previous, channel, ws.nextTs());
    }
    if (event && channel) void deliver(event, messageSubscription(channel), channel);
  });
}
