import type { Deps } from '../../deps';
import { withDeadline } from './fail-fast';

// Per Redis prefix: several apps share a process in tests and benchmarks.
const inflight = new Map<string, Set<Promise<unknown>>>();

/** Remembers follow-up work (page retries, the channel post, provider follow-ups) until it settles. */
export function trackEmergencyWork(deps: Pick<Deps, 'keys'>, work: Promise<unknown>): void {
  let set = inflight.get(deps.keys.prefix);
  if (!set) inflight.set(deps.keys.prefix, (set = new Set()));
  const tracked = set;
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  tracked.add(settled);
  void settled.then(() => tracked.delete(settled));
}

/**
 * For a graceful stop: waits (at most `ms`) for pages still retrying and posts still on their way, so a
 * deploy during an emergency does not cut a page short. Returns how many were still running at the deadline.
 */
export async function drainEmergencyWork(deps: Pick<Deps, 'keys'>, ms: number): Promise<number> {
  const set = inflight.get(deps.keys.prefix);
  if (!set || set.size === 0) return 0;
  await withDeadline(Promise.all([...set]), ms).catch(() => undefined);
  return set.size;
}
