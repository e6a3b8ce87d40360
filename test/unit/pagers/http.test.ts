import { classifyOutcome, type HttpOutcome } from '../../../src/pagers/http';

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
