import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { WorkspaceSettings } from '../../src/config/settings';
import { createKeys, type Keys } from '../../src/store/keys';
import { createSettingsStore, type RedisSettingsStore } from '../../src/store/settings-store';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';

const TEAM = 'T0RELOAD';

/** One "process": its own command and subscriber connections and its own in-memory cache. */
interface Proc {
  settings: RedisSettingsStore;
  redis: Redis;
  subscriber: Redis;
  /** What the store held when each change notification reached this process. */
  seen: Array<{ team: string; settings: WorkspaceSettings | undefined }>;
  waiting: Array<{ team: string; until: (s: WorkspaceSettings | undefined) => boolean; resolve: () => void }>;
}

describe('settings changes reach every process without a restart', () => {
  let prefix: string;
  let keys: Keys;
  let procs: Proc[];

  async function start(): Promise<Proc> {
    const redis = new Redis(testRedisUrl());
    const subscriber = new Redis(testRedisUrl());
    const settings = createSettingsStore({ redis, subscriber, keys });
    const proc: Proc = { settings, redis, subscriber, seen: [], waiting: [] };
    settings.onChange((team) => {
      const now = settings.cached(team);
      proc.seen.push({ team, settings: now });
      const done = proc.waiting.filter((w) => w.team === team && w.until(now));
      proc.waiting = proc.waiting.filter((w) => !done.includes(w));
      done.forEach((w) => w.resolve());
    });
    await settings.ready();
    procs.push(proc);
    return proc;
  }

  /**
   * Resolves when `proc` is told of a change to `team` after which it holds settings passing `until`.
   * Notifications of earlier changes may still be on their way, so the wait names what it waits for.
   */
  function nextChange(proc: Proc, team = TEAM, until: (s: WorkspaceSettings | undefined) => boolean = () => true): Promise<void> {
    return new Promise((resolve) => proc.waiting.push({ team, until, resolve }));
  }

  const zone = (timezone: string) => (s: WorkspaceSettings | undefined) => s?.timezone === timezone;

  beforeEach(() => {
    prefix = testPrefix('ql');
    keys = createKeys(prefix);
    procs = [];
  });
  afterEach(async () => {
    for (const p of procs) {
      await p.settings.close();
      await p.redis.quit();
      if (p.subscriber.status !== 'end') await p.subscriber.quit();
    }
    await deletePrefix(prefix);
  });

  test('a change made in one process is what the other reads next, with new escalation tiers', async () => {
    const web = await start();
    const worker = await start();
    // The worker has read (and cached) the defaults: nobody on call.
    expect((await worker.settings.get(TEAM)).emergency.tiers).toEqual([]);

    const heard = nextChange(worker);
    await web.settings.set(TEAM, { emergency: { channel: 'C0EMERG', tiers: [[{ slack: 'U0ADA' }], [{ slack: 'U0BOB' }]] } }, 'U0ADA');
    await heard;

    expect((await worker.settings.get(TEAM)).emergency.tiers.map((t) => t.map((p) => p.slack))).toEqual([['U0ADA'], ['U0BOB']]);
    // Listeners (the digest scheduler, for one) run after the process has reloaded, so they see the new settings.
    expect(worker.seen.at(-1)).toEqual({ team: TEAM, settings: expect.objectContaining({ emergency: expect.objectContaining({ channel: 'C0EMERG' }) }) });
  });

  test('the process that made the change hears it too, and a rollback travels the same way', async () => {
    const web = await start();
    const worker = await start();
    await web.settings.set(TEAM, { timezone: 'Europe/Budapest' }, 'U0ADA');
    const tokyo = nextChange(web, TEAM, zone('Asia/Tokyo'));
    await worker.settings.set(TEAM, { timezone: 'Asia/Tokyo' }, 'U0ADA');
    await tokyo;
    expect((await web.settings.get(TEAM)).timezone).toBe('Asia/Tokyo');

    const heard = Promise.all([nextChange(web, TEAM, zone('Europe/Budapest')), nextChange(worker, TEAM, zone('Europe/Budapest'))]);
    await web.settings.rollback(TEAM, 2, 'U0ADA');
    await heard;
    expect((await worker.settings.get(TEAM)).timezone).toBe('Europe/Budapest');
    expect(web.seen.map((s) => s.team)).toContain(TEAM);
  });

  test('a workspace that changed does not disturb the cache of another', async () => {
    const web = await start();
    const worker = await start();
    const paris = nextChange(worker, 'T0OTHER');
    await web.settings.set('T0OTHER', { timezone: 'Europe/Paris' }, 'U0ADA');
    await paris;
    await worker.settings.get(TEAM);
    const heard = nextChange(worker, TEAM, zone('Europe/Oslo'));
    await web.settings.set(TEAM, { timezone: 'Europe/Oslo' }, 'U0ADA');
    await heard;
    expect(worker.seen.at(-1)?.team).toBe(TEAM);
    expect((await worker.settings.get('T0OTHER')).timezone).toBe('Europe/Paris');
    expect((await worker.settings.get(TEAM)).timezone).toBe('Europe/Oslo');
  });

  describe('when a process has lost its subscription', () => {
    test('it stops trusting its cache and reads Redis', async () => {
      const web = await start();
      const worker = await start();
      expect((await worker.settings.get(TEAM)).timezone).toBe('UTC');
      worker.subscriber.disconnect();
      await once(worker.subscriber, 'end');

      await web.settings.set(TEAM, { timezone: 'America/New_York' }, 'U0ADA');
      expect((await worker.settings.get(TEAM)).timezone).toBe('America/New_York');
    });
  });
});
