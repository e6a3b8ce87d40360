/**
 * Remembers answers that hold from the moment they were worked out until a moment they name (the next digest,
 * the end of a week): the time-zone math behind them costs more than the work that asks on every filing.
 * Past `limit` keys it starts over rather than grow.
 */
export function createUntilCache<T>(limit: number): (key: string, now: number, compute: () => { value: T; until: number }) => T {
  const entries = new Map<string, { from: number; until: number; value: T }>();
  return (key, now, compute) => {
    const hit = entries.get(key);
    if (hit && now >= hit.from && now < hit.until) return hit.value;
    const { value, until } = compute();
    if (entries.size > limit) entries.clear();
    entries.set(key, { from: now, until, value });
    return value;
  };
}
