import { createHash } from 'node:crypto';

/**
 * The key PagerDuty (`dedup_key`) and Opsgenie (`alias`) use to tie trigger, acknowledge and resolve to
 * one alert. Derived, never stored: every worker computes the same key for the same emergency, so a
 * retried trigger lands on the open alert instead of paging twice.
 */
export function emergencyKey(team: string, emergencyId: string): string {
  const key = `quadrant:${team}:${emergencyId}`;
  // PagerDuty caps dedup_key at 255 characters; ids are short, but a hash keeps the rule whatever they become.
  return key.length <= 255 ? key : `quadrant:${createHash('sha256').update(key).digest('hex')}`;
}

/** Reads a key back (from a PagerDuty or Opsgenie callback); undefined for keys Quadrant did not make. */
export function parseEmergencyKey(key: string): { team: string; emergencyId: string } | undefined {
  const match = /^quadrant:([^:]+):(.+)$/.exec(key);
  if (!match) return undefined;
  return { team: match[1]!, emergencyId: match[2]! };
}
