import { isArea, type Area } from './areas';
import { isPriority, type Priority } from './priority';

export type AsyncCommand =
  | { kind: 'modal' }
  | { kind: 'help' }
  | { kind: 'list'; scope: 'mine' | 'hub' }
  | { kind: 'done'; id: string }
  | { kind: 'done_missing_id' }
  | { kind: 'file'; text: string; area?: Area; priority?: Priority; unknownFlags: string[] };

/** Short forms people type after "+": `/async +do +ops text`. */
const AREA_ALIASES: Record<string, Area> = {
  deep: 'deep_work',
  hub: 'deep_work',
  ops: 'daily_operations',
  daily: 'daily_operations',
  meeting: 'online_meeting',
  call: 'online_meeting',
  offline: 'offline_activity',
  event: 'offline_activity',
  emergency: 'emergency',
};

/**
 * Parses `/async` text. Leading `+flags` force the area or priority: `+deep_work`/`+deep`/`+hub`,
 * `+daily_operations`/`+ops`, `+online_meeting`/`+meeting`, `+offline_activity`/`+offline`, and
 * `+do`, `+schedule`, `+delegate`, `+drop`. Flags stop at the first word that is not one.
 */
export function parseAsyncCommand(raw: string): AsyncCommand {
  const text = raw.trim();
  if (text === '') return { kind: 'modal' };
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  if (word === 'help' && rest.length === 0) return { kind: 'help' };
  if (word === 'list' && rest.length <= 1) {
    const scope = rest[0]?.toLowerCase();
    if (scope === undefined || scope === 'mine') return { kind: 'list', scope: 'mine' };
    if (scope === 'hub') return { kind: 'list', scope: 'hub' };
  }
  if (word === 'done' && rest.length <= 1) {
    const id = rest[0]?.replace(/^`|`$/g, '').toLowerCase();
    return id ? { kind: 'done', id } : { kind: 'done_missing_id' };
  }
  let area: Area | undefined;
  let priority: Priority | undefined;
  const unknownFlags: string[] = [];
  const words = text.split(/(\s+)/);
  let i = 0;
  for (; i < words.length; i += 2) {
    const token = words[i]!;
    if (!token.startsWith('+') || token.length < 2) break;
    const flag = token.slice(1).toLowerCase();
    if (isPriority(flag)) priority = flag;
    else if (isArea(flag)) area = flag;
    else if (AREA_ALIASES[flag]) area = AREA_ALIASES[flag];
    else unknownFlags.push(token);
  }
  const remaining = words.slice(i).join('').trim();
  if (remaining === '') return { kind: 'modal' };
  return { kind: 'file', text: remaining, area, priority, unknownFlags };
}
