import type { ModalView } from '@slack/web-api';
import { SEVERITIES, SEVERITY_LABEL } from '../../core/emergency';

export const EMERGENCY_MODAL_ID = 'emergency_modal';

/** The form `/emergency` (no text) and the "Declare emergency" shortcut open. */
export function emergencyModal(meta: { channel: string; ts?: string }, text = ''): ModalView {
  return {
    type: 'modal',
    callback_id: EMERGENCY_MODAL_ID,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Declare an emergency' },
    submit: { type: 'plain_text', text: 'Page the on-call' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'For outages, security incidents, data loss and customers blocked *right now*. This pages people by phone.' },
      },
      {
        type: 'input',
        block_id: 'text',
        label: { type: 'plain_text', text: 'What is happening?' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000, ...(text ? { initial_value: text.slice(0, 3000) } : {}) },
      },
      {
        type: 'input',
        block_id: 'severity',
        optional: true,
        label: { type: 'plain_text', text: 'Severity' },
        element: {
          type: 'static_select',
          action_id: 'value',
          initial_option: { text: { type: 'plain_text', text: SEVERITY_LABEL.critical }, value: 'critical' },
          options: SEVERITIES.map((s) => ({ text: { type: 'plain_text' as const, text: SEVERITY_LABEL[s] }, value: s })),
        },
      },
    ],
  };
}
