import type { ModalView } from '@slack/web-api';
import type { SettingsChange } from '../../store/settings-store';

/** A modal that only says something (a refusal, an expired form), shown with `response_action: update`. */
export function noticeModal(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title.slice(0, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

/** What the admin is told after a save. */
export function savedText(what: string, change: SettingsChange | undefined): string {
  if (!change) return `${what}: nothing changed, the settings already said that.`;
  const paths = change.changed.slice(0, 8).map((p) => `\`${p}\``).join(', ') + (change.changed.length > 8 ? ` and ${change.changed.length - 8} more` : '');
  return `${what} (change #${change.id}): ${paths}. It applies now, everywhere. \`/quadrant config\` shows the settings; \`/quadrant history\` can roll this back.`;
}
