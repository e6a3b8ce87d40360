import { parseAssignments } from '../../sandbox/console';
import { toSlackText } from '../../sandbox/console-view';
import { decodeXmlText } from '../../sandbox/pages';
import { plainText, renderBlocks } from '../../sandbox/render';
import { Workspace } from '../../sandbox/workspace';

// What a person types must reach the app as Slack's client would send it, and what the bot posts must
// read back as Slack would show it; both directions go through these functions.

const ws = new Workspace({ now: () => Date.UTC(2024, 10, 24, 9), timezone: 'UTC' });

describe('typed text, as Slack sends it', () => {
  // Mentions resolve only for known names; the three control characters are escaped, nothing else.
  const cases: Array<[label: string, typed: string, sent: string]> = [
    ['a plain sentence', 'deploy done', 'deploy done'],
    ['control characters', 'a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['a known user', 'thanks @bob', 'thanks <@U0BOB>'],
    ['an unknown name', 'ask @zoe', 'ask @zoe'],
    ['the bot', '@quadrant is prod down?', '<@U0QUADRANT> is prod down?'],
    ['a mention in Slack form', '<@U0QUADRANT> async and <@U0BOB>', '<@U0QUADRANT> async and <@U0BOB>'],
    ['an unknown id in Slack form', '<@U0ZOE> hi', '&lt;@U0ZOE&gt; hi'],
    ['a channel', 'see #hub', 'see <#C0HUB|hub>'],
    ['@here', '@here standup moved', '<!here> standup moved'],
  ];
  test.each(cases)('%s', (_label, typed, sent) => {
    expect(toSlackText(ws, typed)).toBe(sent);
  });
});

describe('bot output, as Slack shows it', () => {
  const cases: Array<[label: string, slack: string, shown: string]> = [
    ['a user mention', 'Acknowledged by <@U0ADA>', 'Acknowledged by @ada'],
    ['a channel mention with label', 'Follow it in <#C0EMERG|emergencies>', 'Follow it in #emergencies'],
    ['a labelled link', '<https://example.com/doc|the doc>', 'the doc (https://example.com/doc)'],
    ['escaped characters', 'a &lt; b &amp; c', 'a < b & c'],
    ['a date with fallback', '<!date^1718000000^{date_short}|June 10>', 'June 10'],
  ];
  test.each(cases)('%s', (_label, slack, shown) => {
    expect(plainText(ws, slack)).toBe(shown);
  });

  test('renders sections, context and numbered buttons', () => {
    const rendered = renderBlocks(ws, [
      { type: 'header', text: { type: 'plain_text', text: 'Emergency 8237' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Declared by <@U0ADA>' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Reply code *8237*' }] },
      { type: 'actions', block_id: 'em', elements: [
        { type: 'button', action_id: 'emergency_ack', text: { type: 'plain_text', text: 'Acknowledge' }, value: 'em_1' },
        { type: 'button', action_id: 'emergency_resolve', text: { type: 'plain_text', text: 'Resolve' }, value: 'em_1' },
      ] },
    ]);
    expect(rendered.lines).toEqual(['== Emergency 8237 ==', 'Declared by @ada', '  Reply code *8237*', '[1: Acknowledge] [2: Resolve]']);
    expect(rendered.buttons.map((b) => [b.label, b.actionId, b.blockId, b.value])).toEqual([
      ['Acknowledge', 'emergency_ack', 'em', 'em_1'],
      ['Resolve', 'emergency_resolve', 'em', 'em_1'],
    ]);
  });
});

describe('/submit arguments', () => {
  test('reads key=value pairs with quoted values', () => {
    expect(parseAssignments('text="Write the Q1 plan" area=deep_work 3=important')).toEqual({ text: 'Write the Q1 plan', area: 'deep_work', '3': 'important' });
  });
});

describe('TwiML text, as a voice call reads it', () => {
  const cases: Array<[label: string, xml: string, spoken: string]> = [
    ['named entities', 'who&apos;s in? &quot;now&quot; &lt;db&gt; &amp; more', `who's in? "now" <db> & more`],
    ['numeric entities', 'it&#39;s &#x27;down&#x27; &#8212; now', "it's 'down' \u2014 now"],
    ['an escaped entity stays one', '&amp;lt; and &amp;apos;', '&lt; and &apos;'],
    ['not an entity', 'R&D &unknown; done', 'R&D &unknown; done'],
  ];
  test.each(cases)('%s', (_label, xml, spoken) => {
    expect(decodeXmlText(xml)).toBe(spoken);
  });
});
