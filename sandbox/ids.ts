import { randomBytes } from 'node:crypto';
/**
 * Identifiers the sandbox hands out. Counters rather than random values, so two runs of the same
 * test produce the same ids and a failure can be read against the previous run's output.
 */

/** Formats microseconds since the epoch as a Slack message timestamp ("1732444800.000100"). */
export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1e6);
  return `${seconds}.${String(micros - seconds * 1e6).padStart(6, '0')}`;
}

/** Parses a Slack timestamp back to microseconds; NaN when it is not one. */
export function parseTs(ts: string): number {
  const m = /^(\d+)\.(\d{6})$/.exec(ts);
  return m ? Number(m[1]) * 1e6 + Number(m[2]) : Number.NaN;
}

/**
 * Message timestamps from the clock, strictly increasing: Slack's ts is the message id within a
 * channel, so two posts in the same millisecond must still differ.
 */
export function createTsClock(now: () => number): () => string {
  let last = 0;
  return () => {
    const micros = Math.max(Math.floor(now() * 1000), last + 1);
    last = micros;
    return formatTs(micros);
  };
}

/** "V" + "0SB" + zero-padded counter: upper-case letters and digits, like Slack's own ids. */
/**
 * Differs on every start: the app keeps seen-keys and dedup keys in Redis for a day, and a sandbox restarted
 * against the same Redis must not reuse the last run's event, view or trigger ids (real Slack never does).
 */
export const RUN_TAG = randomBytes(3).toString('hex').toUpperCase();

export function createIdSequence(prefix: string, width = 6): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(width, '0')}`;
}

/** Short block or action ids in the style Slack assigns when an app leaves them out ("a1B2c"). */
export function createShortIdSequence(): () => string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let n = 0;
  return () => {
    let x = ++n * 7919 + 104729;
    let out = '';
    for (let i = 0; i < 5; i++) {
      out += alphabet[x % alphabet.length];
      x = Math.floor(x / alphabet.length) + i * 31;
    }
    return out;
  };
}
