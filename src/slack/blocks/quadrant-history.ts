import type { SettingsChange, SettingsChangeKind } from '../../store/settings-store';
import { button, ROLLBACK_ACTION } from './quadrant-actions';
import { slackDate } from './slack-date';

const KIND_LABEL: Record<SettingsChangeKind, string> = {
  set: 'change',
  setup: 'setup',
  channel: 'channel role',
  oncall: 'on-call',
  import: 'import',
  rollback: 'rollback',
};
const MAX_PATHS = 6;

function describe(change: SettingsChange): string {
  const kind = change.kind === 'rollback' && change.reverts ? `rollback to before #${change.reverts}` : KIND_LABEL[change.kind] ?? change.kind;
  const paths = change.changed.length
    ? change.changed.slice(0, MAX_PATHS).map((p) => `\`${p}\``).join(', ') + (change.changed.length > MAX_PATHS ? ` and ${change.changed.length - MAX_PATHS} more` : '')
    : change.next === null ? 'back to the defaults / QUADRANT_CONFIG' : 'no effective change';
  return `*#${change.id}* · ${slackDate(change.at)} · <@${change.by}> · ${kind}\n${paths}`;
}

/** `/quadrant history`: newest first; admins get a Roll back button (with a confirmation) on each change. */
export function historyMessage(changes: SettingsChange[], options: { isAdmin: boolean; authoritative: boolean }): { text: string; blocks: unknown[] } {
  if (changes.length === 0) return { text: 'No settings changes yet.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'No settings changes yet. `/quadrant setup` makes the first.' } }] };
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: '*Recent settings changes*' } }];
  for (const change of changes) {
    const rollback = button('Roll back', `${ROLLBACK_ACTION}_${change.id}`, {
      value: String(change.id),
      confirm: {
        title: { type: 'plain_text', text: `Roll back #${change.id}?` },
        text: { type: 'plain_text', text: `This restores the settings as they were before change #${change.id}. Changes made after it are undone too; the rollback itself can be rolled back.` },
        confirm: { type: 'plain_text', text: 'Roll back' },
        deny: { type: 'plain_text', text: 'Cancel' },
      },
    });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: describe(change) }, ...(options.isAdmin && !options.authoritative ? { accessory: rollback } : {}) });
  }
  return { text: 'Recent settings changes', blocks };
}
