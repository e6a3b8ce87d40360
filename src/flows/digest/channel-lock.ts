import { randomUUID } from 'node:crypto';
import type { DigestStore } from '../../store/digest-store';

/**
 * One poster per channel at a time, across processes: Slack paces messages per channel, and two workers on
 * the same digest would each post what the other has not recorded yet. The lock is renewed after every message;
 * a worker that dies leaves it to expire, and the next attempt resumes from the recorded progress.
 */

/** Comfortably longer than one message (a second of pacing plus Slack's answer), short enough for a quick takeover. */
export const DEFAULT_LOCK_TTL_MS = 60_000;
const POLL_MS = 250;

export interface ChannelLock {
  readonly token: string;
  extend(ttlMs: number): Promise<boolean>;
  release(): Promise<void>;
}

/** Takes the channel's lock, waiting up to `waitMs` for its holder; undefined when it stays taken. */
export async function acquireChannelLock(store: DigestStore, team: string, channel: string, options: { ttlMs: number; waitMs: number }): Promise<ChannelLock | undefined> {
  const token = randomUUID();
  const deadline = Date.now() + options.waitMs;
  // Real timers on purpose: this waits for another process, whatever clock the caller injected.
  while (!(await store.lock(team, channel, token, options.ttlMs))) {
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return {
    token,
    extend: (ttlMs) => store.extendLock(team, channel, token, ttlMs),
    release: () => store.unlock(team, channel, token),
  };
}
