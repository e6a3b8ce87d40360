import type { Pager, PageResult } from '../../../src/core/ports';
import { backoffDelay, calledOff, followUpAll, NO_LONGER_WANTED, pageAll } from '../../../src/pagers/page-all';

// Pagers here are small implementations of the Pager port whose answers are scripted; the HTTP
// behaviour is covered against real fakes in test/integration/pagers.test.ts.
const request = { team: 'T1', emergencyId: 'E1', code: '4821', summary: 's', severity: 'critical' as const, reporter: 'Ada', tier: 1 };

function scripted(id: string, perPerson: boolean, answers: Array<Partial<PageResult> | 'throw'>): Pager & { calls: number } {
  const pager = {
    id,
    perPerson,
    calls: 0,
    async page(_r: unknown, target?: { slack: string }): Promise<PageResult> {
      const answer = answers[Math.min(pager.calls++, answers.length - 1)]!;
      if (answer === 'throw') throw new Error('boom +36201234567');
      return { provider: id, target: target?.slack, ...answer } as PageResult;
    },
  };
  return pager;
}

const noSleep = async () => undefined;

test('retries a retryable failure until it succeeds', async () => {
  const pager = scripted('p', false, [{ ok: false, retryable: true, reason: 'x' }, { ok: true }]);
  const results = await pageAll([pager], request, [], { retries: 3, backoffMs: 1, sleep: noSleep });
  expect(results).toEqual([{ ok: true, provider: 'p', target: undefined }]);
  expect(pager.calls).toBe(2);
});

test('does not retry a final failure', async () => {
  const pager = scripted('p', false, [{ ok: false, retryable: false, reason: 'rejected credentials (HTTP 401)' }]);
  await pageAll([pager], request, [], { retries: 3, backoffMs: 1, sleep: noSleep });
  expect(pager.calls).toBe(1);
});

test('turns a pager that throws into a final failure', async () => {
  const pager = scripted('p', false, ['throw']);
  const results = await pageAll([pager], request, [], { retries: 3, backoffMs: 1, sleep: noSleep });
  expect(results).toEqual([{ ok: false, provider: 'p', retryable: false, reason: 'pager failed unexpectedly' }]);
  expect(pager.calls).toBe(1);
});

test('calls per-person pagers once per target and per-emergency pagers once', async () => {
  const perPerson = scripted('sms', true, [{ ok: true }]);
  const perEmergency = scripted('pd', false, [{ ok: true }]);
  const results = await pageAll([perPerson, perEmergency], request, [{ slack: 'U1' }, { slack: 'U2' }], { retries: 0, backoffMs: 1 });
  expect(results.map((r) => `${r.provider}:${r.target ?? '-'}`).sort()).toEqual(['pd:-', 'sms:U1', 'sms:U2']);
});

test('a throwing onResult callback does not lose the other results', async () => {
  const results = await pageAll([scripted('a', false, [{ ok: true }]), scripted('b', false, [{ ok: true }])], request, [], {
    retries: 0,
    backoffMs: 1,
    onResult: () => {
      throw new Error('listener bug');
    },
  });
  expect(results).toHaveLength(2);
});

test('followUpAll reaches only pagers that follow acknowledge and resolve', async () => {
  const acks: string[] = [];
  const follows: Pager = { id: 'pd', perPerson: false, page: async () => ({ ok: true, provider: 'pd' }), acknowledge: async (r) => (acks.push(r.emergencyId), { ok: true, provider: 'pd' }) };
  const results = await followUpAll([follows, scripted('sms', true, [{ ok: true }])], 'acknowledge', request, { retries: 0, backoffMs: 1 });
  expect(results).toEqual([{ ok: true, provider: 'pd' }]);
  expect(acks).toEqual(['E1']);
});

test.each([
  ['first retry', 1, 100],
  ['second retry doubles', 2, 200],
  ['capped', 20, 30_000],
])('backoffDelay: %s', (_label, attempt, delay) => {
  expect(backoffDelay(attempt, { retries: 5, backoffMs: 100 })).toBe(delay);
});

test('stops retrying once the page is no longer wanted, and says so', async () => {
  const pager = scripted('sms', true, [{ ok: false, retryable: true, reason: 'provider error (HTTP 503)' }, { ok: true }]);
  const asked: number[] = [];
  const results = await pageAll([pager], request, [{ slack: 'U0BOB' }], {
    retries: 3,
    backoffMs: 1,
    sleep: noSleep,
    stillWanted: async () => (asked.push(pager.calls), false),
  });
  expect(pager.calls).toBe(1);
  expect(asked).toEqual([1]);
  expect(results).toEqual([{ ok: false, provider: 'sms', target: 'U0BOB', retryable: false, reason: `provider error (HTTP 503); ${NO_LONGER_WANTED}` }]);
  expect(calledOff(results[0]!)).toBe(true);
});

test('a check that cannot answer lets the retry go ahead', async () => {
  const pager = scripted('sms', true, [{ ok: false, retryable: true, reason: 'x' }, { ok: true }]);
  const results = await pageAll([pager], request, [{ slack: 'U0BOB' }], {
    retries: 3,
    backoffMs: 1,
    sleep: noSleep,
    stillWanted: async () => {
      throw new Error('Redis is reconnecting');
    },
  });
  expect(pager.calls).toBe(2);
  expect(results).toEqual([{ ok: true, provider: 'sms', target: 'U0BOB' }]);
});
