import type { SlackView } from './views';
import type { Json } from './model';

/** What a person enters: text, an option value (or its label), several values, or a raw state entry. */
export type FieldValue = string | number | boolean | string[] | null | Json;

export interface BuiltState {
  values: SlackView['state']['values'];
  /** Required inputs left empty: Slack's client refuses to submit the modal then. */
  missing: string[];
  /** Keys that match no input of the view (a typo in a test or the console). */
  unknown: string[];
}

interface Input {
  blockId: string;
  label: string;
  optional: boolean;
  element: Json;
}

/** Input blocks of a view, with their label text, for filling in and for the console's listing. */
export function inputsOf(view: SlackView): Input[] {
  return view.blocks
    .filter((b) => b.type === 'input' && b.element && typeof b.element === 'object')
    .map((b) => ({ blockId: String(b.block_id), label: String((b.label as Json | undefined)?.text ?? b.block_id), optional: b.optional === true, element: b.element as Json }));
}

function optionsOf(element: Json): Json[] {
  const flat = Array.isArray(element.options) ? (element.options as Json[]) : [];
  const grouped = Array.isArray(element.option_groups) ? (element.option_groups as Json[]).flatMap((g) => (Array.isArray(g.options) ? (g.options as Json[]) : [])) : [];
  return [...flat, ...grouped];
}

function findOption(element: Json, wanted: string): Json | undefined {
  const w = wanted.toLowerCase();
  return optionsOf(element).find((o) => String(o.value) === wanted || String((o.text as Json | undefined)?.text ?? '').toLowerCase() === w);
}

function asList(v: FieldValue): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (v === null || v === undefined || v === '') return [];
  return String(v).split(',').map((s) => s.trim()).filter(Boolean);
}

/** The state entry Slack sends for one element (FIELDS.md, view_submission value shapes). */
function entryFor(element: Json, given: FieldValue | undefined): { entry: Json; empty: boolean } {
  const type = String(element.type);
  const has = given !== undefined;
  const text = has && given !== null ? String(given) : undefined;
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const value = has ? (text ?? null) : typeof element.initial_value === 'string' ? element.initial_value : null;
      return { entry: { type, value }, empty: value === null || value === '' };
    }
    case 'static_select':
    case 'external_select':
    case 'radio_buttons': {
      const option = has ? (text ? findOption(element, text) ?? null : null) : ((element.initial_option as Json | undefined) ?? null);
      if (has && text && !option) throw new Error(`"${text}" is not an option of ${String(element.action_id)}`);
      return { entry: { type, selected_option: option }, empty: option === null };
    }
    case 'checkboxes':
    case 'multi_static_select':
    case 'multi_external_select': {
      const options = has ? asList(given!).map((v) => {
        const o = findOption(element, v);
        if (!o) throw new Error(`"${v}" is not an option of ${String(element.action_id)}`);
        return o;
      }) : ((element.initial_options as Json[] | undefined) ?? []);
      return { entry: { type, selected_options: options }, empty: options.length === 0 };
    }
    case 'users_select':
      return single(type, 'selected_user', has ? text ?? null : element.initial_user);
    case 'conversations_select':
      return single(type, 'selected_conversation', has ? text ?? null : element.initial_conversation);
    case 'channels_select':
      return single(type, 'selected_channel', has ? text ?? null : element.initial_channel);
    case 'datepicker':
      return single(type, 'selected_date', has ? text ?? null : element.initial_date);
    case 'timepicker':
      return single(type, 'selected_time', has ? text ?? null : element.initial_time);
    case 'multi_users_select':
      return multi(type, 'selected_users', has ? asList(given!) : element.initial_users);
    case 'multi_conversations_select':
      return multi(type, 'selected_conversations', has ? asList(given!) : element.initial_conversations);
    case 'multi_channels_select':
      return multi(type, 'selected_channels', has ? asList(given!) : element.initial_channels);
    default:
      return { entry: { type, value: text ?? null }, empty: text === undefined };
  }
}

function single(type: string, key: string, value: unknown): { entry: Json; empty: boolean } {
  const v = typeof value === 'string' && value !== '' ? value : null;
  return { entry: { type, [key]: v }, empty: v === null };
}

function multi(type: string, key: string, value: unknown): { entry: Json; empty: boolean } {
  const list = Array.isArray(value) ? value.map(String) : [];
  return { entry: { type, [key]: list }, empty: list.length === 0 };
}

/**
 * Builds `view.state.values` as Slack would on submit. Keys are block ids, "block_id.action_id" or
 * the input's label; untouched inputs keep their initial values, as in Slack's client.
 */
export function buildViewState(view: SlackView, given: Record<string, FieldValue>): BuiltState {
  const values: BuiltState['values'] = {};
  const missing: string[] = [];
  const used = new Set<string>();
  for (const input of inputsOf(view)) {
    const actionId = String(input.element.action_id);
    const keys = [input.blockId, `${input.blockId}.${actionId}`, input.label];
    const key = keys.find((k) => Object.hasOwn(given, k));
    if (key) used.add(key);
    const raw = key ? given[key] : undefined;
    const isRawEntry = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'type' in raw;
    const { entry, empty } = isRawEntry ? { entry: raw as Json, empty: false } : entryFor(input.element, raw);
    values[input.blockId] = { [actionId]: entry };
    if (empty && !input.optional) missing.push(input.blockId);
  }
  return { values, missing, unknown: Object.keys(given).filter((k) => !used.has(k)) };
}
