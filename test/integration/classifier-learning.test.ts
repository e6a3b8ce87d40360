import { Redis } from 'ioredis';
import { classify } from '../../src/core/classify';
import { createKeys, type Keys } from '../../src/store/keys';
import { createCorrectionsStore } from '../../src/store/corrections-store';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';

const TEAM = 'T0LEARN';
const OTHER = 'T0OTHER';
// The base rules read "train" as travel; in this workspace the deploy train is the daily release batch.
const CORRECTED = ['deploy train leaves at 15:00', 'the deploy train leaves in 10 min', 'deploy train leaves after lunch, get PRs in'];
const MESSAGE = 'deploy train leaves at 11:30 tomorrow';

describe('when a workspace corrects the classifier', () => {
  let prefix: string;
  let keys: Keys;
  let redis: Redis;

  beforeEach(() => {
    prefix = testPrefix('ql');
    keys = createKeys(prefix);
    redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  });

  afterEach(async () => {
    redis.disconnect();
    await deletePrefix(prefix);
  });

  test('later verdicts on similar messages follow the corrections', async () => {
    const store = createCorrectionsStore(redis, keys);
    expect(classify(MESSAGE, { corrections: await store.model(TEAM) }).area).toBe('offline_activity');

    for (const [i, text] of CORRECTED.entries()) await store.record(TEAM, { text, area: 'daily_operations', by: 'U0ADMIN', at: 1_000 + i });

    const verdict = classify(MESSAGE, { corrections: await store.model(TEAM) });
    expect(verdict.area).toBe('daily_operations');
    expect(verdict.reasons[0]).toBe('learned from 3 corrections in this workspace');
  });

  test('another workspace is unaffected', async () => {
    const store = createCorrectionsStore(redis, keys);
    for (const [i, text] of CORRECTED.entries()) await store.record(TEAM, { text, area: 'daily_operations', by: 'U0ADMIN', at: 1_000 + i });
    expect(classify(MESSAGE, { corrections: await store.model(OTHER) }).area).toBe('offline_activity');
    expect(await redis.exists(keys.corrections(OTHER))).toBe(0);
  });

  test('a correction recorded by another process reaches this one', async () => {
    const here = createCorrectionsStore(redis, keys);
    const elsewhere = createCorrectionsStore(redis, keys);
    expect((await here.model(TEAM)).size).toBe(0);
    for (const [i, text] of CORRECTED.entries()) await elsewhere.record(TEAM, { text, area: 'daily_operations', by: 'U0ADMIN', at: 1_000 + i });
    // Each process re-reads at most once a second, so the correction arrives within that second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(classify(MESSAGE, { corrections: await here.model(TEAM) }).area).toBe('daily_operations');
  });

  test('keeps only the newest corrections, newest first', async () => {
    const store = createCorrectionsStore(redis, keys, { max: 5 });
    for (let i = 0; i < 8; i++) await store.record(TEAM, { text: `message ${i}`, area: 'deep_work', by: 'U0ADMIN', at: i });
    expect(await redis.llen(keys.corrections(TEAM))).toBe(5);
    expect((await store.list(TEAM)).map((c) => c.at)).toEqual([7, 6, 5, 4, 3]);
  });

  test('skips entries it cannot read instead of failing', async () => {
    const store = createCorrectionsStore(redis, keys);
    await redis.lpush(keys.corrections(TEAM), 'not json', JSON.stringify({ text: 'x', area: 'nowhere', at: 1 }));
    await store.record(TEAM, { text: 'deploy train leaves now', area: 'daily_operations', by: 'U1', at: 5 });
    expect(await store.list(TEAM)).toEqual([{ text: 'deploy train leaves now', area: 'daily_operations', by: 'U1', at: 5 }]);
    expect((await store.model(TEAM)).size).toBe(1);
  });
});
