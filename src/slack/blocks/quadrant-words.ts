import { WEEKDAYS, type ChannelSetting, type Weekday } from '../../config/settings';
import { AREA_INFO } from '../../core/areas';
import type { Issue } from '../../core/errors';
import type { SyntaxIssue } from '../../config/load';
import { formatKeyPath } from '../../core/settings-diff';
import type { ChannelProblem } from '../../flows/admin/check-channels';
import { AUTHORITATIVE_ISSUE } from '../../store/settings-store';

/** Words for the admin surface, in one place: refusals, validation problems, channel roles. */

/** The admin-only things a refusal can name; most change settings, some only show or act. */
export type AdminAction = 'change' | 'see_full' | 'test_pages' | 'post_digest' | 'erase';

const ADMIN_ACTION: Record<AdminAction, { can: string; instead?: string }> = {
  change: { can: "change Quadrant's settings" },
  // Seeing is not changing: the masked export is open to everyone, so point at it.
  see_full: { can: "see Quadrant's settings with full phone numbers", instead: ' `/quadrant export` shows you the same settings with the numbers masked.' },
  test_pages: { can: 'send test pages to the on-call' },
  post_digest: { can: 'post a digest ahead of its schedule' },
  erase: { can: "erase someone's data from Quadrant" },
};

/** The polite no, naming who can, and what for. */
export function notAdminText(admins: string[], action: AdminAction = 'change'): string {
  const named = admins.length ? ` or one of the Quadrant admins (${admins.map((a) => `<@${a}>`).join(', ')})` : '';
  const { can, instead = '' } = ADMIN_ACTION[action];
  return `Only workspace admins and owners${named} can ${can}.${instead} Ask one of them to do it, or to add you to \`admins\` with \`/quadrant setup\` or \`/quadrant import\`.`;
}

/** The same, without mentions, for places that show plain text only (modal errors, view titles). */
export function notAdminPlain(): string {
  return "Only workspace admins and owners, or people listed as Quadrant admins, can change Quadrant's settings.";
}

const DAY_LABEL: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** ["mon".."fri"] -> "Mon–Fri"; all seven -> "every day"; otherwise "Mon, Wed, Fri". */
export function describeDays(days: readonly Weekday[]): string {
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  if (sorted.length === 7) return 'every day';
  const first = WEEKDAYS.indexOf(sorted[0]!);
  const contiguous = sorted.length >= 3 && sorted.every((d, i) => WEEKDAYS.indexOf(d) === first + i);
  if (contiguous) return `${DAY_LABEL[sorted[0]!]}–${DAY_LABEL[sorted.at(-1)!]}`;
  return sorted.map((d) => DAY_LABEL[d]).join(', ');
}

/** "Daily operations · digest at 09:00, Mon–Fri", "Deep work · the hub", "Emergency · emergencies are posted here". */
export function describeChannel(c: ChannelSetting, options: { isEmergencyChannel?: boolean; timezone?: string } = {}): string {
  const parts = [AREA_INFO[c.area].label];
  if (c.digest) parts.push(`digest at ${c.digest.at}, ${describeDays(c.digest.days)}${options.timezone ? ` (${options.timezone})` : ''}`);
  if (c.hub) parts.push('the hub');
  if (options.isEmergencyChannel) parts.push('emergencies are posted here');
  return parts.join(' · ');
}

/** Plain text (modal fields show no markup): what is wrong with the channel, and how to fix it. */
export function channelProblemText(p: ChannelProblem, then = 'then submit again'): string {
  const where = p.name ? `#${p.name}` : 'that channel';
  switch (p.problem) {
    case 'not_member':
      return `I'm not in ${where} yet. Open ${where} and type /invite @quadrant, ${then}.`;
    case 'not_found':
      return `I can't see ${where}: if it is private, open it and type /invite @quadrant, ${then}.`;
    case 'archived':
      return `${where} is archived; pick another channel.`;
  }
}

/** One line per problem with its key path (and line, for YAML), at most `max` of them. */
export function issueLines(issues: Issue[], max = 6): string[] {
  const lines = issues.slice(0, max).map((i) => {
    if (i.code === AUTHORITATIVE_ISSUE) return `• ${i.message}`;
    const line = i.line ? `line ${i.line}` : undefined;
    const column = (i as SyntaxIssue).column;
    if (i.code === 'yaml_syntax') return `• ${line ? `${line}${column ? `, column ${column}` : ''}` : 'YAML'}: ${i.message}`;
    return `• ${formatKeyPath(i.path)}${line ? ` (${line})` : ''}: ${i.message}`;
  });
  if (issues.length > max) lines.push(`…and ${issues.length - max} more.`);
  return lines;
}
