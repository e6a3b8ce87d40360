import { digestProcessors } from '../../src/flows/digest/processors';
import type { SettingsInput, Weekday, WorkspaceSettings } from '../../src/config/settings';
import { checkView } from '../../sandbox/block-kit-check';
import { startAdminApp, type AdminApp, commandAnswer } from '../helpers/admin-app';
import { eventually } from '../helpers/emergency-stack';

const TEAM = 'T0SANDBOX';
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Slack's mrkdwn entities back to the characters people typed (what a person copies from the message). */
function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('an admin sets Quadrant up through Slack, and the workspace follows at once', () => {
  let t: AdminApp;

  beforeAll(async () => {
    t = await startAdminApp();
    // A channel the bot was never invited to.
    t.driver.ws.addChannel({ id: 'C0RANDOM', name: 'random', kind: 'channel', created: 1732444800, creator: 'U0ADA', members: ['U0ADA', 'U0BOB'], purpose: '', isGeneral: false });
  });
  afterAll(() => t.stop());

  const command = (user: string, channel: string, text: string, slash = '/quadrant') => commandAnswer(t.driver, user, channel, text, slash);

  const settingsIn = (deps: AdminApp['web']['deps']): Promise<WorkspaceSettings> => deps.settings.get(TEAM);

  test('before setup, nobody is on call and no channel has a digest', async () => {
    // The other process reads (and caches) the defaults now; it must not keep them.
    const before = await settingsIn(t.other.deps);
    expect(before.emergency.tiers).toEqual([]);
    expect(before.channels).toEqual({});
  });

  describe('/quadrant setup', () => {
    test('opens the first step of a guided modal', async () => {
      await t.driver.command('ada', '#general', '/quadrant', 'setup');
      const modal = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the setup modal' });
      expect(modal).toMatchObject({ callback_id: 'quadrant_settings', title: { text: 'Quadrant setup 1/4' }, submit: { text: 'Next' } });
    });

    test('shows a wrong time zone and lead time under their fields, and moves on only when they are right', async () => {
      const modal = t.driver.openModal('ada')!;
      const wrong = await t.driver.submitView('ada', modal.id, { timezone: 'Europe/Budapestt', emergency_channel: 'C0EMERG', offline_lead_time: 'three weeks' });
      expect(wrong.responseAction).toBe('errors');
      expect(wrong.errors).toEqual({
        timezone: expect.stringContaining('IANA time zone like "Europe/Budapest"'),
        offline_lead_time: expect.stringContaining('duration like "90s", "5m", "2h" or "21d"'),
      });
      expect(await t.web.deps.settings.getInput(TEAM)).toBeUndefined();
    });

    test('says how to invite the bot into a channel it is not in', async () => {
      const modal = t.driver.openModal('ada')!;
      const outside = await t.driver.submitView('ada', modal.id, { timezone: 'Europe/Budapest', emergency_channel: 'C0RANDOM', offline_lead_time: '14d' });
      expect(outside.errors).toEqual({ emergency_channel: "I'm not in #random yet. Open #random and type /invite @quadrant, then submit again." });
    });

    test('walks through basics, digests, on-call and phone numbers, then saves once', async () => {
      const basics = t.driver.openModal('ada')!;
      expect((await t.driver.submitView('ada', basics.id, { timezone: 'Europe/Budapest', emergency_channel: 'C0EMERG', quiet_from: '19:00', quiet_to: '08:00', offline_lead_time: '14d' })).responseAction).toBe('update');

      const digests = t.driver.openModal('ada')!;
      expect(digests.title).toMatchObject({ text: 'Quadrant setup 2/4' });
      expect((await t.driver.submitView('ada', digests.id, { digest_channels: ['C0OPS'], digest_at: '09:00', digest_days: EVERY_DAY, hub: 'C0HUB' })).responseAction).toBe('update');

      const oncall = t.driver.openModal('ada')!;
      expect((await t.driver.submitView('ada', oncall.id, { tier_1: ['U0ADA'], tier_2: ['U0BOB'], ack_timeout: '5m', providers: ['slack_dm'] })).responseAction).toBe('update');

      const phones = t.driver.openModal('ada')!;
      expect(phones).toMatchObject({ title: { text: 'Quadrant setup 4/4' }, submit: { text: 'Save' } });
      const bad = await t.driver.submitView('ada', phones.id, { phone_U0ADA: '06 20 123 4567' });
      expect(bad.errors).toEqual({ phone_U0ADA: expect.stringContaining('E.164') });
      expect(await t.web.deps.settings.getInput(TEAM)).toBeUndefined();

      const saved = await t.driver.submitView('ada', phones.id, { phone_U0ADA: '+36 20 123 4567', phone_U0BOB: '' });
      expect(saved.responseAction).toBeUndefined();
      expect(t.driver.openModal('ada')).toBeUndefined();

      const confirmation = await t.driver.waitFor(() => t.driver.ephemeralsFor('ada', '#general').find((e) => e.text.startsWith('Settings saved')));
      expect(confirmation.text).toMatch(/^Settings saved \(change #1\): .*`emergency\.tiers\[0\]`/);
      expect(await t.web.deps.settings.history(TEAM)).toEqual([expect.objectContaining({ id: 1, by: 'U0ADA', kind: 'setup' })]);
      expect(await t.web.deps.settings.getInput(TEAM)).toMatchObject({
        timezone: 'Europe/Budapest',
        quiet_hours: { from: '19:00', to: '08:00' },
        offline_lead_time: '14d',
        channels: { C0OPS: { area: 'daily_operations', digest: { at: '09:00', days: EVERY_DAY } }, C0HUB: { area: 'deep_work', hub: true }, C0EMERG: { area: 'emergency' } },
        emergency: { channel: 'C0EMERG', ack_timeout: '5m', providers: ['slack_dm'], tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }], [{ slack: 'U0BOB' }]] },
      });
    });
  });

  describe('without a restart', () => {
    test('the other process holds the new settings', async () => {
      const settings = await eventually(async () => {
        const s = await settingsIn(t.other.deps);
        return s.emergency.channel === 'C0EMERG' && s;
      }, 'the other process to reload');
      expect(settings.emergency.tiers.map((tier) => tier.map((p) => p.slack))).toEqual([['U0ADA'], ['U0BOB']]);
    });

    test('an emergency posts to the new emergency channel and pages the new tier 1', async () => {
      const reply = await command('bob', '#general', 'the checkout API returns 500 for every customer', '/emergency');
      expect(reply.text).toContain('<#C0EMERG>');
      const post = await t.driver.waitFor(() => t.driver.botMessages('#emergencies')[0], { what: 'the emergency post' });
      expect(post.text).toContain('checkout API');
      const page = await t.driver.waitFor(() => t.driver.dmsTo('ada').find((m) => m.text.includes('checkout API')), { what: "ada's page" });
      expect(page).toBeDefined();
    });

    test('a digest posts in the new digest channel, from the other process', async () => {
      const filed = await command('bob', '#ops', 'please review the onboarding checklist when you have a moment', '/async');
      expect(filed.text).toBeDefined();
      const reply = await command('ada', '#ops', 'digest now');
      expect(reply.text).toBe('Posting the digest in <#C0OPS> now (1 new item).');

      const [job] = await t.other.deps.queues.digest.getJobs(['waiting', 'delayed', 'prioritized']);
      expect(job?.data).toMatchObject({ team: TEAM, channel: 'C0OPS', reason: 'now' });
      const outcome = await digestProcessors(t.other.deps, { intervalMs: 0, sleep: async () => undefined }).post(job!);
      expect(outcome).toMatchObject({ status: 'posted', items: 1 });
      const parent = t.driver.botMessages('#ops').find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(parent).toBeDefined();
      expect(JSON.stringify(t.driver.botMessages('#ops'))).toContain('onboarding checklist');
    });
  });

  describe('export and import', () => {
    let exported: string;

    test('export gives YAML with phone numbers masked', async () => {
      const reply = await command('ada', '#general', 'export');
      const body = /```\n([\s\S]*)```/.exec(reply.text)?.[1];
      expect(body).toBeDefined();
      exported = unescape(body!);
      expect(exported).toContain('phone: +36 •••• 4567');
      expect(exported).not.toContain('+36201234567');
      // A masked number is no phone number: the file is for importing back here, not for QUADRANT_CONFIG.
      expect(reply.text.slice(reply.text.lastIndexOf('```') + 4)).toBe(
        'Phone numbers are masked: import it back here with `/quadrant import` and the masked numbers keep the stored ones. It is not a valid `QUADRANT_CONFIG` file (masked numbers are not phone numbers); for that, an admin runs `/quadrant export full` and gets the full numbers by DM.',
      );
    });

    test('an admin who asks in a channel gets full numbers by DM from the bot, and only a note where they asked', async () => {
      const dmsBefore = t.driver.dmsTo('ada').length;
      const reply = await command('ada', '#general', 'export full');
      expect(reply.text).toBe('I sent you the settings with full phone numbers in a DM (Quadrant’s Messages tab). Keep them private.');
      const dm = await t.driver.waitFor(() => t.driver.dmsTo('ada')[dmsBefore], { what: 'the full export by DM' });
      expect(dm.channel).toBe('D0ADA');
      expect(unescape(dm.text)).toContain('phone: "+36201234567"');
      expect(dm.text).not.toContain('••••');
      expect(dm.text.endsWith('```\nImport it with `/quadrant import`, or save it as the `QUADRANT_CONFIG` file.')).toBe(true);
      expect(t.driver.botMessages('#general').some((m) => m.text.includes('+36201234567'))).toBe(false);
    });

    test('a DM with a colleague is not the bot\'s DM: the full numbers still go only to the bot\'s DM', async () => {
      // A D… conversation between two people: the command works there, but the colleague is in it.
      t.driver.ws.addChannel({ id: 'D0ADABOB', name: 'D0ADABOB', kind: 'im', created: 1732444800, creator: 'U0ADA', members: ['U0ADA', 'U0BOB'], user: 'U0BOB', purpose: '', isGeneral: false });
      const dmsBefore = t.driver.dmsTo('ada').length;
      const reply = await command('ada', 'D0ADABOB', 'export full');
      expect(reply.text).not.toContain('+36201234567');
      expect(reply.text).toContain('in a DM');
      const dm = await t.driver.waitFor(() => t.driver.dmsTo('ada')[dmsBefore], { what: 'the full export by DM' });
      expect(unescape(dm.text)).toContain('+36201234567');
      expect(t.driver.ws.allMessages('D0ADABOB')).toEqual([]);
    });

    test('importing the export round-trips: nothing changes, stored numbers stay', async () => {
      const before = await t.web.deps.settings.getInput(TEAM);
      const changes = (await t.web.deps.settings.history(TEAM, 100)).length;
      await t.driver.command('ada', '#general', '/quadrant', 'import');
      const modal = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the import modal' });
      const result = await t.driver.submitView('ada', modal.id, { yaml: exported });
      expect(result.responseAction).toBeUndefined();
      const dm = await t.driver.waitFor(() => t.driver.dmsTo('ada').find((m) => m.text.startsWith('Settings imported')));
      expect(dm.text).toBe('Settings imported: nothing changed, the settings already said that.');
      expect(await t.web.deps.settings.getInput(TEAM)).toEqual(before);
      expect(await t.web.deps.settings.history(TEAM, 100)).toHaveLength(changes);
    });

    test('an import with mistakes changes nothing and lists each by key path and line', async () => {
      const before = await t.web.deps.settings.getInput(TEAM);
      const changes = (await t.web.deps.settings.history(TEAM, 100)).length;
      await t.driver.command('ada', '#general', '/quadrant', 'import');
      const modal = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the import modal' });
      const yaml = ['timezone: Mars/Olympus', 'emergency:', '  ack_timeout: 2s', '  tiers:', '    - [{ slack: U0ADA, phone: "06201234567" }]', 'colour: blue', ''].join('\n');
      const result = await t.driver.submitView('ada', modal.id, { yaml });
      expect(result.responseAction).toBe('errors');
      const lines = result.errors!.yaml!.split('\n');
      expect(lines[0]).toBe('Nothing was changed: 4 problems.');
      expect(lines.slice(1).sort()).toEqual([
        expect.stringMatching(/^• \(top level\) \(line 6\): unknown key: colour$/),
        expect.stringMatching(/^• emergency\.ack_timeout \(line 3\): must be between 10s and 24h/),
        expect.stringMatching(/^• emergency\.tiers\[0\]\[0\]\.phone \(line 5\): must be an E\.164 phone number/),
        expect.stringMatching(/^• timezone \(line 1\): must be an IANA time zone/),
      ]);
      expect(await t.web.deps.settings.getInput(TEAM)).toEqual(before);
      expect(await t.web.deps.settings.history(TEAM, 100)).toHaveLength(changes);
      await t.driver.closeView('ada', modal.id);
    });

    test('an import naming a person who does not exist, or a channel the bot is not in, changes nothing', async () => {
      const before = await t.web.deps.settings.getInput(TEAM);
      await t.driver.command('ada', '#general', '/quadrant', 'import');
      const modal = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the import modal' });
      const yaml = ['admins: [U0NOBODY]', 'channels:', '  C0RANDOM: { area: online_meeting }', ''].join('\n');
      const result = await t.driver.submitView('ada', modal.id, { yaml });
      expect(result.errors?.yaml?.split('\n')).toEqual([
        'Nothing was changed: 2 problems.',
        "• channels.C0RANDOM: I'm not in #random yet. Open #random and type /invite @quadrant, then submit again.",
        '• admins[0]: no user U0NOBODY in this workspace',
      ]);
      expect(await t.web.deps.settings.getInput(TEAM)).toEqual(before);
      await t.driver.closeView('ada', modal.id);
    });

    test('a YAML syntax error is reported with its line, and changes nothing', async () => {
      await t.driver.command('ada', '#general', '/quadrant', 'import');
      const modal = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the import modal' });
      const result = await t.driver.submitView('ada', modal.id, { yaml: 'timezone: UTC\nchannels: [unclosed\n' });
      // A sentence with its place, not the parser's "… at line 3, column 1:" left dangling.
      expect(result.errors?.yaml).toBe('Nothing was changed: 1 problem.\n• line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]');
      await t.driver.closeView('ada', modal.id);
    });
  });

  describe('/quadrant channels set', () => {
    test('in a channel the bot is not in, assigns it and says how to invite the bot', async () => {
      const reply = await command('ada', '#random', 'channels set online_meeting');
      expect(reply.text).toMatch(/^<#C0RANDOM> is now: Online meeting \(change #\d+;.*\n:warning: I'm not in #random yet\. Open #random and type \/invite @quadrant, or Quadrant cannot work here\.$/);
      await command('ada', '#random', 'channels set none');
      expect((await t.web.deps.settings.get(TEAM)).channels.C0RANDOM).toBeUndefined();
    });

    test('in a DM, explains where to run it', async () => {
      const reply = await command('ada', '@ada', 'channels set hub');
      expect(reply.text).toBe('Run `/quadrant channels set <role>` in the channel you want to assign (not in a DM).');
    });
  });

  describe('history', () => {
    test('lists changes newest first, with a Roll back button for admins', async () => {
      await command('ada', '#ops', 'channels set daily_operations 10:30 mon-fri');
      const reply = await command('ada', '#general', 'history');
      const text = JSON.stringify(reply.blocks);
      expect(text.indexOf('*#2*')).toBeLessThan(text.indexOf('*#1*'));
      expect(text).toContain('quadrant_rollback_2');
      expect(text).toContain('`channels.C0OPS.digest.at`');
    });
  });

  describe('digest days', () => {
    test('a range that wraps past Sunday sets a Sunday-to-Thursday week', async () => {
      const reply = await command('ada', '#ops', 'channels set daily_operations 09:00 sun-thu');
      expect(reply.text).toMatch(/^<#C0OPS> is now: Daily operations · digest at 09:00, /);
      expect((await t.web.deps.settings.get(TEAM)).channels.C0OPS?.digest?.days).toEqual(['mon', 'tue', 'wed', 'thu', 'sun']);
    });

    test('an unreadable day is named in the reply, and nothing changes', async () => {
      const before = await t.web.deps.settings.getInput(TEAM);
      const reply = await command('ada', '#ops', 'channels set daily_operations 09:00 mon,wed,fryday');
      expect(reply.text).toMatch(/^I couldn't read `fryday`\. Try `\/quadrant channels set <role>`/);
      expect(await t.web.deps.settings.getInput(TEAM)).toEqual(before);
    });
  });

  describe('channels set names what is wrong', () => {
    test.each([
      ['channels set daily_operations 25:00', '`25:00` is not a time (use HH:MM, e.g. 09:00). Try `/quadrant channels set daily_operations 09:00 mon-fri`.'],
      [
        'channels set bogus',
        '`bogus` is not an area. Areas: `daily_operations`, `deep_work`, `online_meeting`, `offline_activity` or `emergency`; or `hub` (the deep-work hub) or `none` (no role). Try `/quadrant channels set daily_operations` in the channel to assign.',
      ],
      ['channels set deep_work 10:00', '`deep_work` takes nothing after it (`10:00`): only `daily_operations` has a digest time and days. Try `/quadrant channels set deep_work`.'],
    ])('%s', async (text, expected) => {
      const before = await t.web.deps.settings.getInput(TEAM);
      const reply = await command('ada', '#ops', text);
      expect(reply.text).toBe(expected);
      expect(await t.web.deps.settings.getInput(TEAM)).toEqual(before);
    });
  });

  test('every request was acked in time, and Slack accepted every Web API call', () => {
    expect(t.driver.warnings.map((w) => w.detail)).toEqual([]);
    expect(t.slack.violations).toEqual([]);
  });
});

describe('an admin re-runs /quadrant setup on a workspace set up in more detail than the form shows, and clicks through', () => {
  let t: AdminApp;
  const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
  // 60 people on call in 8 tiers: more tiers than the form has fields, more people than the old phones step fit in a view.
  const people = Array.from({ length: 60 }, (_, i) => ({ id: `U0P${String(i + 1).padStart(3, '0')}`, name: `person${i + 1}` }));
  const tiers: Array<Array<{ slack: string; phone?: string }>> = [people.slice(0, 53), ...people.slice(53).map((p) => [p])].map((tier) => tier.map((p) => ({ slack: p.id })));
  tiers[7]![0] = { slack: 'U0P060', phone: '+36201112233' };
  const before: SettingsInput = {
    timezone: 'Europe/Budapest',
    quiet_hours: { from: '20:00', to: '08:00' },
    channels: {
      C0OPS: { area: 'daily_operations', digest: { at: '09:00', days: MON_FRI } },
      C0TWO: { area: 'daily_operations', digest: { at: '14:00', days: ['mon', 'wed'] } },
      C0EMERG: { area: 'emergency' },
    },
    emergency: { channel: 'C0EMERG', tiers },
  };

  beforeAll(async () => {
    t = await startAdminApp();
    t.driver.ws.addChannel({ id: 'C0TWO', name: 'support', kind: 'channel', created: 1732444800, creator: 'U0ADA', members: ['U0ADA', 'U0QUADRANT'], purpose: '', isGeneral: false });
    for (const p of people) t.driver.ws.addPerson({ id: p.id, name: p.name, realName: `Person ${p.id}`, isAdmin: false, isOwner: false });
    const seeded = await t.web.deps.settings.set(TEAM, before, 'U0ADA');
    expect(seeded.ok).toBe(true);
  });
  afterAll(() => t.stop());

  test('changing only the quiet hours keeps every channel’s digest, every tier and every stored number', async () => {
    await t.driver.command('ada', '#general', '/quadrant', 'setup');
    const basics = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the setup modal' });
    expect((await t.driver.submitView('ada', basics.id, { quiet_from: '19:00' })).responseAction).toBe('update');

    const digests = t.driver.openModal('ada')!;
    expect(JSON.stringify(digests.blocks)).toContain('Channels that already have a digest keep their own time and days unless you change the time or days here');
    expect((await t.driver.submitView('ada', digests.id)).responseAction).toBe('update');

    const oncall = t.driver.openModal('ada')!;
    expect(JSON.stringify(oncall.blocks)).toContain('Tiers 7–8 are not shown here and stay as they are');
    expect((await t.driver.submitView('ada', oncall.id)).responseAction).toBe('update');

    const phones = t.driver.openModal('ada')!;
    expect(checkView(phones)).toEqual([]);
    const labels = phones.blocks.filter((b) => b.type === 'input').map((b) => (b.label as { text: string }).text);
    expect(labels).toHaveLength(60);
    expect(labels.slice(0, 2)).toEqual(['person1: phone number', 'person2: phone number']);
    expect((await t.driver.submitView('ada', phones.id)).responseAction).toBeUndefined();

    const after = await t.web.deps.settings.getInput(TEAM);
    expect(after?.quiet_hours).toEqual({ from: '19:00', to: '08:00' });
    expect(after?.channels?.C0OPS?.digest).toEqual({ at: '09:00', days: MON_FRI });
    expect(after?.channels?.C0TWO?.digest).toEqual({ at: '14:00', days: ['mon', 'wed'] });
    expect(after?.emergency?.tiers).toEqual(tiers);
  });

  test('every request was acked in time, and Slack accepted every Web API call', () => {
    expect(t.driver.warnings.map((w) => w.detail)).toEqual([]);
    expect(t.slack.violations).toEqual([]);
  });
});
