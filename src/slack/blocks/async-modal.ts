import type { ModalView } from '@slack/web-api';
import { AREAS, AREA_INFO } from '../../core/areas';
import { PRIORITIES, PRIORITY_LABEL } from '../../core/priority';

export const ASYNC_MODAL_ID = 'async_modal';
/** Slack refuses a view whose text input allows more than 3,000 characters. */
export const ASYNC_MODAL_MAX_TEXT = 3000;

const option = (text: string, value: string) => ({ text: { type: 'plain_text' as const, text }, value });

/** The form `/async` opens without text. Area and priority are optional: empty means "let Quadrant decide". */
export function asyncModal(channel: string): ModalView {
  return {
    type: 'modal',
    callback_id: ASYNC_MODAL_ID,
    private_metadata: JSON.stringify({ channel }),
    title: { type: 'plain_text', text: 'File async work' },
    submit: { type: 'plain_text', text: 'File it' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'text',
        label: { type: 'plain_text', text: 'What needs doing?' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: ASYNC_MODAL_MAX_TEXT },
      },
      {
        type: 'input',
        block_id: 'area',
        optional: true,
        label: { type: 'plain_text', text: 'Area (leave empty to let Quadrant decide)' },
        element: { type: 'static_select', action_id: 'value', options: AREAS.filter((a) => a !== 'emergency').map((a) => option(AREA_INFO[a].label, a)) },
      },
      {
        type: 'input',
        block_id: 'priority',
        optional: true,
        label: { type: 'plain_text', text: 'Priority (leave empty to let Quadrant decide)' },
        element: { type: 'static_select', action_id: 'value', options: PRIORITIES.map((p) => option(PRIORITY_LABEL[p], p)) },
      },
      {
        type: 'input',
        block_id: 'due',
        optional: true,
        label: { type: 'plain_text', text: 'By when?' },
        element: { type: 'datepicker', action_id: 'value' },
      },
    ],
  };
}
