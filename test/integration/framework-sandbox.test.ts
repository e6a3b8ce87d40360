import type { EphemeralMessage } from '../../sandbox/model';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

// Issue 9 end to end, as a person in the sandbox workspace sees it: the hub, the report and the introduction,
// through signed requests to the real app and Web API calls to the strict fake Slack.
const TEAM = 'T0SANDBOX';

async function idle(s: TestSandbox): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [intake, digest] = await Promise.all([s.app.deps.queues.intake.getJobCounts('waiting', 'active'), s.app.deps.queues.digest.getJobCounts('waiting', 'active')]);
    if ((intake.waiting ?? 0) + (intake.active ?? 0) + (digest.waiting ?? 0) + (digest.active ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs a command and waits for the private answer it earns through the response_url. */
async function answer(s: TestSandbox, user: string, channel: string, command: string, text: string, what: (e: EphemeralMessage) => boolean): Promise<EphemeralMessage> {
  await s.driver.command(user, channel, command, text);
  return s.driver.waitFor(() => s.driver.ephemeralsFor(user).find(what), { timeoutMs: 15_000, what: `an answer to ${command} ${text}` });
}

describe('the framework through the sandbox', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(async () => {
    await s.close();
  });

  const introsFor = (user: string) => s.driver.ephemeralsFor(user).filter((e) => JSON.stringify(e.blocks ?? []).includes('intro_tips'));

  test('a deep-work /async item appears in the hub as its own message, moves to decided with a button, and shows in App Home', async () => {
    const { driver } = s;
    await driver.command('bob', '#ops', '/async', '+deep RFC: one shared on-call handbook for every team');
    const posted = await driver.waitFor(() => driver.botMessages('#hub').find((m) => JSON.stringify(m.blocks ?? []).includes('shared on-call handbook')), { timeoutMs: 10_000, what: 'the hub message' });
    expect(posted.thread_ts).toBeUndefined();
    expect(JSON.stringify(posted.blocks)).toContain(':bulb: Proposal');

    await driver.clickButton('ada', { channel: '#hub', ts: posted.ts }, 'hub_decide');
    await driver.waitFor(() => JSON.stringify(s.workspace.findMessage('C0HUB', posted.ts)?.blocks ?? []).includes(':white_check_mark: Decided* by ada'), { timeoutMs: 10_000, what: 'the decision in place' });
    expect(driver.botMessages('#hub').filter((m) => !m.thread_ts || m.thread_ts === m.ts)).toHaveLength(1);

    await driver.openHome('bob');
    const home = await driver.waitFor(() => {
      const view = driver.home('bob');
      return view && JSON.stringify(view.blocks).includes('shared on-call handbook') ? view : undefined;
    }, { timeoutMs: 10_000, what: 'App Home listing the hub' });
    expect(JSON.stringify(home.blocks)).toContain('Decided in the last 30 days* (1)');
    expect(JSON.stringify(home.blocks)).toContain('Your week');

    const listed = await answer(s, 'bob', '#ops', '/async', 'list hub', (e) => e.text.startsWith('Hub:'));
    expect(listed.via).toBe('response_url');
    expect(JSON.stringify(listed.blocks)).toContain('shared on-call handbook');
  }, 60_000);

  test('/async list with a scope it does not know ("list all") answers with usage and files nothing', async () => {
    const before = (await s.app.deps.items.listByUser(TEAM, 'U0CAT')).length;
    const result = await s.driver.command('cat', '#ops', '/async', 'list all');
    expect(result.reply).toEqual({ ephemeral: expect.objectContaining({ text: expect.stringContaining("I don't know the list `all`") }) });
    expect(await s.app.deps.items.listByUser(TEAM, 'U0CAT')).toHaveLength(before);
  });

  test('"@quadrant async" in a thread files its first message and answers in the thread; a text too long to file is refused, not lost silently', async () => {
    const { driver } = s;
    const parent = await driver.sendMessage('bob', '#general', "the invoice PDF footer still shows last year's address");
    await driver.mention('ada', '#general', 'async', parent.ts);
    const filed = await driver.waitFor(() => driver.ephemeralsFor('ada', 'C0GENERAL').find((e) => e.text.includes('invoice PDF footer')), { timeoutMs: 10_000, what: 'the filed answer' });
    expect(filed.thread_ts).toBe(parent.ts);
    expect(await s.app.deps.items.findBySource(TEAM, 'C0GENERAL', parent.ts)).toMatchObject({ source: 'mention', author: 'U0BOB', status: 'open' });

    await driver.mention('ada', '#general', `async ${'a very long paste '.repeat(300)}`);
    await driver.waitFor(() => driver.ephemeralsFor('ada', 'C0GENERAL').find((e) => e.text.includes('longer than I can file')), { timeoutMs: 10_000, what: 'the refusal' });
  }, 60_000);

  test("a new user's first /async gets the introduction once, never twice", async () => {
    await s.driver.command('cat', '#ops', '/async', 'can someone look at the flaky checkout test?');
    await s.driver.waitFor(() => introsFor('cat').length > 0, { timeoutMs: 10_000, what: 'the introduction' });
    await s.driver.command('cat', '#ops', '/async', 'handoff: the billing export is half done');
    await s.driver.command('cat', '#ops', '/async', 'list');
    await idle(s);
    expect(introsFor('cat')).toHaveLength(1);
  }, 60_000);
});

describe('the report through the sandbox', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(async () => {
    await s.close();
  });

  test('after a scripted run of traffic, /quadrant report week shows the figures that were sent; the weekly report posts a PNG chart', async () => {
    const { driver } = s;
    // #general is classified but not enforced: these messages are counted and file nothing.
    const general = ['<!here> fyi the office closes early today', '<!here> fyi lunch is in the kitchen', 'welcome to the team, Cat!', '<!channel> fyi new holiday calendar is in the wiki'];
    for (const text of general) await driver.sendMessage('bob', '#general', text);
    for (const text of ['review the pricing page copy', 'handoff: rotate the staging keys', 'customer acme wants an invoice export']) await driver.command('cat', '#ops', '/async', `+ops ${text}`);
    await idle(s);

    const reply = await answer(s, 'ada', '#general', '/quadrant', 'report week', (e) => e.text.startsWith('Quadrant report'));
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain(`Messages classified: *${general.length}* (new)`);
    expect(text).toContain('@here / @channel / @everyone: *3* (new)');
    expect(text).toContain('Async items filed: *3* (new)');
    expect(text).not.toMatch(/U0BOB|U0CAT|\bbob\b|\bcat\b/i);

    await s.app.deps.queues.digest.add('weekly-report', { team: TEAM });
    const file = await driver.waitFor(() => s.workspace.files.list().find((f) => f.completed && f.filename.endsWith('.png')), { timeoutMs: 15_000, what: 'the chart upload' });
    expect([...file.bytes!.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(file.channels).toEqual(['D0ADA']);
    expect(s.slack.violations).toEqual([]);
  }, 90_000);
});
