/**
 * Action ids of the admin surface's buttons. Slack wants action ids unique within a message or view, so
 * buttons repeated per row append `_<suffix>`; listeners match the prefixes below.
 */
export const OPEN_ACTIONS = {
  setup: 'quadrant_open_setup',
  basics: 'quadrant_open_basics',
  digests: 'quadrant_open_digests',
  oncall: 'quadrant_open_oncall',
  channel: 'quadrant_open_channel',
  import: 'quadrant_open_import',
} as const;
export type OpenTarget = keyof typeof OPEN_ACTIONS;

export const OPEN_ACTION_PATTERN = /^quadrant_open_(setup|basics|digests|oncall|channel|import)(_[A-Z0-9]+)?$/;
export const ROLLBACK_ACTION = 'quadrant_rollback';
export const ROLLBACK_ACTION_PATTERN = /^quadrant_rollback(_\d+)?$/;

/** Which modal an open button asks for, from its action id. */
export function openTargetOf(actionId: string): OpenTarget | undefined {
  return OPEN_ACTION_PATTERN.exec(actionId)?.[1] as OpenTarget | undefined;
}

export function button(text: string, actionId: string, extra: { value?: string; style?: 'primary' | 'danger'; confirm?: unknown } = {}) {
  return { type: 'button', text: { type: 'plain_text', text }, action_id: actionId, ...extra };
}
