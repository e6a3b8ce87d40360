import type { Item } from '../../src/core/item';
import { applyRetention, EXPIRED_TEXT } from '../../src/flows/admin/apply-retention';
import { ERASED_TEXT } from '../../src/flows/admin/erase-user';
import { createCorrectionsStore } from '../../src/store/corrections-store';
import { declareEmergency } from '../../src/flows/emergency/declare';
import { startAdminApp, type AdminApp, commandAnswer } from '../helpers/admin-app';

const TEAM = 'T0SANDBOX';
const DAY = 86_400_000;
const FILE = `retention: 30d
channels:
  C0OPS: { area: daily_operations, digest: { at: "09:00" } }
  C0EMERG: { area: emergency }
emergency: { channel: C0EMERG, providers: [slack_dm] }
`;

function item(id: string, author: string, createdAt: number, status: Item['status'] = 'open'): Item {
  return { id, team: TEAM, area: 'daily_operations', priority: 'schedule', text: `text of ${id}`, author, channel: 'C0OPS', digestChannel: 'C0OPS', status, reasons: [], confidence: 1, source: 'command', createdAt, updatedAt: createdAt };
}

describe('what Quadrant keeps, and for how long', () => {
  let t: AdminApp;

  beforeAll(async () => {
    t = await startAdminApp({ settingsYaml: FILE });
  });
  afterAll(() => t.stop());

  const command = (user: string, channel: string, text: string) => commandAnswer(t.driver, user, channel, text);

  describe('/quadrant erase @person', () => {
    test('removes the person’s items and the text of emergencies they declared, and nobody else’s', async () => {
      const { deps } = t.web;
      const now = deps.now();
      await deps.items.add(item('b1', 'U0BOB', now));
      await deps.items.add(item('b2', 'U0BOB', now, 'done'));
      await deps.items.add(item('c1', 'U0CAT', now));
      const declared = await declareEmergency(deps, { team: TEAM, reporter: 'U0BOB', text: 'the database is on fire', origin: 'C0GENERAL', dedupKey: 'erase-test' });
      await declared.settled;
      // Corrections keep the text they were about: bob's words corrected by cat, bob's own correction, and cat's alone.
      await deps.corrections.record(TEAM, { text: 'bob: the vendor call moved', area: 'online_meeting', by: 'U0CAT', author: 'U0BOB', at: now });
      await deps.corrections.record(TEAM, { text: 'cat: deploy train at 3', area: 'daily_operations', by: 'U0BOB', author: 'U0CAT', at: now });
      // Recorded before corrections named an author: it quotes bob's item, and goes by its text.
      await deps.corrections.record(TEAM, { text: 'text of b1', area: 'deep_work', by: 'U0CAT', at: now });
      // Cat once wrote the same words: her correction names her as author and stays.
      await deps.corrections.record(TEAM, { text: 'text of b1', area: 'daily_operations', by: 'U0CAT', author: 'U0CAT', at: now });
      // Cat's own, recorded last: the newest entry survives the erase, so only the list's length tells it changed.
      await deps.corrections.record(TEAM, { text: 'cat: lunch on friday', area: 'offline_activity', by: 'U0CAT', author: 'U0CAT', at: now });
      // Another process (a worker) classifying with the corrections it has cached.
      const worker = createCorrectionsStore(deps.redis, deps.keys, { freshMs: 0 });
      const before = await worker.model(TEAM);

      const reply = await command('ada', '#general', 'erase <@U0BOB|bob>');
      expect(reply.text).toMatch(/^Erased what Quadrant stored of <@U0BOB>: 2 items, and the text of 1 emergency they declared\. Also 3 classifier corrections they made or that quoted them\./);
      expect(await worker.model(TEAM)).not.toBe(before);
      expect((await createCorrectionsStore(deps.redis, deps.keys).list(TEAM)).map((c) => [c.text, c.author])).toEqual([
        ['cat: lunch on friday', 'U0CAT'],
        ['text of b1', 'U0CAT'],
      ]);
      expect(await deps.items.listByUser(TEAM, 'U0BOB')).toEqual([]);
      expect(await deps.items.get(TEAM, 'b1')).toBeUndefined();
      expect(await deps.items.listOpen(TEAM, 'C0OPS')).toEqual([expect.objectContaining({ id: 'c1' })]);
      expect((await deps.emergencies.get(TEAM, declared.emergency.id))?.text).toBe(ERASED_TEXT);
    });
    test('drops a correction whose cut text ended inside an emoji, and older unreadable ones naming or quoting the person', async () => {
      const { deps } = t.web;
      const now = deps.now();
      const key = deps.keys.corrections(TEAM);
      await deps.redis.del(key);
      // 1,999 characters and an emoji: cutting at 2,000 used to keep half the pair, which Redis could not decode.
      const long = `${'x'.repeat(1999)}😀`;
      await deps.items.add({ ...item('d1', 'U0DAN', now), text: long });
      await deps.corrections.record(TEAM, { text: long, area: 'deep_work', by: 'U0CAT', author: 'U0DAN', at: now });
      // Written before texts were cut whole (a lone surrogate): by dan; by cat quoting dan's item before corrections
      // named an author; by cat, whose text quotes dan's id; and cat's own.
      await deps.redis.rpush(key, `{"text":"y\\ud83d","area":"deep_work","by":"U0DAN","at":${now}}`);
      await deps.redis.rpush(key, JSON.stringify({ text: long.slice(0, 2000), area: 'deep_work', by: 'U0CAT', at: now }));
      await deps.redis.rpush(key, `{"text":"z\\ud83d \\"by\\":\\"U0DAN\\"","area":"deep_work","by":"U0CAT","author":"U0CAT","at":${now}}`);
      await deps.redis.rpush(key, `{"text":"w\\ud83d","area":"deep_work","by":"U0CAT","at":${now}}`);
      expect((await createCorrectionsStore(deps.redis, deps.keys).list(TEAM)).map((c) => c.text.length)).toEqual([1999, 2, 2000, 15, 2]);

      const reply = await command('ada', '#general', 'erase <@U0DAN|dan>');
      expect(reply.text).toContain(': 1 item, and the text of 0 emergencies');
      expect(reply.text).toContain('Also 3 classifier corrections they made or that quoted them.');
      expect((await createCorrectionsStore(deps.redis, deps.keys).list(TEAM)).map((c) => c.text)).toEqual(['z\ud83d "by":"U0DAN"', 'w\ud83d']);
    });
  });

  describe('settings.retention', () => {
    test('removes closed items older than the retention, blanks old open ones, and keeps recent ones', async () => {
      const { deps } = t.web;
      const now = deps.now();
      await deps.items.add(item('old-done', 'U0CAT', now - 40 * DAY, 'done'));
      await deps.items.add(item('old-open', 'U0CAT', now - 40 * DAY));
      await deps.items.add(item('new-done', 'U0CAT', now - 2 * DAY, 'done'));

      const result = await applyRetention(deps, TEAM);
      expect(result).toMatchObject({ removed: 1, redacted: 1 });
      expect(await deps.items.get(TEAM, 'old-done')).toBeUndefined();
      expect(await deps.items.get(TEAM, 'old-open')).toMatchObject({ status: 'open', text: EXPIRED_TEXT });
      expect(await deps.items.get(TEAM, 'new-done')).toMatchObject({ text: 'text of new-done' });

      // Running it again changes nothing more.
      expect(await applyRetention(deps, TEAM)).toEqual({ removed: 0, redacted: 0, emergencies: 0, corrections: 0 });
    });

    test('removes classifier corrections recorded before the cutoff, and the cached model with them', async () => {
      const { deps } = t.web;
      const now = deps.now();
      const key = deps.keys.corrections(TEAM);
      await deps.redis.del(key);
      await deps.corrections.record(TEAM, { text: 'deploy train a year ago', area: 'daily_operations', by: 'U0CAT', author: 'U0BOB', at: now - 365 * DAY });
      await deps.corrections.record(TEAM, { text: 'deploy train last month', area: 'daily_operations', by: 'U0CAT', author: 'U0BOB', at: now - 31 * DAY });
      await deps.corrections.record(TEAM, { text: 'deploy train this week', area: 'daily_operations', by: 'U0CAT', author: 'U0BOB', at: now - 2 * DAY });
      // Undecodable by Redis (half an emoji) and old: its age is read from the raw JSON.
      await deps.redis.rpush(key, `{"text":"old\\ud83d","area":"deep_work","by":"U0CAT","at":${now - 90 * DAY}}`);
      const cached = await deps.corrections.model(TEAM);
      expect(cached.size).toBe(4);
      const worker = createCorrectionsStore(deps.redis, deps.keys, { freshMs: 0 });
      expect((await worker.model(TEAM)).size).toBe(4);

      expect(await applyRetention(deps, TEAM)).toEqual({ removed: 0, redacted: 0, emergencies: 0, corrections: 3 });
      expect((await createCorrectionsStore(deps.redis, deps.keys).list(TEAM)).map((c) => c.text)).toEqual(['deploy train this week']);
      expect((await deps.corrections.model(TEAM)).size).toBe(1);
      expect((await worker.model(TEAM)).size).toBe(1);
      expect(await applyRetention(deps, TEAM)).toEqual({ removed: 0, redacted: 0, emergencies: 0, corrections: 0 });
    });

    test('follows a retention changed through Slack', async () => {
      const { deps } = t.web;
      await deps.settings.update(TEAM, (s) => ({ ...s, retention: '1d' }), 'U0ADA');
      expect(await applyRetention(deps, TEAM)).toMatchObject({ removed: 1 });
      expect(await deps.items.get(TEAM, 'new-done')).toBeUndefined();
    });
  });
});
