import { slackDate } from '../../../src/slack/blocks/slack-date';

describe('slackDate', () => {
  const at = Date.parse('2026-03-10T09:00:42.500Z');

  test('renders a date token with a UTC fallback, to the second', () => {
    expect(slackDate(at)).toBe('<!date^1773133242^{date_short_pretty} at {time}|2026-03-10 09:00 UTC>');
  });

  // It remembers the last answer: another format or another second must not get the remembered one.
  test('each format and each second gets its own text, in any order', () => {
    const first = slackDate(at);
    expect(slackDate(at, '{time}')).toBe('<!date^1773133242^{time}|2026-03-10 09:00 UTC>');
    expect(slackDate(at + 1000)).toBe('<!date^1773133243^{date_short_pretty} at {time}|2026-03-10 09:00 UTC>');
    expect(slackDate(at + 60_000, '{time}')).toBe('<!date^1773133302^{time}|2026-03-10 09:01 UTC>');
    expect(slackDate(at)).toBe(first);
  });
});
