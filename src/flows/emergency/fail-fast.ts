/** Races a Redis call against a short deadline: on the emergency path a slow Redis must not hold up a page. */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Bounded in-memory memory of recent dedup keys, for when Redis cannot remember them for us. */
export function createRecentKeys(ttlMs: number, max = 10_000) {
  const seen = new Map<string, { value: string; at: number }>();
  return {
    get(key: string, now: number): string | undefined {
      const hit = seen.get(key);
      return hit && now - hit.at < ttlMs ? hit.value : undefined;
    },
    set(key: string, value: string, now: number): void {
      if (seen.size >= max) seen.delete(seen.keys().next().value as string);
      seen.set(key, { value, at: now });
    },
  };
}
