import { parse } from 'yaml';
import { sandboxSettingsYaml } from '../../sandbox/settings';
import { jobId } from '../../src/queue/queues';
import { eventually } from '../helpers/eventually';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

// Issue 7: one reaction files, prioritises, finishes or escalates a message, exactly once, quietly.
describe('emoji-reaction triage', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(async () => {
    await s.close();
  });

  const item = (channel: string, ts: string) => s.app.deps.items.findBySource('T0SANDBOX', channel, ts);

  test(':inbox_tray: files a message, :fire: makes it do-now, :white_check_mark: closes it', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('bob', '#general', 'the export button label is cut off on mobile');
    await driver.react('cat', '#general', ts, 'inbox_tray');
    const filed = await eventually(async () => (await item('C0GENERAL', ts)) ?? false, 'the item filed');
    expect(filed).toMatchObject({ area: 'daily_operations', source: 'reaction', digestChannel: 'C0OPS', status: 'open' });

    await driver.react('cat', '#general', ts, 'fire');
    await eventually(async () => (await item('C0GENERAL', ts))?.priority === 'do', 'priority do');

    await driver.react('ada', '#general', ts, 'white_check_mark');
    await eventually(async () => (await item('C0GENERAL', ts))?.status === 'done', 'status done');
    const open = await s.app.deps.items.listOpen('T0SANDBOX', 'C0OPS');
    expect(open.map((i) => i.ts)).not.toContain(ts);
  });

  test('works on a thread reply', async () => {
    const { driver } = s;
    const parent = await driver.sendMessage('bob', '#general', 'release checklist thread');
    const reply = await driver.sendMessage('cat', '#general', 'the changelog still needs the API section', { threadTs: parent.ts });
    await driver.react('bob', '#general', reply.ts, 'inbox_tray');
    const filed = await eventually(async () => (await item('C0GENERAL', reply.ts)) ?? false, 'the reply filed');
    expect(filed.text).toContain('changelog');
    expect(filed.threadTs).toBe(parent.ts);
  });

  test('removing the reaction takes an unposted item back out', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('bob', '#general', 'someone should water the office plants');
    await driver.react('bob', '#general', ts, 'inbox_tray');
    await eventually(async () => (await item('C0GENERAL', ts))?.status === 'open', 'status open');
    await driver.unreact('bob', '#general', ts, 'inbox_tray');
    await eventually(async () => (await item('C0GENERAL', ts))?.status === 'dropped', 'status dropped');
  });

  test('a redelivered reaction event and a second person adding the same reaction change nothing more', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('bob', '#general', 'customer asked whether invoices can be exported as CSV');
    const delivery = await driver.react('cat', '#general', ts, 'calendar');
    await driver.redeliver(delivery, { num: 1, reason: 'http_timeout' });
    await driver.react('ada', '#general', ts, 'calendar');
    const filed = await eventually(async () => (await item('C0GENERAL', ts)) ?? false, 'the item filed');
    await new Promise((r) => setTimeout(r, 500));
    const all = (await s.app.deps.items.listOpen('T0SANDBOX', 'C0OPS')).filter((i) => i.ts === ts);
    expect(all).toHaveLength(1);
    expect(filed.priority).toBe('schedule');
  });

  test('a correction by reaction teaches the classifier', async () => {
    const { driver } = s;
    const text = 'quarterly pricing memo draft is ready for comments';
    const { ts } = await driver.sendMessage('bob', '#general', text);
    await driver.react('cat', '#general', ts, 'telephone_receiver');
    await eventually(async () => (await item('C0GENERAL', ts))?.area === 'online_meeting', 'area online_meeting');
    const stored = await s.app.deps.redis.lrange(s.app.deps.keys.corrections('T0SANDBOX'), 0, -1);
    expect(stored.map((raw) => JSON.parse(raw) as { text: string; area: string; by: string })).toContainEqual(
      expect.objectContaining({ text, area: 'online_meeting', by: 'U0CAT' }),
    );
  });

  test(':rotating_light: on a message declares an emergency and pages the on-call', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('cat', '#general', 'login is failing for every customer since the deploy');
    await driver.react('cat', '#general', ts, 'rotating_light');
    const post = await driver.waitFor(() => driver.messagesIn('C0EMERG').find((m) => m.text.includes('login is failing')), { timeoutMs: 15_000 });
    expect(post.text).toContain('Emergency');
    await driver.waitFor(() => s.providers.pagerduty.requests.length > 0, { timeoutMs: 15_000 });
    // A second person's reaction is the same emergency: nobody is paged twice.
    await driver.react('bob', '#general', ts, 'rotating_light');
    await new Promise((r) => setTimeout(r, 500));
    expect(driver.messagesIn('C0EMERG').filter((m) => m.text.includes('login is failing'))).toHaveLength(1);
  });

  test('with escalation by reaction for admins only, a Slack admin may escalate and anyone else is told how to declare', async () => {
    const { driver } = s;
    const source = parse(sandboxSettingsYaml(s.workspace.timezone)) as { admins: string[]; emergency: Record<string, unknown> };
    const adminsOnly = { ...source, admins: [], emergency: { ...source.emergency, escalate_by_reaction: 'admins' } };
    expect((await s.app.deps.settings.set('T0SANDBOX', adminsOnly, 'U0ADA')).ok).toBe(true);
    try {
      const { ts } = await driver.sendMessage('cat', '#general', 'the payments api answers 500 to every request');
      await driver.react('bob', '#general', ts, 'rotating_light');
      await driver.waitFor(() => driver.ephemeralsFor('bob', 'C0GENERAL').find((e) => e.text.includes('/emergency <what is happening>')), { timeoutMs: 10_000, what: 'the refusal' });
      expect(driver.messagesIn('C0EMERG').filter((m) => m.text.includes('payments api answers 500'))).toHaveLength(0);
      // ada is no Quadrant admin now, but she is a Slack admin.
      await driver.react('ada', '#general', ts, 'rotating_light');
      await driver.waitFor(() => driver.messagesIn('C0EMERG').find((m) => m.text.includes('payments api answers 500')), { timeoutMs: 15_000, what: 'the emergency' });
    } finally {
      expect((await s.app.deps.settings.set('T0SANDBOX', source, 'U0ADA')).ok).toBe(true);
    }
  });

  test('"Send to async digest" files any message once, and says why when a message has no text to file', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('bob', '#general', 'the status page still lists the old support hours');
    await driver.messageShortcut('cat', '#general', ts, 'send_to_async');
    await driver.waitFor(() => driver.ephemeralsFor('cat', 'C0GENERAL').find((e) => e.text.includes('old support hours')), { timeoutMs: 10_000, what: 'the filed answer' });
    await driver.messageShortcut('ada', '#general', ts, 'send_to_async');
    await driver.waitFor(() => driver.ephemeralsFor('ada', 'C0GENERAL').find((e) => e.text.includes('old support hours')), { timeoutMs: 10_000, what: 'the second answer' });
    expect((await s.app.deps.items.listOpen('T0SANDBOX', 'C0OPS')).filter((i) => i.ts === ts)).toHaveLength(1);

    const bare = await driver.sendMessage('bob', '#general', '');
    await driver.messageShortcut('cat', '#general', bare.ts, 'send_to_async');
    await driver.waitFor(() => driver.ephemeralsFor('cat', 'C0GENERAL').find((e) => e.text.includes('no text to file')), { timeoutMs: 10_000, what: 'the refusal' });
    expect(await item('C0GENERAL', bare.ts)).toBeUndefined();
  });

  test('a triage reaction on an app\'s message says why nothing was filed, once per person however often they react', async () => {
    const { driver } = s;
    const client = await s.app.deps.slackFor('T0SANDBOX');
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'deploy 412 finished' });
    const ts = posted.ts!;
    const finished = async (delivery: { eventId?: string }) =>
      eventually(async () => (await (await s.app.deps.queues.intake.getJob(jobId('reaction', delivery.eventId!)))?.isCompleted()) ?? false, 'the reaction job');
    const storm = [
      await driver.react('cat', '#general', ts, 'inbox_tray'),
      await driver.unreact('cat', '#general', ts, 'inbox_tray'),
      await driver.react('cat', '#general', ts, 'inbox_tray'),
      await driver.react('cat', '#general', ts, 'fire'),
    ];
    for (const delivery of storm) await finished(delivery);
    const notes = driver.ephemeralsFor('cat', 'C0GENERAL').filter((e) => e.text.includes('came from an app'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toBe("That message came from an app; I only file people's messages. Copy what matters into a message of your own and react to that.");
    expect(await item('C0GENERAL', ts)).toBeUndefined();
  });

  test('a reaction that changes nothing says where the message already is', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('bob', '#general', 'the wiki search misses pages renamed last week');
    await driver.react('cat', '#general', ts, 'inbox_tray');
    const filed = await eventually(async () => (await item('C0GENERAL', ts)) ?? false, 'the item filed');
    await driver.react('ada', '#general', ts, 'inbox_tray');
    const note = await driver.waitFor(() => driver.ephemeralsFor('ada', 'C0GENERAL').find((e) => e.text.includes(filed.id)), { timeoutMs: 10_000, what: 'the note to the second reactor' });
    expect(note.text).toBe(`That message is already filed as *Daily operations* for the <#C0OPS> digest (id \`${filed.id}\`); nothing changed.`);
  });

  test('an unknown reaction does nothing', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('bob', '#general', 'lunch?');
    await driver.react('cat', '#general', ts, 'tada');
    await new Promise((r) => setTimeout(r, 300));
    expect(await item('C0GENERAL', ts)).toBeUndefined();
  });

  test('the Web API calls made are all ones Slack has, with its arguments', () => {
    expect(s.slack.violations).toEqual([]);
  });
});
