import { Redis } from 'ioredis';
import { parseSettingsYaml, type SettingsSource } from '../../src/config/load';
import { createKeys, type Keys } from '../../src/store/keys';
import { AUTHORITATIVE_ISSUE, createSettingsStore, type RedisSettingsStore } from '../../src/store/settings-store';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';

const TEAM = 'T0HISTORY';
const FILE = `timezone: Europe/Budapest
channels:
  C0OPS: { area: daily_operations, digest: { at: "09:00" } }
`;

function fileSource(): SettingsSource {
  const parsed = parseSettingsYaml(FILE);
  if (!parsed.ok) throw new Error('bad test file');
  return parsed.value;
}

describe('settings history and rollback', () => {
  let prefix: string;
  let keys: Keys;
  let connections: Redis[];
  let clock: number;

  function store(options: { source?: SettingsSource; authoritative?: boolean } = {}): RedisSettingsStore {
    const redis = new Redis(testRedisUrl());
    const subscriber = new Redis(testRedisUrl());
    connections.push(redis, subscriber);
    return createSettingsStore({ redis, subscriber, keys, now: () => clock, ...options });
  }

  beforeEach(() => {
    prefix = testPrefix('qh');
    keys = createKeys(prefix);
    connections = [];
    clock = Date.UTC(2026, 10, 24, 9, 0, 0);
  });
  afterEach(async () => {
    await Promise.all(connections.map((c) => c.quit()));
    await deletePrefix(prefix);
  });


  test('stored settings a stricter schema now rejects keep everything but the rejected key (the emergency tiers above all)', async () => {
    const settings = store({ source: fileSource() });
    const stored = {
      timezone: 'Europe/Budapest',
      channels: { C0OPS: { area: 'daily_operations' }, C0EMERG: { area: 'emergency' } },
      default_digest: 'C0OPS',
      emergency: { channel: 'C0EMERG', tiers: [[{ slack: 'U0ADA', phone: '+36201234567' }]], providers: ['twilio_sms'] },
    };
    await connections[0]!.set(keys.settings(TEAM), JSON.stringify(stored));
    const read = await settings.get(TEAM);
    expect(read.default_digest).toBeUndefined();
    expect(read.emergency.tiers).toEqual([[expect.objectContaining({ slack: 'U0ADA', phone: '+36201234567' })]]);
    expect(read.channels.C0EMERG?.area).toBe('emergency');
  });
  test('records who changed what, when, and what it replaced', async () => {
    const settings = store({ source: fileSource() });
    const first = await settings.update(TEAM, (current) => ({ ...current, timezone: 'Europe/London' }), 'U0ADA', { kind: 'setup' });
    clock += 60_000;
    const second = await settings.update(TEAM, (current) => ({ ...current, offline_lead_time: '14d' }), 'U0BOB', { kind: 'set' });
    expect(first.ok && second.ok).toBe(true);

    const [latest, earliest] = await settings.history(TEAM);
    // The first change starts from the file's settings, so only the timezone counts as changed.
    expect(earliest).toMatchObject({ id: 1, by: 'U0ADA', kind: 'setup', at: Date.UTC(2026, 10, 24, 9, 0, 0), previous: null, changed: ['timezone'] });
    expect(earliest!.next).toMatchObject({ timezone: 'Europe/London', channels: { C0OPS: { area: 'daily_operations' } } });
    expect(latest).toMatchObject({ id: 2, by: 'U0BOB', kind: 'set', at: Date.UTC(2026, 10, 24, 9, 1, 0), changed: ['offline_lead_time'] });
    expect(latest!.previous).toEqual(earliest!.next);
    expect(await connections[0]!.sismember(keys.teams(), TEAM)).toBe(1);
  });

  test('an edit that changes nothing records nothing', async () => {
    const settings = store();
    await settings.set(TEAM, { timezone: 'UTC', emergency: { ack_timeout: '5m' } }, 'U0ADA');
    // "300s" is "5m" written differently: no effective change.
    const again = await settings.set(TEAM, { timezone: 'UTC', emergency: { ack_timeout: '300s' } }, 'U0ADA');
    expect(again.ok).toBe(true);
    expect((await settings.history(TEAM)).map((c) => c.id)).toEqual([1]);
  });

  test('an invalid change stores nothing and says which key is wrong', async () => {
    const settings = store();
    const outcome = await settings.set(TEAM, { timezone: 'Mars/Olympus' }, 'U0ADA');
    expect(outcome).toEqual({ ok: false, issues: [expect.objectContaining({ path: ['timezone'], message: expect.stringContaining('IANA time zone') })] });
    expect(await settings.getInput(TEAM)).toBeUndefined();
    expect(await settings.history(TEAM)).toEqual([]);
  });

  test('rolling back a change restores the settings from before it, and is itself a change', async () => {
    const settings = store({ source: fileSource() });
    await settings.update(TEAM, (c) => ({ ...c, timezone: 'Europe/London' }), 'U0ADA');
    await settings.update(TEAM, (c) => ({ ...c, timezone: 'Asia/Tokyo', admins: ['U0CAT'] }), 'U0ADA');

    const rolled = await settings.rollback(TEAM, 2, 'U0BOB');
    expect(rolled.ok && rolled.value.change).toMatchObject({ id: 3, kind: 'rollback', reverts: 2, by: 'U0BOB', changed: ['timezone', 'admins'] });
    expect((await settings.get(TEAM)).timezone).toBe('Europe/London');
    expect((await settings.get(TEAM)).admins).toEqual([]);
  });

  test('rolling back the first change returns the workspace to the settings file', async () => {
    const settings = store({ source: fileSource() });
    await settings.update(TEAM, (c) => ({ ...c, timezone: 'Europe/London' }), 'U0ADA');
    const rolled = await settings.rollback(TEAM, 1, 'U0ADA');
    expect(rolled.ok && rolled.value.change).toMatchObject({ id: 2, next: null, changed: ['timezone'] });
    expect(await settings.getInput(TEAM)).toBeUndefined();
    expect((await settings.get(TEAM)).timezone).toBe('Europe/Budapest');
  });

  test('a rollback can be rolled back', async () => {
    const settings = store();
    await settings.set(TEAM, { timezone: 'Europe/London' }, 'U0ADA');
    await settings.set(TEAM, { timezone: 'Asia/Tokyo' }, 'U0ADA');
    await settings.rollback(TEAM, 2, 'U0ADA');
    await settings.rollback(TEAM, 3, 'U0ADA');
    expect((await settings.get(TEAM)).timezone).toBe('Asia/Tokyo');
  });

  test('an unknown change cannot be rolled back', async () => {
    const outcome = await store().rollback(TEAM, 41, 'U0ADA');
    expect(outcome).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'change_not_found' })] });
  });

  test('with an authoritative settings file, changes are refused and the file wins', async () => {
    const settings = store({ source: fileSource(), authoritative: true });
    const outcome = await settings.set(TEAM, { timezone: 'Europe/London' }, 'U0ADA');
    expect(outcome).toEqual({ ok: false, issues: [expect.objectContaining({ code: AUTHORITATIVE_ISSUE })] });
    expect(settings.isAuthoritative(TEAM)).toBe(true);
    expect((await settings.get(TEAM)).timezone).toBe('Europe/Budapest');
    expect(await settings.history(TEAM)).toEqual([]);
  });

  describe('when two processes change different keys at the same moment', () => {
    test('keeps both changes and a history where each change replaced the one before', async () => {
      const a = store();
      const b = store();
      await a.set(TEAM, { timezone: 'UTC' }, 'U0ADA');
      const admins = ['U0A1', 'U0A2', 'U0A3', 'U0A4', 'U0A5', 'U0A6'];
      await Promise.all(admins.map((admin, i) => (i % 2 ? a : b).update(TEAM, (c) => ({ ...c, admins: [...(c.admins ?? []), admin] }), admin)));

      expect([...(await a.get(TEAM)).admins].sort()).toEqual(admins);
      const history = (await a.history(TEAM)).reverse();
      expect(history.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (let i = 1; i < history.length; i++) expect(history[i]!.previous).toEqual(history[i - 1]!.next);
    });
  });
});
