import { AREA_INFO } from '../../core/areas';
import type { Item } from '../../core/item';
import { PRIORITY_LABEL, priorityRank } from '../../core/priority';
import { escapeText } from '../escape';

const MAX_LISTED = 20;

/** `/async list`: open items, most pressing first, each with a Done button. */
export function itemListMessage(items: Item[]): { text: string; blocks: unknown[] } {
  const open = items.filter((i) => i.status === 'open').sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.createdAt - b.createdAt);
  if (open.length === 0) return { text: 'You have no open items. File one with `/async <text>`.', blocks: [] };
  const shown = open.slice(0, MAX_LISTED);
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*Your open items (${open.length})*` } }];
  for (const item of shown) {
    const text = escapeText(item.text.length > 200 ? `${item.text.slice(0, 199)}…` : item.text);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `\`${item.id}\` *${PRIORITY_LABEL[item.priority]}* · ${AREA_INFO[item.area].label}\n${text}` },
      accessory: { type: 'button', text: { type: 'plain_text', text: 'Done' }, action_id: 'item_done', value: item.id },
    });
  }
  if (open.length > shown.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${open.length - shown.length} more.` }] });
  return { text: `Your open items (${open.length})`, blocks };
}
