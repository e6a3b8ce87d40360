import { Settings, type SettingsInput } from '../../src/config/settings';
import { settingsToInput } from '../../src/core/settings-input';
import { IMPORT_MAX_CHARS } from '../../src/slack/blocks/quadrant-import-modal';
import { checkView } from '../../sandbox/block-kit-check';
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

  describe('an import that changes something asks first', () => {
    const before = () => t.web.deps.settings.get(TEAM);
    const historyLength = async () => (await t.web.deps.settings.history(TEAM, 100)).length;

    /** Opens the import modal as `user`, submits `yaml` and returns the view Slack shows next. */
    async function submitImport(user: string, yaml: string) {
      const left = t.driver.openModal(user);
      if (left) await t.driver.closeView(user, left.id);
      await t.driver.command(user, '#general', '/quadrant', 'import');
      const modal = await t.driver.waitFor(() => t.driver.openModal(user), { what: 'the import modal' });
      const result = await t.driver.submitView(user, modal.id, { yaml });
      return { result, next: t.driver.openModal(user) };
    }

    test('pasting only a time zone shows everything it would remove, loudly, and changes nothing until confirmed', async () => {
      const settings = await before();
      const changes = await historyLength();
      const { result, next } = await submitImport('ada', 'timezone: Europe/Berlin\n');
      expect(result.responseAction).toBe('update');
      expect(next).toMatchObject({ callback_id: 'quadrant_import', title: { text: 'Confirm import' }, submit: { text: 'Import' }, close: { text: 'Cancel' } });
      expect(checkView(next)).toEqual([]);
      const text = JSON.stringify(next!.blocks);
      expect(text).toContain('• `timezone`: `Europe/Budapest` → `Europe/Berlin`');
      expect(text).toContain('• `channels.C0DIGEST01` removed');
      expect(text).toContain(':rotating_light: *This removes every on-call tier: `/emergency` will page no one.*');
      expect(text).toContain(':warning: *This removes Quadrant admins: <@U0CAT>*');
      expect(text).toContain('+36 •••• 4567');
      expect(text).not.toContain('+36201234567');
      expect(await before()).toEqual(settings);
      expect(await historyLength()).toBe(changes);

      await t.driver.closeView('ada', next!.id);
      expect(await before()).toEqual(settings);
      expect(await historyLength()).toBe(changes);
    });

    test('confirming applies what was shown', async () => {
      const settings = await before();
      const yaml = (await exported()).replace('C0DIGEST02: {area: daily_operations, digest: {at: 09:30}}', 'C0DIGEST02: {area: daily_operations, digest: {at: 07:45}}');
      const { next } = await submitImport('ada', yaml);
      const text = JSON.stringify(next!.blocks);
      expect(text).toContain('1 key would change (1 changed)');
      expect(text).toContain('• `channels.C0DIGEST02.digest.at`: `09:30` → `07:45`');
      expect(text).not.toContain(':rotating_light:');

      const confirmed = await t.driver.submitView('ada', next!.id);
      expect(confirmed.responseAction).toBeUndefined();
      expect(t.driver.openModal('ada')).toBeUndefined();
      const dm = await t.driver.waitFor(() => t.driver.dmsTo('ada').find((m) => m.text.includes('`channels.C0DIGEST02.digest.at`')), { what: 'the import notice' });
      expect(dm.text).toMatch(/^Settings imported \(change #\d+\): `channels\.C0DIGEST02\.digest\.at`\./);
      const after = await before();
      expect(after.channels.C0DIGEST02?.digest?.at).toBe('07:45');
      expect({ ...after, channels: { ...after.channels, C0DIGEST02: settings.channels.C0DIGEST02 } }).toEqual(settings);
      // Stored numbers survived the masked export.
      expect(after.emergency.tiers[0]?.[0]?.phone).toBe('+36201234567');
    });

    test('YAML too long for private_metadata waits in Redis for the confirm, briefly, and is gone after', async () => {
      // Comments people keep in their file: the paste stays within the field, but not within private_metadata.
      let yaml = (await exported()).replace('at: 07:45', 'at: 08:15');
      for (let i = 1; yaml.length < IMPORT_MAX_CHARS - 60; i++) yaml = `# note ${i}: digest times agreed with each team lead\n${yaml}`;
      expect(yaml.length).toBeLessThanOrEqual(IMPORT_MAX_CHARS);
      const { next } = await submitImport('ada', yaml);
      expect(checkView(next)).toEqual([]);
      expect(next!.private_metadata.length).toBeLessThanOrEqual(3000);
      expect(next!.private_metadata).not.toContain('C0DIGEST');
      const pattern = `${t.web.deps.keys.prefix}:import-pending:*`;
      const [key, ...others] = await t.web.deps.redis.keys(pattern);
      expect(others).toEqual([]);
      expect(key).toContain(`:${TEAM}:U0ADA:${next!.id}:`);
      const ttl = await t.web.deps.redis.ttl(key!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(15 * 60);

      await t.driver.submitView('ada', next!.id);
      expect((await before()).channels.C0DIGEST02?.digest?.at).toBe('08:15');
      expect(await t.web.deps.redis.keys(pattern)).toEqual([]);
    });

    test('settings changed between the preview and the confirm: the difference is shown again, and nothing is overwritten', async () => {
      const yaml = (await exported()).replace('at: 08:15', 'at: 06:00');
      const { next } = await submitImport('ada', yaml);
      const moved = await t.web.deps.settings.update(TEAM, (s) => ({ ...s, quiet_hours: { from: '20:00', to: '07:00' } }), 'U0ADA', { kind: 'set' });
      expect(moved.ok).toBe(true);
      const again = await t.driver.submitView('ada', next!.id);
      expect(again.responseAction).toBe('update');
      const text = JSON.stringify(t.driver.openModal('ada')!.blocks);
      expect(text).toContain('The settings changed while you were looking.');
      expect(text).toContain('• `quiet_hours.from`: `20:00` → `19:00`');
      expect((await before()).channels.C0DIGEST02?.digest?.at).toBe('08:15');

      await t.driver.submitView('ada', next!.id);
      const after = await before();
      expect(after.channels.C0DIGEST02?.digest?.at).toBe('06:00');
      expect(after.quiet_hours).toEqual({ from: '19:00', to: '08:00' });
    });

    test('admin rights are checked again on the confirm', async () => {
      const yaml = (await exported()).replace('at: 06:00', 'at: 05:00');
      const { next } = await submitImport('cat', yaml);
      expect(next?.title).toMatchObject({ text: 'Confirm import' });
      const demoted = await t.web.deps.settings.update(TEAM, (s) => ({ ...s, admins: [] }), 'U0ADA', { kind: 'set' });
      expect(demoted.ok).toBe(true);
      const settings = await before();
      const changes = await historyLength();

      const refused = await t.driver.submitView('cat', next!.id);
      expect(refused.responseAction).toBe('update');
      expect(t.driver.openModal('cat')).toMatchObject({ title: { text: 'Not allowed' } });
      expect(await before()).toEqual(settings);
      expect(await historyLength()).toBe(changes);
    });
  });

  test('Slack accepted every Web API call', () => {
    expect(t.driver.warnings.map((w) => w.detail)).toEqual([]);
    expect(t.slack.violations).toEqual([]);
  });
});
