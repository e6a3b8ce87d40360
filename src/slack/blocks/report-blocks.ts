import type { ChannelFigures, Report } from '../../core/report';
import { escapePlain } from '../escape';
import { areaBreakdown, metricLine, REPORT_SECTIONS, suggestionText } from './report-words';

/**
 * `/quadrant report` and the weekly report: the figures of a period with their change against the period
 * before, the busiest channels, and what the figures suggest. Nobody is named unless `people` is given
 * (the flow passes it only when the settings' `report.name_people` is on).
 */

export interface ReportView {
  /** "This week so far (2026-W14) against last week". */
  heading: string;
  report: Report;
  channels: ChannelFigures[];
  /** Display names with their FYI broadcasts, most first; only when the settings allow naming people. */
  people?: Array<{ name: string; count: number }>;
  /** Set when the ranking covers fewer weeks than the report (older weeks are not kept per person). */
  peopleWeeks?: string;
}

const MAX_SECTION = 2900;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The report as mrkdwn paragraphs, shared by the message blocks and the file upload's comment. */
export function reportParagraphs(view: ReportView): string[] {
  const { report } = view;
  const byId = new Map(report.rows.map((row) => [row.id, row]));
  const paragraphs = REPORT_SECTIONS.map(({ title, metrics }) => {
    const lines = metrics.map((id) => `• ${metricLine(byId.get(id)!)}`);
    if (title === 'Messages') lines.push(`• By area: ${areaBreakdown(report.current.messages)}`);
    if (title === 'Classifier' && report.current.totalCorrections > 0) lines.push(`• Towards: ${areaBreakdown(report.current.corrections)}`);
    return `*${title}*\n${lines.join('\n')}`;
  });
  if (view.channels.length > 0) {
    const lines = view.channels.map((c) => {
      const where = c.channel === '_other' ? 'other channels' : `<#${c.channel}>`;
      const share = c.asyncShare === undefined ? '' : `, ${Math.round(c.asyncShare * 100)}% async`;
      return `• ${where}: ${count(c.messages, 'message')}${share}, ${count(c.broadcastFyis, 'FYI broadcast')}, ${count(c.nudgesSent, 'nudge')}`;
    });
    paragraphs.push(`*Busiest channels*\n${lines.join('\n')}`);
  }
  if (view.people && view.people.length > 0) {
    const weeks = view.peopleWeeks ? ` (${view.peopleWeeks})` : '';
    paragraphs.push(`*Most FYI broadcasts*${weeks}\n${view.people.map((p) => `• ${escapePlain(p.name)}: ${p.count}`).join('\n')}`);
  }
  const suggestions = report.suggestions.map((s) => `• ${suggestionText(s)}`);
  paragraphs.push(`*What this suggests*\n${suggestions.length ? suggestions.join('\n') : '• Nothing stands out: the framework is holding.'}`);
  return paragraphs;
}

export function reportMessage(view: ReportView): { text: string; blocks: unknown[] } {
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: 'Quadrant report', emoji: true } }, { type: 'context', elements: [{ type: 'mrkdwn', text: escapePlain(view.heading) }] }];
  for (const paragraph of reportParagraphs(view)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: paragraph.slice(0, MAX_SECTION) } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '`/quadrant report week`, `month` or `csv` for other views. Counts only: no message text is kept for the report.' }] });
  return { text: `Quadrant report: ${view.heading}`, blocks };
}

/** The same report as one mrkdwn text (a file upload's comment carries text, not blocks). */
export function reportText(view: ReportView): string {
  return [`*Quadrant report* · ${escapePlain(view.heading)}`, ...reportParagraphs(view)].join('\n\n');
}
