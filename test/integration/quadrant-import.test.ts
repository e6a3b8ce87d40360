import { Settings, type SettingsInput } from '../../src/config/settings';
import { settingsToInput } from '../../src/core/settings-input';
import { IMPORT_MAX_CHARS } from '../../src/slack/blocks/quadrant-import-modal';
import { startAdminApp, type AdminApp, commandAnswer } from '../helpers/admin-app';

const TEAM = 'T0SANDBOX';
const DIGEST_CHANNELS = Array.from({ length: 12 }, (_, i) => `C0DIGEST${String(i + 1).padStart(2, '0')}`);

/** Slack's mrkdwn entities back to the characters people typed (what a person copies from the message). */
function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A workspace past its first weeks: twelve digest channels (some on a Sunday-to-Thursday week), a hub, two on-call tiers. */
function busyWorkspace(): SettingsInput {
  const channels: NonNullable<SettingsInput['channels']> = { C0HUB: { area: 'deep_work', hub: true }, C0EMERG: { area: 'emergency' } };
  DIGEST_CHANNELS.forEach((id, i) => {
    channels[id] = { area: 'daily_operations', digest: { at: `${String(8 + (i % 4)).padStart(2, '0')}:30`, days: i % 3 === 0 ? ['mon', 'tue', 'wed', 'thu', 'sun'] : ['mon', 'tue', 'wed', 'thu', 'fri'] } };
  });
  return {
    timezone: 'Europe/Budapest',
    admins: ['U0CAT'],
    quiet_hours: { from: '19:00', to: '08:00' },
    channels,
    emergency: { channel: 'C0EMERG', ack_timeout: '5m', tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }], [{ slack: 'U0BOB', phone: '+36207654321' }, { slack: 'U0CAT' }]], providers: ['slack_dm'] },
  };
}

describe('/quadrant export and import with a busy workspace', () => {
  let t: AdminApp;

  beforeAll(async () => {
    t = await startAdminApp();
    DIGEST_CHANNELS.forEach((id, i) => t.driver.ws.addChannel({ id, name: `team-${i + 1}`, kind: 'channel', created: 1732444800, creator: 'U0ADA', members: ['U0ADA', 'U0BOB', 'U0CAT', t.driver.ws.bot.userId], purpose: '', isGeneral: false }));
    // Stored with every key filled in, as settings edited through the modals are.
    const saved = await t.web.deps.settings.update(TEAM, () => settingsToInput(Settings.parse(busyWorkspace())), 'U0ADA', { kind: 'set' });
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
  });
  afterAll(() => t.stop());

  async function exported(): Promise<string> {
    const reply = await commandAnswer(t.driver, 'ada', '#general', 'export');
    const body = /```\n([\s\S]*)```/.exec(reply.text)?.[1];
    if (body === undefined) throw new Error(`no YAML in ${reply.text}`);
    return unescape(body);
  }

  test('the export of twelve digest channels fits the import field: short lists on one line, defaults left out', async () => {
    const yaml = await exported();
    expect(yaml.length).toBeLessThanOrEqual(IMPORT_MAX_CHARS);
    expect(yaml).toContain('admins: [U0CAT]');
    expect(yaml).toContain('days: [mon, tue, wed, thu, sun]');
    // Mon–Fri, no empty digests and "not the hub" are what the schema assumes when the key is missing.
    expect(yaml).not.toMatch(/post_empty: false|hub: false|days: \[mon, tue, wed, thu, fri\]/);
    expect(yaml).toContain('- [{slack: U0ADA, phone: +36 •••• 4567}]');
  });

  test('importing the export gives the same settings, and records no change', async () => {
    const before = await t.web.deps.settings.get(TEAM);
    const changes = (await t.web.deps.settings.history(TEAM, 100)).length;
    const yaml = await exported();
    await t.driver.command('ada', '#general', '/quadrant', 'import');
    const modal = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the import modal' });
    // The sandbox does not enforce the field's max_length; Slack does, so a longer paste never arrives whole.
    const field = JSON.stringify(modal.blocks);
    expect(field).toContain('"initial_value"');
    expect(yaml.length).toBeLessThanOrEqual(Number(/"max_length":(\d+)/.exec(field)?.[1]));
    const result = await t.driver.submitView('ada', modal.id, { yaml });
    expect(result.errors).toBeUndefined();
    const dm = await t.driver.waitFor(() => t.driver.dmsTo('ada').find((m) => m.text.startsWith('Settings imported')), { what: 'the import notice' });
    expect(dm.text).toBe('Settings imported: nothing changed, the settings already said that.');
    expect(await t.web.deps.settings.get(TEAM)).toEqual(before);
    expect((await t.web.deps.settings.history(TEAM, 100)).length).toBe(changes);
  });

  test('Slack accepted every Web API call', () => {
    expect(t.driver.warnings.map((w) => w.detail)).toEqual([]);
    expect(t.slack.violations).toEqual([]);
  });
});
