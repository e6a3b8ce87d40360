import type { ModalView } from '@slack/web-api';
import { ACTION } from './quadrant-view-state';

export const IMPORT_MODAL_ID = 'quadrant_import';
/** Slack's limit for a plain_text_input. */
export const IMPORT_MAX_CHARS = 3000;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** `/quadrant import`: paste YAML; prefilled with the current (masked) export when it fits. */
export function importModal(current?: string): ModalView {
  const prefill = current && current.length <= IMPORT_MAX_CHARS ? { initial_value: current } : {};
  return {
    type: 'modal',
    callback_id: IMPORT_MODAL_ID,
    title: plain('Import settings'),
    submit: plain('Check and import'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Paste settings in the `QUADRANT_CONFIG` format (what `/quadrant export` gives). They replace the current settings; keys left out take their defaults. Everything is checked first: if anything is wrong, nothing changes. Masked phone numbers keep the stored ones.',
        },
      },
      { type: 'input', block_id: 'yaml', label: plain('Settings (YAML)'), element: { type: 'plain_text_input', action_id: ACTION, multiline: true, max_length: IMPORT_MAX_CHARS, ...prefill } },
    ] as ModalView['blocks'],
  };
}
