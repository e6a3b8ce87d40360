import { isArea, type Area } from './areas';
import { isPriority, type Priority } from './priority';

export type AsyncCommand =
  | { kind: 'modal' }
  | { kind: 'help' }
  | { kind: 'list'; scope: 'mine' | 'hub' }
  /** `list <word>` with a scope it does not know ("list all"): most likely a mistyped scope, not an item. */
  | { kind: 'list_usage'; scope: string }
  | { kind: 'done'; id: string }
  | { kind: 'done_missing_id' }
  | { kind: 'file'; text: string; area?: Area; priority?: Priority; unknownFlags: string[] };

/** Short forms people type after "+": `/async +do +ops text`. A Map, so `+constructor` is no alias. */
const AREA_ALIASES = new Map<string, Area>([
  ['deep', 'deep_work'],
  ['hub', 'deep_work'],
  ['ops', 'daily_operations'],
  ['daily', 'daily_operations'],
  ['meeting', 'online_meeting'],
  ['call', 'online_meeting'],
  ['offline', 'offline_activity'],
  ['event', 'offline_activity'],
  ['emergency', 'emergency'],
]);

const SPACE = /\s/g;
const NON_SPACE = /\S/g;

/** Where the word starting at `from` ends (the next whitespace, or the end). */
function wordEnd(text: string, from: number): number {
  SPACE.lastIndex = from;
  return SPACE.exec(text)?.index ?? text.length;
}

/** Where the next word starts at or after `from` (or the end). */
function nextWord(text: string, from: number): number {
  NON_SPACE.lastIndex = from;
  return NON_SPACE.exec(text)?.index ?? text.length;
}

/** The sub-commands (`help`, `list [mine|hub]`, `done <id>`), when the text is exactly one of them; `list <other word>` gets usage. */
function subCommand(word: string, text: string, afterWord: number): AsyncCommand | undefined {
  if (word !== 'help' && word !== 'list' && word !== 'done') return undefined;
  const rest = text.slice(afterWord).split(/\s+/).filter(Boolean);
  if (word === 'help') return rest.length === 0 ? { kind: 'help' } : undefined;
  if (rest.length > 1) return undefined;
  if (word === 'list') {
    const scope = rest[0]?.toLowerCase();
    if (scope === undefined || scope === 'mine') return { kind: 'list', scope: 'mine' };
    // Two words read as a scope, so filing "list all" as work would surprise; longer text is an item.
    return scope === 'hub' ? { kind: 'list', scope: 'hub' } : { kind: 'list_usage', scope: rest[0]! };
  }
  const id = rest[0]?.replace(/^`|`$/g, '').toLowerCase();
  return id ? { kind: 'done', id } : { kind: 'done_missing_id' };
}

/**
 * Parses `/async` text. Leading `+flags` force the area or priority: `+deep_work`/`+deep`/`+hub`,
 * `+daily_operations`/`+ops`, `+online_meeting`/`+meeting`, `+offline_activity`/`+offline`, and
 * `+do`, `+schedule`, `+delegate`, `+drop`. Flags stop at the first word that is not one. Runs on every
 * /async before the acknowledgement, so it walks the text once instead of splitting it into arrays.
 */
export function parseAsyncCommand(raw: string): AsyncCommand {
  const text = raw.trim();
  if (text === '') return { kind: 'modal' };
  const firstEnd = wordEnd(text, 0);
  const sub = subCommand(text.slice(0, firstEnd).toLowerCase(), text, firstEnd);
  if (sub) return sub;
  let area: Area | undefined;
  let priority: Priority | undefined;
  const unknownFlags: string[] = [];
  let at = 0;
  while (at < text.length && text.charCodeAt(at) === 43 /* + */) {
    const end = wordEnd(text, at);
    if (end - at < 2) break;
    const token = text.slice(at, end);
    const flag = token.slice(1).toLowerCase();
    if (isPriority(flag)) priority = flag;
    else if (isArea(flag)) area = flag;
    else if (AREA_ALIASES.has(flag)) area = AREA_ALIASES.get(flag);
    else unknownFlags.push(token);
    at = nextWord(text, end);
  }
  const remaining = text.slice(at).trim();
  if (remaining === '') return { kind: 'modal' };
  return { kind: 'file', text: remaining, area, priority, unknownFlags };
}
