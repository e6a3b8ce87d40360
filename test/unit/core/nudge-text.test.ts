import { NUDGE_RULE, type Nudge, type NudgeButton } from '../../../src/core/nudge';
import { noticeNeeded, nudgeMessage } from '../../../src/core/nudge-text';
import { RULES } from '../../../src/core/rules';

const DAY = 86_400_000;
const ZONE = 'Europe/Budapest';
const WED_0900 = Date.parse('2026-11-25T08:00:00Z');

// One row per nudge code, with the phrase each must carry for the author to know what happened.
const cases: Array<[label: string, nudge: Nudge, buttons: NudgeButton[], mustContain: string[]]> = [
  ['queued, with the post time in the reader\'s zone and a local fallback', { code: 'queued_for_digest', digestChannel: 'C0OPS', postsAt: WED_0900 }, ['keep_as_is'], ['<#C0OPS>', `<!date^${WED_0900 / 1000}^`, '|Wed 25 Nov, 09:00>']],
  ['queued deep work names the hub', { code: 'queued_for_digest', digestChannel: 'C0OPS', hubChannel: 'C0HUB' }, ['keep_as_is'], ['<#C0OPS>', '<#C0HUB>']],
  ['broadcast FYI names the broadcast harmlessly', { code: 'broadcast_fyi', broadcast: 'channel', digestChannel: 'C0OPS', postsAt: WED_0900 }, ['keep_as_is'], ['`@channel`', '<#C0OPS>']],
  ['belongs in the digest', { code: 'belongs_in_digest', digestChannel: 'C0OPS' }, ['send_to_digest', 'keep_as_is'], ['<#C0OPS>']],
  ['belongs in the hub', { code: 'belongs_in_hub', hubChannel: 'C0HUB' }, ['keep_as_is'], ['<#C0HUB>']],
  ['not an emergency, with a digest', { code: 'not_an_emergency', digestChannel: 'C0OPS' }, ['send_to_digest', 'keep_as_is'], ['<#C0OPS>']],
  ['not an emergency, no digest', { code: 'not_an_emergency' }, ['keep_as_is'], ['emergencies']],
  ['suggest /emergency', { code: 'suggest_emergency' }, ['declare_emergency', 'keep_as_is'], ['`/emergency`']],
  ['could this be async?', { code: 'ask_async' }, ['make_async', 'keep_as_is'], ['Could this be async?']],
  ['5 days of notice against 21', { code: 'warn_lead_time', leadMs: 5 * DAY, neededMs: 21 * DAY }, [], ['5 days away', "at least 3 weeks' notice"]],
  ['10d needed states 10 days, never a rounded "1 week"', { code: 'warn_lead_time', leadMs: 8 * DAY, neededMs: 10 * DAY }, [], ['8 days away', "at least 10 days' notice"]],
  ['20.9 days reads 20 days, not "3 weeks"', { code: 'warn_lead_time', leadMs: 20.9 * DAY, neededMs: 21 * DAY }, [], ['20 days away']],
  ['hours of notice', { code: 'warn_lead_time', leadMs: 3_600_000, neededMs: 21 * DAY }, [], ['less than a day']],
];

describe('nudgeMessage', () => {
  test.each(cases)('%s', (_label, nudge, buttons, mustContain) => {
    const message = nudgeMessage(nudge, buttons, ZONE);
    for (const phrase of mustContain) expect(message.text).toContain(phrase);
    expect(message.rule).toBe(RULES[NUDGE_RULE[nudge.code]]);
    expect(message.buttons.map((b) => b.id)).toEqual(buttons);
  });

  test('every text is short and free of blaming words', () => {
    for (const [, nudge, buttons] of cases) {
      const { text } = nudgeMessage(nudge, buttons, ZONE);
      expect(text.length).toBeLessThanOrEqual(400);
      expect(text).not.toMatch(/\b(wrong|violat\w*|not allowed|should have|must not|bad|spam)\b/i);
    }
  });

  test('button labels are the ones people see in Slack', () => {
    const { buttons } = nudgeMessage({ code: 'suggest_emergency' }, ['send_to_digest', 'declare_emergency', 'keep_as_is', 'make_async'], ZONE);
    expect(buttons.map((b) => b.label)).toEqual(['Send to digest', 'Declare emergency', 'Keep as is', 'Make it async']);
  });
});

describe('noticeNeeded', () => {
  test.each([
    [21 * DAY, "3 weeks' notice"],
    [7 * DAY, "1 week's notice"],
    [10 * DAY, "10 days' notice"],
    [1 * DAY, "1 day's notice"],
    [36 * 3_600_000, "36 hours' notice"],
    [90 * 60_000, "90 minutes' notice"],
    [90_000, "90 seconds' notice"],
  ])('%d ms reads %s', (ms, words) => {
    expect(noticeNeeded(ms)).toBe(words);
  });
});

describe('RULES', () => {
  test('each rule is one short line', () => {
    for (const rule of Object.values(RULES)) {
      expect(rule).not.toContain('\n');
      expect(rule.length).toBeLessThanOrEqual(100);
    }
  });
});
