import type { Emergency } from '../../../src/core/emergency';
import { escapePlain, escapeText } from '../../../src/slack/escape';
import { declaredReply, emergencyMessage, quotedText } from '../../../src/slack/blocks/emergency-blocks';
import { checkBlocks } from '../../../sandbox/block-kit-check';

function emergency(text: string, extra: Partial<Emergency> = {}): Emergency {
  return {
    id: 'em-1',
    team: 'T0TEAM',
    code: '4821',
    text,
    severity: 'critical',
    reporter: 'U0BOB',
    origin: 'C0OPS',
    declaredAt: Date.parse('2026-11-24T08:00:00Z'),
    status: 'open',
    step: 0,
    ...extra,
  };
}

/** A pasted Node stack trace of exactly `length` characters, as typed: literal <, > and &. */
function stackTrace(length: number): string {
  const lines = ['TypeError: Cannot read properties of undefined (reading <id>) && retry failed'];
  for (let i = 0; lines.join('\n').length < length; i++) {
    lines.push(`    at Object.<anonymous> (/srv/app/dist/handlers/checkout-${i}.js:${i + 10}:17) & Map<string, Array<Order>>`);
  }
  return lines.join('\n').slice(0, length);
}

function sectionTexts(e: Emergency): string[] {
  return emergencyMessage(e).blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
}

describe('the emergency message', () => {
  test('a ~2,950-character stack trace full of <, > and & fits the 3,000-character section limit, cut cleanly', () => {
    // Typed or pasted into the form: plain text, so every <, > and & grows when escaped.
    const raw = stackTrace(2950);
    const full = `>${escapeText(raw).replace(/\n/g, '\n>')}`;
    // Escaping and quoting make it longer than Slack takes: this is what used to be refused as invalid_blocks.
    expect(full.length).toBeGreaterThan(3300);

    const e = emergency(raw);
    expect(checkBlocks(emergencyMessage(e).blocks, { surface: 'message' })).toEqual([]);
    const [quote] = sectionTexts(e);
    expect(quote!.length).toBeLessThanOrEqual(3000);
    expect(quote!.length).toBeGreaterThan(2900);
    expect(quote!.endsWith('…')).toBe(true);
    const kept = quote!.slice(0, -1);
    // What is kept is the start of the escaped, quoted text, cut neither through an entity nor a quote marker.
    expect(full.startsWith(kept)).toBe(true);
    expect(kept).not.toMatch(/&[a-z]*$/);
    expect(kept.split('\n').every((line) => line.startsWith('>'))).toBe(true);
    expect(kept).toContain('Object.&lt;anonymous&gt;');
    expect(kept).not.toMatch(/<(?!#C)/);
  });

  test('a stack trace as Slack delivers command text (already escaped) fits too', () => {
    // Slack delivers "&", "<" and ">" as entities: each character typed is 4 or 5 here.
    const e = emergency(escapePlain(stackTrace(2950)));
    expect(checkBlocks(emergencyMessage(e).blocks, { surface: 'message' })).toEqual([]);
    const [quote] = sectionTexts(e);
    expect(quote!.length).toBeLessThanOrEqual(3000);
    expect(quote!.endsWith('…')).toBe(true);
    expect(quote!.slice(0, -1)).not.toMatch(/&[a-z]*$/);
    expect(quote).toContain('Object.&lt;anonymous&gt;');
  });

  test('a link where the text is cut is dropped whole, not left open', () => {
    const text = `${'x'.repeat(2980)} <https://status.acme.com/incidents/12345>`;
    const [quote] = sectionTexts(emergency(text));
    expect(quote).toBe(`>${'x'.repeat(2980)} …`);
  });

  test('text that fits is shown whole, quoted line by line', () => {
    const text = `db is down &lt;prod&gt;\n${'y'.repeat(2900)}`;
    const [quote] = sectionTexts(emergency(text));
    expect(quote).toBe(`>db is down &lt;prod&gt;\n>${'y'.repeat(2900)}`);
  });

  test('the notification text is cut after escaping, and never through an entity', () => {
    const message = emergencyMessage(emergency('&lt;'.repeat(100)));
    const cut = message.text.slice(message.text.indexOf('Critical: ') + 'Critical: '.length);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/^(&lt;)+…$/);
  });

  test('a disguised link is shown with its real target', () => {
    expect(quotedText('db down <https://evil.example|https://status.acme.com>', 500)).toBe('>db down https://status.acme.com (<https://evil.example>)');
  });
});

describe('the reply to the reporter', () => {
  const paging = { tier: 1, people: ['U0ADA'], providers: ['twilio_sms', 'twilio_voice'], unavailable: [], admins: 1 };

  test('with a channel and SMS: where to follow it and how to acknowledge by SMS', () => {
    const reply = declaredReply(emergency('db down'), paging, 'C0EMERG');
    expect(reply).toContain('Follow it in <#C0EMERG>.');
    expect(reply).toContain('People paged can reply `ACK 4821` to the SMS.');
    expect(reply).not.toContain('No emergency channel');
  });

  test('without SMS among the providers, no SMS acknowledgement is promised', () => {
    const reply = declaredReply(emergency('db down'), { ...paging, providers: ['twilio_voice', 'pagerduty'] }, 'C0EMERG');
    expect(reply).toContain('Follow it in <#C0EMERG>.');
    expect(reply).toContain('via phone call, PagerDuty.');
    expect(reply).not.toContain('ACK');
    expect(reply).not.toContain('SMS');
  });

  test('without a channel, admins to tell: says they were told by DM', () => {
    const reply = declaredReply(emergency('db down'), { ...paging, providers: ['pagerduty'] }, undefined);
    expect(reply).toContain('No emergency channel is set up, so it was not posted; admins were told by DM.');
    expect(reply).not.toContain('ACK');
  });

  test('without a channel or admins: says nobody else was told, and how to fix both', () => {
    const reply = declaredReply(emergency('db down'), { ...paging, admins: 0 }, undefined);
    expect(reply).not.toContain('admins were told');
    expect(reply).toContain('no Quadrant admins are listed, so nobody else was told');
    expect(reply).toContain('`/quadrant setup`');
    // SMS acknowledgement does not depend on the channel.
    expect(reply).toContain('People paged can reply `ACK 4821` to the SMS.');
  });
});
