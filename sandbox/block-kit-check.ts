/**
 * The Block Kit limits that make Slack refuse a message or view with invalid_blocks /
 * invalid_arguments. Not a full schema: only the limits an app is likely to cross when it renders
 * user text (lengths, counts, duplicate ids), so the sandbox refuses what Slack would refuse.
 * Limits from Slack's Block Kit reference (docs.slack.dev/reference/block-kit).
 */
type Json = Record<string, unknown>;

const MESSAGE_BLOCK_TYPES = new Set(['section', 'divider', 'header', 'context', 'actions', 'image', 'rich_text', 'input', 'file', 'video', 'markdown', 'table']);

function textOf(obj: unknown): { type?: string; text?: string } | undefined {
  return obj && typeof obj === 'object' ? (obj as { type?: string; text?: string }) : undefined;
}

export interface BlockCheckOptions {
  surface: 'message' | 'modal' | 'home';
}

/** Returns Slack-style "[ERROR] ... [json-pointer:/blocks/0/text]" messages; empty when acceptable. */
export function checkBlocks(blocks: unknown, options: BlockCheckOptions, pointer = '/blocks'): string[] {
  const errors: string[] = [];
  const err = (path: string, what: string) => errors.push(`[ERROR] ${what} [json-pointer:${path}]`);
  if (!Array.isArray(blocks)) {
    err(pointer, 'must be an array');
    return errors;
  }
  const maxBlocks = options.surface === 'message' ? 50 : 100;
  if (blocks.length > maxBlocks) err(pointer, `no more than ${maxBlocks} items allowed`);
  const blockIds = new Set<string>();
  // action_id must be unique within its block only; every input of a modal may use "value".
  let actionIds = new Set<string>();

  const checkText = (path: string, value: unknown, max: number, plainOnly = false) => {
    const t = textOf(value);
    if (!t || typeof t.text !== 'string') return err(path, 'must provide a text object');
    if (t.type !== 'plain_text' && t.type !== 'mrkdwn') err(`${path}/type`, 'must be plain_text or mrkdwn');
    if (plainOnly && t.type !== 'plain_text') err(`${path}/type`, 'must be plain_text');
    if (t.text.length === 0) err(`${path}/text`, 'must be more than 0 characters');
    if (t.text.length > max) err(`${path}/text`, `must be less than ${max + 1} characters`);
  };
  const checkElement = (path: string, el: unknown) => {
    if (!el || typeof el !== 'object') return err(path, 'must be an object');
    const e = el as Json;
    if (typeof e.action_id === 'string') {
      if (e.action_id.length > 255) err(`${path}/action_id`, 'must be less than 256 characters');
      if (actionIds.has(e.action_id)) err(`${path}/action_id`, `action_id "${e.action_id}" is already used in this block`);
      actionIds.add(e.action_id);
    }
    if (e.type === 'button') {
      checkText(`${path}/text`, e.text, 75, true);
      if (typeof e.value === 'string' && e.value.length > 2000) err(`${path}/value`, 'must be less than 2001 characters');
      if (typeof e.url === 'string' && e.url.length > 3000) err(`${path}/url`, 'must be less than 3001 characters');
    }
    if (e.type === 'plain_text_input') {
      for (const key of ['min_length', 'max_length'] as const) {
        const n = e[key];
        const least = key === 'max_length' ? 1 : 0;
        if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < least || n > 3000)) err(`${path}/${key}`, `must be between ${least} and 3000`);
      }
    }
    if ((e.type === 'static_select' || e.type === 'multi_static_select' || e.type === 'overflow' || e.type === 'radio_buttons' || e.type === 'checkboxes') && !Array.isArray(e.options) && !Array.isArray(e.option_groups)) {
      err(`${path}/options`, 'must provide options');
    }
    if (Array.isArray(e.options) && e.options.length > (e.type === 'overflow' ? 5 : e.type === 'checkboxes' || e.type === 'radio_buttons' ? 10 : 100)) err(`${path}/options`, 'too many options');
  };

  blocks.forEach((raw, i) => {
    const path = `${pointer}/${i}`;
    if (!raw || typeof raw !== 'object') return err(path, 'must be an object');
    const b = raw as Json;
    actionIds = new Set<string>();
    if (typeof b.type !== 'string' || !MESSAGE_BLOCK_TYPES.has(b.type)) return err(`${path}/type`, `unsupported block type "${String(b.type)}"`);
    if (typeof b.block_id === 'string') {
      if (b.block_id.length > 255) err(`${path}/block_id`, 'must be less than 256 characters');
      if (blockIds.has(b.block_id)) err(`${path}/block_id`, `block_id "${b.block_id}" is already used`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'section':
        if (b.text === undefined && b.fields === undefined) err(path, 'must provide text or fields');
        if (b.text !== undefined) checkText(`${path}/text`, b.text, 3000);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields) || b.fields.length > 10) err(`${path}/fields`, 'no more than 10 items allowed');
          else b.fields.forEach((f, j) => checkText(`${path}/fields/${j}`, f, 2000));
        }
        if (b.accessory !== undefined) checkElement(`${path}/accessory`, b.accessory);
        break;
      case 'header':
        checkText(`${path}/text`, b.text, 150, true);
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) err(`${path}/elements`, 'must have 1 to 10 items');
        else b.elements.forEach((el, j) => { if ((el as Json)?.type !== 'image') checkText(`${path}/elements/${j}`, el, 3000); });
        break;
      case 'actions':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25) err(`${path}/elements`, 'must have 1 to 25 items');
        else b.elements.forEach((el, j) => checkElement(`${path}/elements/${j}`, el));
        break;
      case 'input':
        if (options.surface === 'message') err(`${path}/type`, 'input blocks are only allowed in modals and Home tabs');
        checkText(`${path}/label`, b.label, 2000, true);
        checkElement(`${path}/element`, b.element);
        break;
      case 'image':
        if (typeof b.alt_text !== 'string') err(`${path}/alt_text`, 'must provide alt_text');
        break;
      default:
        break;
    }
  });
  return errors;
}

/** View-level limits on top of the block checks (views.open/push/update/publish). */
export function checkView(view: unknown): string[] {
  if (!view || typeof view !== 'object') return ['[ERROR] must provide a view object [json-pointer:/view]'];
  const v = view as Json;
  const errors: string[] = [];
  const err = (path: string, what: string) => errors.push(`[ERROR] ${what} [json-pointer:${path}]`);
  if (v.type !== 'modal' && v.type !== 'home') err('/view/type', 'must be modal or home');
  if (v.type === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const t = textOf(v[key]);
      if (v[key] === undefined || v[key] === null) {
        if (key === 'title') err('/view/title', 'must provide a title');
        continue;
      }
      if (!t || t.type !== 'plain_text' || typeof t.text !== 'string') err(`/view/${key}`, 'must be a plain_text object');
      else if (t.text.length > 24) err(`/view/${key}/text`, 'must be less than 25 characters');
    }
    const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => (b as Json)?.type === 'input');
    if (hasInput && !v.submit) err('/view/submit', 'a modal with input blocks must have a submit button');
  }
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > 3000) err('/view/private_metadata', 'must be less than 3001 characters');
  if (typeof v.callback_id === 'string' && v.callback_id.length > 255) err('/view/callback_id', 'must be less than 256 characters');
  errors.push(...checkBlocks(v.blocks ?? [], { surface: v.type === 'home' ? 'home' : 'modal' }, '/view/blocks'));
  return errors;
}
