import { createHash } from 'node:crypto';

/** Derived from the declaration's dedup key, so Slack's retries and double clicks name the same emergency. */
export function emergencyIdFor(team: string, dedupKey: string): string {
  return `em${createHash('sha256').update(`${team}\u0000${dedupKey}`).digest('hex').slice(0, 10)}`;
}

/** Four digits people type in an SMS reply; derived from the id, so a retry picks the same one. */
export function codeFor(id: string, attempt: number): string {
  const n = parseInt(createHash('sha256').update(`${id}/${attempt}`).digest('hex').slice(0, 8), 16);
  return String(1000 + (n % 9000));
}
