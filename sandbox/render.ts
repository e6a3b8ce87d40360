import type { Workspace } from './workspace';
import type { Json } from './model';

/** A clickable element as the console lists it. */
export interface ButtonRef {
  label: string;
  actionId: string;
  blockId: string;
  value?: string;
  url?: string;
}

export interface Rendered {
  lines: string[];
  buttons: ButtonRef[];
}

/** Slack-formatted text for a terminal: mentions by name, links as "label (url)", entities decoded. */
export function plainText(ws: Workspace, text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${ws.person(id)?.name ?? id}`)
    .replace(/<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || ws.channel(id)?.name || id}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textObject(ws: Workspace, t: unknown): string {
  if (!t || typeof t !== 'object') return '';
  const o = t as Json;
  return typeof o.text === 'string' ? (o.type === 'mrkdwn' ? plainText(ws, o.text) : o.text) : '';
}

function richText(el: unknown, ws: Workspace): string {
  if (!el || typeof el !== 'object') return '';
  const e = el as Json;
  switch (e.type) {
    case 'text':
      return String(e.text ?? '');
    case 'user':
      return `@${ws.person(String(e.user_id))?.name ?? e.user_id}`;
    case 'channel':
      return `#${ws.channel(String(e.channel_id))?.name ?? e.channel_id}`;
    case 'link':
      return e.text ? `${e.text} (${e.url})` : String(e.url);
    case 'emoji':
      return `:${e.name}:`;
    case 'broadcast':
      return `@${e.range}`;
    default:
      return Array.isArray(e.elements) ? e.elements.map((x) => richText(x, ws)).join('') + (e.type === 'rich_text_list' ? '\n' : '') : '';
  }
}

/** Block Kit as readable lines; buttons become [Label] and are collected for /click. */
export function renderBlocks(ws: Workspace, blocks: Json[], errors?: Record<string, string>): Rendered {
  const lines: string[] = [];
  const buttons: ButtonRef[] = [];
  const control = (el: unknown, blockId: string): string => {
    if (!el || typeof el !== 'object') return '';
    const e = el as Json;
    if (e.type === 'button') {
      buttons.push({ label: textObject(ws, e.text), actionId: String(e.action_id ?? ''), blockId, value: typeof e.value === 'string' ? e.value : undefined, url: typeof e.url === 'string' ? e.url : undefined });
      return `[${buttons.length}: ${textObject(ws, e.text)}]`;
    }
    if (e.type === 'image') return '';
    if (e.type === 'overflow') return '[⋯]';
    const placeholder = textObject(ws, e.placeholder) || String(e.type).replace(/_/g, ' ');
    return `[${placeholder} ▾]`;
  };
  for (const block of blocks) {
    const blockId = String(block.block_id ?? '');
    switch (block.type) {
      case 'header':
        lines.push(`== ${textObject(ws, block.text)} ==`);
        break;
      case 'section': {
        const text = textObject(ws, block.text);
        const accessory = control(block.accessory, blockId);
        if (text || accessory) lines.push([text, accessory].filter(Boolean).join('  '));
        if (Array.isArray(block.fields)) lines.push(...block.fields.map((f) => `  • ${textObject(ws, f)}`));
        break;
      }
      case 'context':
        lines.push(`  ${(Array.isArray(block.elements) ? block.elements : []).map((e) => textObject(ws, e)).filter(Boolean).join(' · ')}`);
        break;
      case 'divider':
        lines.push('────────');
        break;
      case 'actions':
        lines.push((Array.isArray(block.elements) ? block.elements : []).map((e) => control(e, blockId)).filter(Boolean).join(' '));
        break;
      case 'image':
        lines.push(`[image: ${String(block.alt_text ?? '')}]`);
        break;
      case 'rich_text':
        lines.push(richText(block, ws));
        break;
      case 'input': {
        const element = block.element as Json | undefined;
        const optional = block.optional === true ? ' (optional)' : '';
        lines.push(`${textObject(ws, block.label)}${optional}: [${String(element?.type ?? '?')}]  (${blockId})`);
        if (errors?.[blockId]) lines.push(`  ⚠ ${errors[blockId]}`);
        break;
      }
      case 'markdown':
        lines.push(String(block.text ?? ''));
        break;
      default:
        break;
    }
  }
  return { lines: lines.flatMap((l) => l.split('\n')), buttons };
}

/** A message's blocks if it has any (they are what Slack shows), else its text. */
export function renderMessage(ws: Workspace, message: { text: string; blocks?: Json[]; files?: Json[] }): Rendered {
  const fromBlocks = message.blocks?.length ? renderBlocks(ws, message.blocks) : { lines: plainText(ws, message.text).split('\n'), buttons: [] };
  const files = (message.files ?? []).map((f) => `📎 ${String(f.name ?? f.id)}`);
  return { lines: [...fromBlocks.lines, ...files], buttons: fromBlocks.buttons };
}
