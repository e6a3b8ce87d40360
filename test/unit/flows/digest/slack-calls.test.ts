import { createPacer, honouringRetryAfter, platformErrorCode, retryAfterMs } from '../../../../src/flows/digest/slack-calls';

// Error shapes as @slack/web-api 8.2 throws them (FACTS.md §4): codes are what survive, so match on them.
const rateLimited = (retryAfter: unknown) => Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter });
const platform = (error: string) => Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('reading web-api errors', () => {
  const cases: Array<[label: string, err: unknown, wait: number | undefined, code: string | undefined]> = [
    ['a 429 with Retry-After 3', rateLimited(3), 3000, undefined],
    ['a 429 without a usable Retry-After waits a second', rateLimited(undefined), 1000, undefined],
    ['ok:false from Slack', platform('not_in_channel'), undefined, 'not_in_channel'],
    ['a network error', Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' }), undefined, undefined],
    ['not an error at all', 'oops', undefined, undefined],
  ];
  test.each(cases)('%s', (_label, err, wait, code) => {
    expect(retryAfterMs(err)).toBe(wait);
    expect(platformErrorCode(err)).toBe(code);
  });
});

describe('honouringRetryAfter', () => {
  test('waits each Retry-After, then returns the answer', async () => {
    const waits: number[] = [];
    let calls = 0;
    const answer = await honouringRetryAfter(
      async () => {
        if (++calls < 3) throw rateLimited(calls);
        return 'posted';
      },
      async (ms) => void waits.push(ms),
    );
    expect({ answer, calls, waits }).toEqual({ answer: 'posted', calls: 3, waits: [1000, 2000] });
  });

  test('passes any other error on at once', async () => {
    await expect(honouringRetryAfter(async () => Promise.reject(platform('invalid_blocks')), async () => undefined)).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
  });
});

describe('createPacer', () => {
  test('waits out what is left of the interval since the last answer', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = createPacer(1000, async (ms) => void (waits.push(ms), (now += ms)), () => now);
    await pacer.wait();
    pacer.sent();
    now += 300;
    await pacer.wait();
    pacer.sent();
    now += 1500;
    await pacer.wait();
    expect(waits).toEqual([700]);
  });
});
