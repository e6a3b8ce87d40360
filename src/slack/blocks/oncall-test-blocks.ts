import type { KnownBlock } from '@slack/web-api';
import type { OncallTestLine, OncallTestReport } from '../../flows/emergency/oncall-test';
import { providerName } from './emergency-blocks';
import { slackDate } from './slack-date';

function who(line: OncallTestLine): string {
  if (!line.person) return `${providerName(line.provider)} (its own on-call)`;
  return `<@${line.person}>${line.tiers.length ? ` (tier ${line.tiers.join(', ')})` : ''}`;
}

/** One line per person and provider: accepted or failed (and why), and acknowledged or not. */
export function oncallTestLine(line: OncallTestLine): string {
  const outcome = line.ok ? ':white_check_mark: accepted' : `:x: failed: ${line.reason ?? 'unknown reason'}`;
  const ack = line.acknowledged ? ` · :ballot_box_with_check: acknowledged via ${line.acknowledged.via} ${slackDate(line.acknowledged.at, '{time}')}` : line.ok ? ' · not acknowledged yet' : '';
  return `${who(line)} · ${line.person ? providerName(line.provider) : 'alert'}: ${outcome}${ack}`;
}

/**
 * The `/quadrant oncall test` report (ephemeral, or a DM). Pure: pass it what `runOncallTest` returned, or
 * `latestOncallTest` later to show acknowledgements that arrived since.
 */
export function oncallTestMessage(report: OncallTestReport): { text: string; blocks: KnownBlock[] } {
  const lines = report.lines.filter((line) => line.provider !== '*');
  const failed = lines.filter((line) => !line.ok).length;
  const acked = lines.filter((line) => line.acknowledged).length;
  const title = `On-call test ${report.code}: ${lines.length - failed} of ${lines.length} test pages accepted, ${acked} acknowledged`;
  const body = report.nobody
    ? 'Nobody was paged: no on-call tiers are set up. Add them with `/quadrant oncall`.'
    : lines.length === 0
      ? 'Nobody was paged: no paging provider is configured.'
      : lines.map((line) => `• ${oncallTestLine(line)}`).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `On-call test ${report.code}` } },
    { type: 'section', text: { type: 'mrkdwn', text: body.slice(0, 2900) } },
  ];
  if (report.unavailable.length) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Not configured, so not tested: ${report.unavailable.map((u) => `${providerName(u.provider)} (${u.problems.join('; ')})`).join(', ')}.` }] });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Sent ${slackDate(report.at)} by <@${report.by}>, marked [TEST]. People acknowledge by replying \`ACK ${report.code}\`, pressing 1 in the call, or in PagerDuty/Opsgenie; you get a DM for each.` }],
  });
  return { text: `${title}.${failed ? ` ${failed} failed.` : ''}`, blocks };
}
