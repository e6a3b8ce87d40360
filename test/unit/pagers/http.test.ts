import { callHttp, classifyOutcome, parseRetryAfter, type FetchLike, type HttpOutcome } from '../../../src/pagers/http';

// The retry decision for every provider: worth retrying only when the provider may answer differently
// next time (network, timeouts, 408, 429, 5xx); refused credentials and refused requests are final.
const cases: Array<[label: string, outcome: HttpOutcome, ok: boolean, retryable: boolean | undefined, reason: string | undefined]> = [
  ['200', { kind: 'answered', status: 200, body: '{}' }, true, undefined, undefined],
  ['202', { kind: 'answered', status: 202, body: '{}' }, true, undefined, undefined],
  ['timeout', { kind: 'timeout', timeoutMs: 5000 }, false, true, 'timed out after 5000 ms'],
  ['network', { kind: 'network' }, false, true, 'network error'],
  ['408', { kind: 'answered', status: 408, body: '' }, false, true, 'provider error (HTTP 408)'],
  ['429', { kind: 'answered', status: 429, body: '' }, false, true, 'rate limited (HTTP 429)'],
  ['500', { kind: 'answered', status: 500, body: '' }, false, true, 'provider error (HTTP 500)'],
  ['503', { kind: 'answered', status: 503, body: '' }, false, true, 'provider error (HTTP 503)'],
  ['400', { kind: 'answered', status: 400, body: '' }, false, false, 'rejected request (HTTP 400, code 7)'],
  ['401', { kind: 'answered', status: 401, body: '' }, false, false, 'rejected credentials (HTTP 401, code 7)'],
  ['403', { kind: 'answered', status: 403, body: '' }, false, false, 'rejected credentials (HTTP 403, code 7)'],
  ['422', { kind: 'answered', status: 422, body: '' }, false, false, 'rejected request (HTTP 422, code 7)'],
  ['302 (a misconfigured URL)', { kind: 'answered', status: 302, body: '' }, false, false, 'unexpected answer (HTTP 302)'],
];

test.each(cases)('%s', (_label, outcome, ok, retryable, reason) => {
  const classified = classifyOutcome(outcome, () => 'code 7');
  expect(classified.ok).toBe(ok);
  if (!classified.ok) expect(classified).toEqual({ ok: false, retryable, reason });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-05-01T09:30:00Z');
  test.each([
    ['delay seconds', '30', 30_000],
    ['zero', '0', 0],
    ['an HTTP date', 'Fri, 01 May 2026 09:30:45 GMT', 45_000],
    ['a date already past', 'Fri, 01 May 2026 09:00:00 GMT', 0],
    ['nonsense', 'soon', undefined],
  ])('%s', (_label, value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  test('a 429 or 503 carries it to the classification; other answers do not need it', () => {
    expect(classifyOutcome({ kind: 'answered', status: 429, body: '', retryAfterMs: 30_000 })).toEqual({ ok: false, retryable: true, reason: 'rate limited (HTTP 429)', retryAfterMs: 30_000 });
    expect(classifyOutcome({ kind: 'answered', status: 503, body: '', retryAfterMs: 5_000 })).toMatchObject({ retryAfterMs: 5_000 });
    expect(classifyOutcome({ kind: 'answered', status: 400, body: '', retryAfterMs: 5_000 })).not.toHaveProperty('retryAfterMs');
  });

  test('callHttp reads the header from the answer', async () => {
    const answer: FetchLike = async () => ({ status: 429, text: async () => '', headers: new Headers({ 'retry-after': '7' }) });
    expect(await callHttp({ method: 'POST', url: 'http://x', headers: {} }, { fetch: answer })).toEqual({ kind: 'answered', status: 429, body: '', retryAfterMs: 7_000 });
  });
});
