import { startConsoleSandbox, type ConsoleSandbox } from '../helpers/console-sandbox';

// The console as a newcomer meets it: lines in, the transcript out, against the real app.

describe('the sandbox console', () => {
  let c: ConsoleSandbox;
  beforeAll(async () => {
    c = await startConsoleSandbox('qt-console');
  });
  afterAll(() => c?.close());
  const type = (line: string, until: RegExp) => c.type(line, until);

  test('/submit answered with response_action errors says which field and why the form stays open', async () => {
    await type('/emergency', /Modal "Declare an emergency"/);
    const shown = await type('/submit text="   "', /\/submit again/);
    expect(shown).toContain('"Declare an emergency" stays open');
    expect(shown).toContain('│ 1 What is happening? (text): Say what is happening, in a sentence.');
    await type('/cancel', /closed/);
  });

  test('/submit answered with response_action update shows the new view by its title', async () => {
    await type('/quadrant import', /Modal "Import settings"/);
    const shown = await type(`/submit yaml="timezone: UTC"`, /Modal "Confirm import"/);
    expect(shown).not.toContain('stays open');
    await type('/cancel', /closed/);
  });

  test('"@quadrant async" in /thread is a mention in that thread, and files the thread', async () => {
    await type('/in #general', /now in #general/);
    await type('Can someone review the Q3 handoff doc by Friday?', /ada@#general> Can someone/);
    const parent = c.sandbox.driver.messagesIn('#general').find((m) => m.text.startsWith('Can someone review'))!;
    await type('/thread @quadrant async', /Filed as/);
    const mentions = c.sandbox.driver.deliveries.filter((d) => d.kind === 'event' && (JSON.parse(d.requestBody) as { event: { type: string } }).event.type === 'app_mention');
    expect(mentions.map((d) => (JSON.parse(d.requestBody) as { event: { thread_ts?: string; text: string } }).event)).toEqual([
      expect.objectContaining({ thread_ts: parent.ts, text: '<@U0QUADRANT> async' }),
    ]);
    expect(mentions[0]!.status).toBe(200);
    expect(c.sandbox.driver.threadOf('#general', parent.ts).map((m) => [m.user, m.text])).toContainEqual(['U0ADA', '<@U0QUADRANT> async']);
  });

  test('a plain message naming the bot, as @quadrant or <@U0QUADRANT>, is a mention', async () => {
    const before = c.sandbox.driver.deliveries.length;
    await type('@quadrant hello', /Hi!/);
    await type('<@U0QUADRANT> what is this?', /Hi!/);
    const events = c.sandbox.driver.deliveries.slice(before).filter((d) => d.kind === 'event').map((d) => (JSON.parse(d.requestBody) as { event: { type: string; text: string } }).event);
    expect(events.filter((e) => e.type === 'app_mention').map((e) => e.text)).toEqual(['<@U0QUADRANT> hello', '<@U0QUADRANT> what is this?']);
  });

  test('a voice call reads out apostrophes, quotes and ampersands as they were typed', async () => {
    const shown = await type(`/emergency db's down, who's in? "now" & <fast>`, /page via twilio_voice/);
    const call = shown.split('\n').find((l) => l.includes('page via twilio_voice'))!;
    expect(call).toContain(`db's down, who's in? "now" & <fast>`);
    expect(call).not.toMatch(/&[a-z#0-9]+;/);
  });

  test('/as offers and accepts the people, never the bot', async () => {
    const unknown = await type('/as zed', /\)\n/);
    expect(unknown).toContain('(no one called "zed" here; act as ada, bob, cat)');
    const bot = await type('/as quadrant', /\)\n/);
    expect(bot).toContain('(no one called "quadrant" here; act as ada, bob, cat)');
    expect(await type('/as bob', /\)\n/)).toContain('(you are now @bob)');
    expect(await type('/in @quadrant', /\)\n/)).toContain('(no one called "@quadrant" to DM; people here: @ada, @bob, @cat)');
  });
});
