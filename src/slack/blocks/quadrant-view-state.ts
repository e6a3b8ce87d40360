/** Reading `view.state.values` (FIELDS.md, view_submission value shapes); every input uses action_id "value". */

interface StateEntry {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }>;
  selected_conversation?: string | null;
  selected_conversations?: string[];
  selected_users?: string[];
  selected_time?: string | null;
}

export type StateValues = Record<string, Record<string, StateEntry>>;

export const ACTION = 'value';

function entry(values: StateValues, block: string): StateEntry | undefined {
  return values[block]?.[ACTION];
}

export function textOf(values: StateValues, block: string): string | undefined {
  const v = entry(values, block)?.value;
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function optionOf(values: StateValues, block: string): string | undefined {
  return entry(values, block)?.selected_option?.value ?? undefined;
}

export function optionsOf(values: StateValues, block: string): string[] {
  return (entry(values, block)?.selected_options ?? []).map((o) => o.value);
}

export function conversationOf(values: StateValues, block: string): string | undefined {
  return entry(values, block)?.selected_conversation ?? undefined;
}

export function conversationsOf(values: StateValues, block: string): string[] {
  return entry(values, block)?.selected_conversations ?? [];
}

export function usersOf(values: StateValues, block: string): string[] {
  return entry(values, block)?.selected_users ?? [];
}

export function timeOf(values: StateValues, block: string): string | undefined {
  return entry(values, block)?.selected_time ?? undefined;
}

/** private_metadata as we wrote it, or undefined when it is missing or not ours (a forged or stale view). */
export function readMetadata<T>(raw: string | undefined, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = JSON.parse(raw || 'null');
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
