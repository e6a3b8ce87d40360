const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

const DURATION = /^(\d+)(s|m|h|d)$/;

/** Parses "90s" | "5m" | "2h" | "21d" into milliseconds; undefined when the text is not one of those. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as Unit];
}

/** The largest whole unit that expresses `ms` exactly, so a parsed value prints back as written. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (ms % UNIT_MS[unit] === 0 && ms >= UNIT_MS[unit]) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}

/** Human wording for people: "3 weeks", "2 days", "5 minutes". */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  const steps: Array<[number, string]> = [
    [7 * 86_400_000, 'week'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, name] of steps) {
    if (abs >= size) {
      const n = Math.round(abs / size);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  const n = Math.round(abs / 1000);
  return `${n} second${n === 1 ? '' : 's'}`;
}
