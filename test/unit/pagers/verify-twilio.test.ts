import { twilioSignature, verifyTwilioRequest, verifyTwilioSignature } from '../../../src/pagers/verify-twilio';

// Twilio's documented example (TwilioDevEd/api-snippets security/signature_validation, the sample on
// https://www.twilio.com/docs/usage/webhooks/webhooks-security): token 12345, this URL and these
// parameters sign to RSOYDt4T1cUTdK1PDd93/VVr8B8=.
const TOKEN = '12345';
const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS: Array<[string, string]> = [
  ['CallSid', 'CA1234567890ABCDE'],
  ['Caller', '+14158675309'],
  ['Digits', '1234'],
  ['From', '+14158675309'],
  ['To', '+18005551212'],
];
const DOCUMENTED = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('twilioSignature', () => {
  test('reproduces Twilio\'s documented example', () => {
    expect(twilioSignature(TOKEN, URL_, PARAMS)).toBe(DOCUMENTED);
  });

  test('sorts parameters by name, whatever order they arrive in', () => {
    expect(twilioSignature(TOKEN, URL_, [...PARAMS].reverse())).toBe(DOCUMENTED);
  });
});

describe('verifyTwilioSignature', () => {
  // Rows change one thing about the documented request; only the unchanged one and the port variants pass.
  const cases: Array<[label: string, change: { token?: string; url?: string; params?: Array<[string, string]>; signature?: string | undefined }, valid: boolean]> = [
    ['the documented request', {}, true],
    ['the URL with its default port spelt out', { url: 'https://mycompany.com:443/myapp.php?foo=1&bar=2' }, true],
    ['another auth token', { token: '54321' }, false],
    ['a tampered parameter', { params: PARAMS.map(([k, v]) => [k, k === 'Digits' ? '9' : v]) }, false],
    ['an extra parameter', { params: [...PARAMS, ['Extra', 'x']] }, false],
    ['a changed query string', { url: 'https://mycompany.com/myapp.php?foo=2&bar=2' }, false],
    ['http instead of https', { url: 'http://mycompany.com/myapp.php?foo=1&bar=2' }, false],
    ['no signature header', { signature: undefined }, false],
    ['an empty signature', { signature: '' }, false],
  ];

  test.each(cases)('%s', (_label, change, valid) => {
    const signature = 'signature' in change ? change.signature : DOCUMENTED;
    expect(verifyTwilioSignature({ authToken: change.token ?? TOKEN, url: change.url ?? URL_, params: change.params ?? PARAMS, signature })).toBe(valid);
  });

  test('an empty auth token never verifies', () => {
    expect(verifyTwilioSignature({ authToken: '', url: URL_, params: PARAMS, signature: twilioSignature('', URL_, PARAMS) })).toBe(false);
  });
});

describe('verifyTwilioRequest', () => {
  test('reads the parameters from the raw form body', () => {
    const rawBody = new URLSearchParams(PARAMS).toString();
    expect(verifyTwilioRequest({ authToken: TOKEN, url: URL_, rawBody, signature: DOCUMENTED })).toBe(true);
  });

  test('a repeated parameter counts each value', () => {
    const rawBody = 'A=1&A=2&B=3';
    const signature = twilioSignature(TOKEN, URL_, [['A', '1'], ['A', '2'], ['B', '3']]);
    expect(verifyTwilioRequest({ authToken: TOKEN, url: URL_, rawBody, signature })).toBe(true);
    expect(verifyTwilioRequest({ authToken: TOKEN, url: URL_, rawBody: 'A=1&B=3', signature })).toBe(false);
  });
});
