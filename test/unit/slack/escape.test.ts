import { escapePlain, escapeText, truncateMrkdwn } from '../../../src/slack/escape';

const Z = '\u200B';

describe('escapeText', () => {
  // Inputs as Slack delivers them: literal <, > and & arrive as entities, raw <...> are control sequences.
  const cases: Array<[label: string, input: string, output: string]> = [
    ['a @channel broadcast becomes inert text', '<!channel> deploy done', `@${Z}channel deploy done`],
    ['@here and @everyone too', '<!here> and <!everyone>', `@${Z}here and @${Z}everyone`],
    ['an old labelled broadcast form', '<!here|here> ping', `@${Z}here ping`],
    ['a literal "<!here>" the user typed stays literal', '&lt;!here&gt;', '&lt;!here&gt;'],
    ['a forged link shows its real target', '<https://evil.example|https://bank.example>', 'https://bank.example (<https://evil.example>)'],
    ['a labelled link shows label and target', 'see <https://docs.example/q3|the Q3 doc>', 'see the Q3 doc (<https://docs.example/q3>)'],
    ['an unlabelled link stays a link', 'see <https://docs.example/q3>', 'see <https://docs.example/q3>'],
    ['a link Slack auto-labelled with its own host stays', '<http://example.com|example.com>', '<http://example.com|example.com>'],
    ['an email link Slack made stays', '<mailto:ada@example.com|ada@example.com>', '<mailto:ada@example.com|ada@example.com>'],
    ['a query string keeps its escaped ampersand', '<https://x.example/?a=1&amp;b=2>', '<https://x.example/?a=1&amp;b=2>'],
    ['a user-group mention shows its label without pinging', '<!subteam^S123|@oncall> help', `@${Z}oncall help`],
    ['a user-group mention without a label shows its id', '<!subteam^S123>', `@${Z}S123`],
    ['a user mention does not notify', '<@U123> can you look', `@${Z}U123 can you look`],
    ['a labelled user mention shows the label', '<@W0BOB|bob>', `@${Z}bob`],
    ['a channel link is harmless and loses its label', 'in <#C0OPS|fake-name>', 'in <#C0OPS>'],
    ['a date shows its fallback', '<!date^1718000000^{date_short}|Jun 10>', 'Jun 10'],
    ['an unknown control sequence shows literally', '<!foo> <javascript:alert(1)|click>', '&lt;!foo&gt; &lt;javascript:alert(1)|click&gt;'],
    ['escaped entities stay as they are', 'a &amp; b &lt; c &gt; d', 'a &amp; b &lt; c &gt; d'],
    ['a raw ampersand from the API is escaped', 'R&D <3 & more', 'R&amp;D &lt;3 &amp; more'],
    ['a stray > is escaped', 'a -> b', 'a -&gt; b'],
    ['a raw ampersand in text with no control sequence is escaped', 'Q&A at 3', 'Q&amp;A at 3'],
    ['plain text comes back unchanged', 'ship the billing copy by friday', 'ship the billing copy by friday'],
    ['mrkdwn formatting is the author\'s and stays', '*bold* _it_ `code`', '*bold* _it_ `code`'],
    ['empty text', '', ''],
  ];
  test.each(cases)('%s', (_label, input, output) => {
    expect(escapeText(input)).toBe(output);
  });

  test('leaves no broadcast, user or group control sequence in any output', () => {
    const nasty = '<!channel><!here><!everyone><!subteam^S1|x><@U1><@W2|y><<!here>>';
    expect(escapeText(nasty)).not.toMatch(/<[!@]/);
  });
});

describe('escapePlain', () => {
  test('escapes exactly &, < and >', () => {
    expect(escapePlain('Ada <ada> & "co" \'x\'')).toBe('Ada &lt;ada&gt; &amp; "co" \'x\'');
  });
});

describe('truncateMrkdwn', () => {
  // Cuts that would land inside a link, an entity or an emoji pair back off to before it.
  const cases: Array<[label: string, input: string, max: number, output: string]> = [
    ['short text is untouched', 'hello', 10, 'hello'],
    ['exact length is untouched', 'hello', 5, 'hello'],
    ['plain cut with an ellipsis', 'hello world', 6, 'hello…'],
    ['does not cut inside a link', 'ab <https://x.example> cd', 8, 'ab …'],
    ['does not cut inside an entity', 'ab &amp; cd', 6, 'ab …'],
    ['does not split a surrogate pair', 'ab😀cd', 4, 'ab…'],
  ];
  test.each(cases)('%s', (_label, input, max, output) => {
    const cut = truncateMrkdwn(input, max);
    expect(cut).toBe(output);
    expect(cut.length).toBeLessThanOrEqual(max);
  });
});
