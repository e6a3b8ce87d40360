import { layoutDigest, type DigestLayout, type DigestReply } from '../../../src/core/digest-layout';
import type { Item } from '../../../src/core/item';
import { PRIORITIES, type Priority } from '../../../src/core/priority';
import { digestParentMessage, digestReplyMessage, MAX_BLOCKS, MAX_SECTION_TEXT, type SlackMessage } from '../../../src/slack/blocks/digest-blocks';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const HOUR = 3_600_000;
const PERMALINK = 'https://acme.slack.com/archives/C0OPS/p1700000000000100';

function item(id: string, priority: Priority, extra: Partial<Item> = {}): Item {
  return {
    id,
    team: 'T0TEAM',
    area: 'daily_operations',
    priority,
    text: `text of ${id}`,
    author: 'U0ADA',
    channel: 'C0OPS',
    status: 'open',
    reasons: [],
    confidence: 0.9,
    source: 'policy',
    createdAt: NOW - 2 * HOUR,
    updatedAt: NOW - 2 * HOUR,
    ...extra,
  };
}

// Texts as Slack delivers them: broadcasts, group and user mentions, a forged link, and one far over the
// section limit.
const HOSTILE = [
  '<!channel> deploy done',
  '<!here> anyone?',
  '<!everyone> party',
  '<!subteam^S123|@oncall> please look',
  '<@U0BOB> can you review',
  'pay here <https://evil.example|https://bank.example>',
  `${'long '.repeat(1200)}<!channel> at the end`,
];

function hostileItems(n: number, prefix: string, extra: Partial<Item> = {}): Item[] {
  return Array.from({ length: n }, (_, i) =>
    item(`${prefix}${i}`, PRIORITIES[i % 4]!, { text: HOSTILE[i % HOSTILE.length]!, permalink: PERMALINK, createdAt: NOW - (i % 50) * HOUR, ...extra }),
  );
}

function render(layout: DigestLayout): SlackMessage[] {
  return [digestParentMessage(layout), ...layout.replies.map((r) => digestReplyMessage(r))];
}

/** Every text a block carries, with the limit Slack puts on it. */
function texts(message: SlackMessage): Array<[kind: string, text: string, max: number]> {
  const out: Array<[string, string, number]> = [['text', message.text, 40_000]];
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text) out.push(['section', block.text.text, MAX_SECTION_TEXT]);
    if (block.type === 'header') out.push(['header', block.text.text, 150]);
    if (block.type === 'context') for (const e of block.elements) if ('text' in e) out.push(['context', e.text, 3000]);
    if (block.type === 'actions') for (const e of block.elements) if (e.type === 'button') out.push(['button', e.text.text, 75]);
  }
  return out;
}

describe('a digest of 2,000 hostile items', () => {
  const carried = hostileItems(40, 'c', { posted: { digestId: 'd0', channel: 'C0OPS', ts: '1.1' } });
  const layout = layoutDigest({ channel: 'C0OPS', fresh: hostileItems(2000, 'f'), carried, now: NOW, timezone: 'Europe/Budapest' });
  const messages = render(layout);

  test('keeps every message within 50 blocks', () => {
    for (const message of messages) expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  });

  test('keeps every text within its Slack limit', () => {
    const over = messages.flatMap(texts).filter(([, text, max]) => text.length > max);
    expect(over).toEqual([]);
  });

  test('never lets a broadcast, group or user mention, or a forged link through', () => {
    const json = JSON.stringify(messages);
    for (const forbidden of ['<!channel>', '<!here>', '<!everyone>', '<!subteam', '<@U', '|https://bank.example>']) {
      expect(json).not.toContain(forbidden);
    }
  });

  test('gives every fresh item exactly one set of buttons, carrying its id', () => {
    const seen = new Map<string, number>();
    for (const message of messages) {
      for (const block of message.blocks) {
        if (block.type !== 'actions') continue;
        const actions = block.elements.map((e) => (e.type === 'button' ? [e.action_id, e.value] : []));
        const id = block.block_id?.replace(/^item:/, '') ?? '';
        expect(actions).toEqual([
          ['item_done', id],
          ['item_snooze', id],
          ['item_escalate', id],
        ]);
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    }
    expect(seen.size).toBe(2000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect([...seen.keys()].some((id) => id.startsWith('c'))).toBe(false);
  });

  test('keeps block ids unique within each message', () => {
    for (const message of messages) {
      const blockIds = message.blocks.map((b) => b.block_id).filter((id) => id !== undefined);
      expect(new Set(blockIds).size).toBe(blockIds.length);
    }
  });
});

describe('digestReplyMessage', () => {
  const reply = (entries: DigestReply['entries']): DigestReply => ({ priority: entries[0]!.priority, first: 1, last: entries.length, entries });
  const entry = (text: string, link?: string) => ({ id: 'abc2345', author: 'U0ADA', age: '3h', text, priority: 'do' as const, ...(link ? { link } : {}) });

  test('a single item is its text, a context line and three buttons', () => {
    const message = digestReplyMessage(reply([entry('&lt;b&gt; hello', PERMALINK)]), { authorNames: { U0ADA: 'Ada <Admin>' } });
    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    const [head, context] = message.blocks;
    expect(head).toMatchObject({ text: { type: 'mrkdwn', text: '*Do now* · `abc2345`\n&lt;b&gt; hello' } });
    expect(context).toMatchObject({ elements: [{ type: 'mrkdwn', text: `by Ada &lt;Admin&gt; · 3h · <${PERMALINK}|original message>` }] });
  });

  test('an unknown author shows as an id in code style, not a mention', () => {
    const message = digestReplyMessage(reply([entry('hi')]));
    expect(message.blocks[1]).toMatchObject({ elements: [{ text: 'by `U0ADA` · 3h' }] });
  });

  test('a long text is cut with an ellipsis and a link to the original', () => {
    const section = digestReplyMessage(reply([entry('x'.repeat(5000), PERMALINK)])).blocks[0];
    const text = section?.type === 'section' ? (section.text?.text ?? '') : '';
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    expect(text.endsWith(`… <${PERMALINK}|see original>`)).toBe(true);
  });

  test('a permalink that is not a plain https URL is not turned into a link', () => {
    const message = digestReplyMessage(reply([entry('hi', 'https://evil.example|x>')]));
    expect(JSON.stringify(message)).not.toContain('evil.example');
  });

  test('refuses a group too large for one message instead of posting a broken one', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({ ...entry('hi'), id: `id${i}` }));
    expect(() => digestReplyMessage({ priority: 'do', first: 51, last: 75, entries })).toThrow(RangeError);
  });
});

describe('digestParentMessage', () => {
  test('shows the heading, the counts and the carried-over links', () => {
    const carried = [item('c1', 'do', { permalink: PERMALINK }), ...Array.from({ length: 25 }, (_, i) => item(`c${i + 2}`, 'drop'))];
    const layout = layoutDigest({ channel: 'C0OPS', fresh: [item('f1', 'do'), item('f2', 'schedule')], carried, now: NOW, timezone: 'Europe/Budapest' });
    const message = digestParentMessage(layout);
    expect(message.text).toBe('Daily operations, Tue 24 Nov: 2 items, 1 to do now, 1 to schedule; 26 still open from earlier');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Daily operations, Tue 24 Nov', emoji: true } });
    const body = JSON.stringify(message.blocks);
    expect(body).toContain('*2* new items: *1* do now · *1* schedule');
    expect(body).toContain(`<${PERMALINK}|\`c1\`>`);
    expect(body).toContain('…and 6 more');
  });

  test('says so when there is nothing new', () => {
    const layout = layoutDigest({ channel: 'C0OPS', fresh: [], carried: [], now: NOW, timezone: 'Europe/Budapest' });
    expect(JSON.stringify(digestParentMessage(layout).blocks)).toContain('Nothing new since the last digest.');
  });
});
