import type { PageRequest } from '../../../src/core/ports';
import { pageHeadline, smsText, speechText, truncate } from '../../../src/pagers/page-text';

const request: PageRequest = { team: 'T0TEAM', emergencyId: 'E42', code: '4821', summary: 'db disk full,\nwrites fail', severity: 'critical', reporter: 'Ada', tier: 1 };

describe('smsText', () => {
  // What reaches a phone: the code twice (to reply with), one line, the test mark first when it is a test.
  test.each([
    ['an emergency', request, 'QUADRANT EMERGENCY 4821: db disk full, writes fail (declared by Ada). Reply ACK 4821 to acknowledge, RES 4821 to resolve.'],
    ['a test page', { ...request, test: true }, '[TEST] QUADRANT EMERGENCY 4821: db disk full, writes fail (declared by Ada). Reply ACK 4821 to acknowledge, RES 4821 to resolve.'],
    ['no reporter name', { ...request, reporter: '' }, 'QUADRANT EMERGENCY 4821: db disk full, writes fail. Reply ACK 4821 to acknowledge, RES 4821 to resolve.'],
    ['with a link', { ...request, link: 'https://x.slack.com/archives/C1/p1' }, 'QUADRANT EMERGENCY 4821: db disk full, writes fail (declared by Ada). Reply ACK 4821 to acknowledge, RES 4821 to resolve. https://x.slack.com/archives/C1/p1'],
  ])('%s', (_label, req, text) => {
    expect(smsText(req)).toBe(text);
  });

  test('stays within Twilio\'s 1,600 characters for any summary', () => {
    expect(smsText({ ...request, summary: 'x '.repeat(5_000), link: `https://x.slack.com/${'p'.repeat(200)}` }).length).toBeLessThanOrEqual(1_600);
  });
});

test('speechText spells the code out and says what to do', () => {
  expect(speechText(request, 300, true)).toBe('Quadrant emergency, code 4 8 2 1. db disk full, writes fail. (declared by Ada) Press 1 to acknowledge.');
  expect(speechText({ ...request, test: true }, 300, false)).toMatch(/^\[TEST\] This is a test page\. .* Open Slack to acknowledge\.$/);
});

test('pageHeadline truncates long summaries', () => {
  expect(pageHeadline({ ...request, summary: 'word '.repeat(100) }, 20)).toBe('QUADRANT EMERGENCY 4821: word word word…');
});

describe('truncate', () => {
  test.each([
    ['short text is untouched', 'db down', 20, 'db down'],
    ['cuts at a word boundary and marks the cut', 'the database is down again', 20, 'the database is…'],
    ['cuts inside a long word when there is no space', 'x'.repeat(30), 10, `${'x'.repeat(9)}…`],
  ])('%s', (_label, text, max, out) => {
    expect(truncate(text, max)).toBe(out);
    expect(truncate(text, max).length).toBeLessThanOrEqual(max);
  });
});
