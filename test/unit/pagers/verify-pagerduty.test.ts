import { verifyPagerDutySignature } from '../../../src/pagers/verify-pagerduty';

// PagerDuty publishes no secret/body/signature triple, so the fixed vector is RFC 4231 test case 2
// (HMAC-SHA256, key "Jefe"), written in PagerDuty's header format. The rows around it cover rotation
// (several signatures), tampering and malformed headers.
const SECRET = 'Jefe';
const BODY = 'what do ya want for nothing?';
const RFC_4231 = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
const OTHER = '0'.repeat(64);

const cases: Array<[label: string, secrets: string | string[], body: string, header: string | undefined, valid: boolean]> = [
  ['the RFC 4231 vector as a v1 signature', SECRET, BODY, `v1=${RFC_4231}`, true],
  ['upper-case hex', SECRET, BODY, `v1=${RFC_4231.toUpperCase()}`, true],
  ['the match second of two (rotation)', SECRET, BODY, `v1=${OTHER},v1=${RFC_4231}`, true],
  ['spaces after the comma', SECRET, BODY, `v1=${OTHER}, v1=${RFC_4231}`, true],
  ['our secret second of two configured', ['retired', SECRET], BODY, `v1=${RFC_4231}`, true],
  ['another secret', 'Jeff', BODY, `v1=${RFC_4231}`, false],
  ['a changed body', SECRET, `${BODY} `, `v1=${RFC_4231}`, false],
  ['an unknown version', SECRET, BODY, `v2=${RFC_4231}`, false],
  ['no header', SECRET, BODY, undefined, false],
  ['an empty header', SECRET, BODY, '', false],
  ['an empty secret', '', BODY, `v1=${RFC_4231}`, false],
];

test.each(cases)('%s', (_label, secrets, body, header, valid) => {
  expect(verifyPagerDutySignature({ secrets, rawBody: body, header })).toBe(valid);
});

test('verifies raw bytes as well as strings', () => {
  expect(verifyPagerDutySignature({ secrets: SECRET, rawBody: Buffer.from(BODY), header: `v1=${RFC_4231}` })).toBe(true);
});
