import { COUNTER, type WeekCounts } from '../../core/evaluation';
import { tipsButton } from './intro-blocks';

/** App Home's "Your week": a person's own counts, shown only to them. */

const plural = (n: number, one: string, many: string) => `*${n}* ${n === 1 ? one : many}`;

/** "You filed 9 async items, 2 were done within a day; you sent 3 @here, 2 were FYIs." */
export function myWeekSentence(counts: WeekCounts): string {
  const c = (field: string) => counts[field] ?? 0;
  const filed = c(COUNTER.filed);
  const broadcasts = c(COUNTER.broadcasts);
  const parts: string[] = [];
  parts.push(filed === 0 ? 'you filed no async items' : `you filed ${plural(filed, 'async item', 'async items')}, ${plural(c(COUNTER.doneWithinDay), 'was', 'were')} done within a day`);
  parts.push(
    broadcasts === 0
      ? 'you sent no @here or @channel'
      : `you sent ${plural(broadcasts, '@here or @channel', '@here or @channel messages')}, ${plural(c(COUNTER.broadcastFyis), 'was an FYI', 'were FYIs')} that could have waited for the digest`,
  );
  return `${parts[0]![0]!.toUpperCase()}${parts[0]!.slice(1)}; ${parts[1]}.`;
}

export function myWeekBlocks(view: { thisWeek: WeekCounts; lastWeek: WeekCounts; tipsOn: boolean }): unknown[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Your week', emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: `*This week:* ${myWeekSentence(view.thisWeek)}` }, accessory: tipsButton(view.tipsOn) },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Last week: ${myWeekSentence(view.lastWeek)} Only you see this.` }] },
  ];
}
