import { AREAS, type Area } from './areas';

/**
 * Workspace keywords (settings.keywords) matched as whole words in lower-cased prose. Settings
 * objects are reused across messages, so each list is compiled once per object.
 */

interface Compiled {
  area: Area;
  keyword: string;
  pattern: RegExp;
}

const compiled = new WeakMap<Partial<Record<Area, string[]>>, Compiled[]>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(keywords: Partial<Record<Area, string[]>>): Compiled[] {
  const out: Compiled[] = [];
  for (const area of AREAS) {
    for (const keyword of keywords[area] ?? []) {
      const word = keyword.trim().toLowerCase();
      if (word.length === 0) continue;
      out.push({ area, keyword: word, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u') });
    }
  }
  return out;
}

/** Every keyword found, at most one per area (the first in its list). */
export function keywordHits(keywords: Partial<Record<Area, string[]>>, prose: string): Array<{ area: Area; keyword: string }> {
  let list = compiled.get(keywords);
  if (!list) {
    list = compile(keywords);
    compiled.set(keywords, list);
  }
  const hits: Array<{ area: Area; keyword: string }> = [];
  for (const entry of list) {
    if (hits.some((h) => h.area === entry.area)) continue;
    if (entry.pattern.test(prose)) hits.push({ area: entry.area, keyword: entry.keyword });
  }
  return hits;
}
