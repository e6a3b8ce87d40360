import { broadcastOf, hasBroadcast, stripSlackMarkup, toProse } from '../../../src/core/slack-text';

describe('toProse', () => {
  // Each row is one kind of markup Slack delivers; the classifier must read past it.
  const cases: Array<[label: string, text: string, prose: string]> = [
    ['user mentions vanish', '<@U07RAJ> <@W02ANA|ana> call?', 'call?'],
    ['channel links keep their name', 'see <#C0EVT|events> please', 'see events please'],
    ['links keep label and host', 'doc: <https://docs.acme.io/x|IR Proposal>', 'doc: ir proposal docs acme io'],
    ['bare links keep their host', '<https://acme.zoom.us/j/1>', 'acme zoom us'],
    ['code spans are dropped', 'renamed `OutageBanner` today', 'renamed today'],
    ['code blocks are dropped', 'see ```\nFATAL: outage\n``` above', 'see above'],
    ['an unclosed code block runs to the end', 'look ```prod is down', 'look'],
    ['emoji shortcodes are dropped', 'great :fire::fire: work', 'great work'],
    ['entities are decoded after markup is gone', 'a &lt;b&gt; &amp; c', 'a <b> & c'],
    ['text is lower-cased', 'Prod Is DOWN', 'prod is down'],
  ];
  // Spacing is not part of the contract; words and their order are.
  test.each(cases)('%s', (_label, text, prose) => {
    expect(toProse(text).prose.replace(/\s+/g, ' ').trim()).toBe(prose);
  });

  test('reports what it removed as facts', () => {
    const facts = toProse('<!here> <@U1> <@U2> :rotating_light: `x` <https://a.io|a> boom');
    expect(facts).toMatchObject({ broadcast: 'here', userMentions: 2, links: 1, hasCode: true, emoji: ['rotating_light'] });
  });

  test('a time like 10:30 is not an emoji', () => {
    expect(toProse('at 10:30 today').emoji).toEqual([]);
  });

  test('a clock range like 9:00-17:00 is not an emoji, and keeps both clocks', () => {
    const facts = toProse('Offsite Thursday 9:00-17:00 :tada: :100:');
    expect(facts.emoji).toEqual(['tada', '100']);
    expect(facts.prose).toContain('9:00-17:00');
  });
});

describe('stripSlackMarkup', () => {
  // Plain text for an SMS or a phone call: nothing Slack-only may survive.
  const cases: Array<[label: string, text: string, plain: string]> = [
    ['mentions read as @id', 'ping <@U07RAJ>', 'ping @U07RAJ'],
    ['labelled mentions read as the label', '<@U07RAJ|raj> look', '@raj look'],
    ['channels read as #name', 'in <#C0INC|inc-api>', 'in #inc-api'],
    ['broadcasts read as @here', '<!here> api down', '@here api down'],
    ['links read as their label', 'bridge <https://zoom.us/j/1|war room>', 'bridge war room'],
    ['bare links read as the URL', 'see <https://status.acme.io>', 'see https://status.acme.io'],
    ['mailto links lose the scheme', '<mailto:ops@acme.io>', 'ops@acme.io'],
    ['code keeps its content', 'error `ECONNRESET` on ```\nPOST /pay\n```', 'error ECONNRESET on POST /pay'],
    ['emoji go', ':rotating_light: SEV1 :rotating_light:', 'SEV1'],
    ['entities are decoded', 'p99 &gt; 20s &amp; rising', 'p99 > 20s & rising'],
    ['date tokens use their fallback', '<!date^1392734382^{date}|Feb 18> deploy', 'Feb 18 deploy'],
  ];
  test.each(cases)('%s', (_label, text, plain) => {
    expect(stripSlackMarkup(text)).toBe(plain);
  });

  test('names users through the given lookup', () => {
    expect(stripSlackMarkup('<@U1> and <@U2>', { userName: (id) => (id === 'U1' ? 'Ana' : 'Bo') })).toBe('@Ana and @Bo');
  });
});

describe('broadcast mentions', () => {
  const cases: Array<[text: string, broadcast: ReturnType<typeof broadcastOf>]> = [
    ['<!here> lunch is here', 'here'],
    ['<!channel> heads up', 'channel'],
    ['<!everyone> all hands', 'everyone'],
    ['<!here|@here> with a label', 'here'],
    ['@here typed as plain text is not a mention', undefined],
    ['<!subteam^S123|@oncall> is a group, not a broadcast', undefined],
  ];
  test.each(cases)('%s', (text, broadcast) => {
    expect(broadcastOf(text)).toBe(broadcast);
    expect(hasBroadcast(text)).toBe(broadcast !== undefined);
  });
});
