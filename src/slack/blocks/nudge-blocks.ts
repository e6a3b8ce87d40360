import type { KnownBlock } from '@slack/web-api';
import type { NudgeMessage } from '../../core/nudge-text';

/** Button values carry only where the message is; its text waits in Redis (keys.nudgeContext). */
export interface NudgeRef {
  channel: string;
  ts: string;
}

export const NUDGE_ACTION_PREFIX = 'nudge_';

/** An ephemeral nudge: the friendly text, the one-line rule it enforces, and its buttons. */
export function nudgeBlocks(message: NudgeMessage, ref: NudgeRef): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: message.text } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `:bulb: ${message.rule}` }] },
  ];
  if (message.buttons.length) {
    blocks.push({
      type: 'actions',
      elements: message.buttons.map((b, i) => ({
        type: 'button' as const,
        text: { type: 'plain_text' as const, text: b.label },
        action_id: `${NUDGE_ACTION_PREFIX}${b.id}`,
        value: JSON.stringify(ref),
        ...(i === 0 ? { style: b.id === 'declare_emergency' ? ('danger' as const) : ('primary' as const) } : {}),
      })),
    });
  }
  return { text: message.text, blocks };
}
