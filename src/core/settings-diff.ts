/** What changed between two versions of a workspace's settings, leaf by leaf, with zod-style key paths. */

export type KeyPath = (string | number)[];

export interface SettingsDiffEntry {
  path: KeyPath;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/**
 * Leaf-level differences, in key order. Lists of plain values (digest days, providers, admins) count as
 * one leaf, so "days: [mon] -> [mon, tue]" reads as one change; lists of objects (on-call tiers) are
 * compared position by position.
 */
export function diffSettings(before: unknown, after: unknown): SettingsDiffEntry[] {
  const out: SettingsDiffEntry[] = [];
  compare(before, after, [], out);
  return out;
}

function compare(a: unknown, b: unknown, path: KeyPath, out: SettingsDiffEntry[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push({ path, kind: 'added', after: b });
  if (b === undefined) return void out.push({ path, kind: 'removed', before: a });
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const key of keys) compare(a[key], b[key], [...path, key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && (a.some(isComposite) || b.some(isComposite))) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) compare(a[i], b[i], [...path, i], out);
    return;
  }
  if (!sameValue(a, b)) out.push({ path, kind: 'changed', before: a, after: b });
}

/** "emergency.tiers[0][1].phone", as config/load.ts prints paths. */
export function formatKeyPath(path: KeyPath): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Unique changed paths, cut to at most `depth` keys, for a one-line summary ("channels.C0OPS, emergency.tiers"). */
export function changedAreas(entries: SettingsDiffEntry[], depth = 2): string[] {
  const seen = new Set<string>();
  for (const entry of entries) {
    const kept: KeyPath = [];
    for (const part of entry.path) {
      if (kept.filter((p) => typeof p === 'string').length >= depth) break;
      kept.push(part);
    }
    // A trailing index says nothing on its own: "emergency.tiers", not "emergency.tiers[0]".
    while (typeof kept.at(-1) === 'number') kept.pop();
    seen.add(formatKeyPath(kept));
  }
  return [...seen];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) return diffSettings(a, b).length === 0;
  return Object.is(a, b);
}

function isComposite(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
