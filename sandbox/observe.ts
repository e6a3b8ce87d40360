import type { FakeSlack } from './fake-slack';
import type { Workspace } from './workspace';
import type { EphemeralMessage, StoredMessage } from './model';

export interface WaitOptions {
  timeoutMs?: number;
  /** Named in the timeout error, to say what never happened. */
  what?: string;
}

/**
 * Resolves with the predicate's first truthy value. Re-checked on every workspace change and
 * recorded call, with a slow poll as a backstop for state that changes without an event.
 */
export function waitFor<T>(slack: FakeSlack, predicate: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      slack.workspace.off('activity', check);
      slack.off('call', check);
      slack.off('response_url', check);
      clearInterval(poll);
      clearTimeout(timer);
      fn();
    };
    function check(): void {
      try {
        const value = predicate();
        if (value) finish(() => resolve(value));
      } catch (err) {
        finish(() => reject(err));
      }
    }
    const poll = setInterval(check, 100).unref();
    const timer = setTimeout(() => {
      const { calls } = slack;
      const recent = calls.slice(-5).map((c) => `${c.method} -> ${JSON.stringify(c.response).slice(0, 120)}`);
      finish(() => reject(new Error(`waitFor timed out after ${timeoutMs} ms${options.what ? ` waiting for ${options.what}` : ''}; last Web API calls:\n  ${recent.join('\n  ') || '(none)'}`)));
    }, timeoutMs).unref();
    slack.workspace.on('activity', check);
    slack.on('call', check);
    slack.on('response_url', check);
    check();
  });
}

/** What the channel shows (top-level messages and broadcast replies), oldest first. */
export function messagesIn(ws: Workspace, channelId: string): StoredMessage[] {
  return ws.history(channelId);
}

/** The replies under a message, oldest first, without the parent itself. */
export function threadOf(ws: Workspace, channelId: string, ts: string): StoredMessage[] {
  return ws.thread(channelId, ts).filter((m) => m.ts !== ts && m.ts !== m.thread_ts);
}

export function ephemeralsFor(ws: Workspace, userId: string, channelId?: string): EphemeralMessage[] {
  return ws.ephemeralsFor(userId, channelId);
}

/** Messages in the bot's DM with the user (chat.postMessage to a user id or a D channel). */
export function dmsTo(ws: Workspace, userId: string): StoredMessage[] {
  const dm = ws.channel(`D${userId.slice(1)}`);
  return dm ? ws.allMessages(dm.id).filter((m) => m.bot_id === ws.bot.botId) : [];
}

/** Every message the bot posted (threaded replies included), oldest first. */
export function botMessages(ws: Workspace, channelId?: string): StoredMessage[] {
  const channels = channelId ? [channelId] : ws.channelList().map((c) => c.id);
  return channels.flatMap((c) => ws.allMessages(c)).filter((m) => m.bot_id === ws.bot.botId).sort((a, b) => (a.ts < b.ts ? -1 : 1));
}
