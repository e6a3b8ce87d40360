import { OPSGENIE_SECRET_HEADER, verifyOpsgenieSecret } from '../../../src/pagers/verify-opsgenie';

// Opsgenie has no signature; the shared secret in a custom header is all there is, so the rows are
// about never matching by accident: unset secrets, empty or repeated headers.
const cases: Array<[label: string, secret: string | undefined, headers: Record<string, string | string[] | undefined>, valid: boolean]> = [
  ['the configured secret', 's3cret-value', { [OPSGENIE_SECRET_HEADER]: 's3cret-value' }, true],
  ['another value', 's3cret-value', { [OPSGENIE_SECRET_HEADER]: 's3cret-valuf' }, false],
  ['a prefix of the secret', 's3cret-value', { [OPSGENIE_SECRET_HEADER]: 's3cret' }, false],
  ['no header', 's3cret-value', {}, false],
  ['an empty header and no configured secret', undefined, { [OPSGENIE_SECRET_HEADER]: '' }, false],
  ['an empty header and an empty secret', '', { [OPSGENIE_SECRET_HEADER]: '' }, false],
  ['the header sent twice', 's3cret-value', { [OPSGENIE_SECRET_HEADER]: ['s3cret-value', 's3cret-value'] }, false],
  ['the secret in another header', 's3cret-value', { authorization: 's3cret-value' }, false],
];

test.each(cases)('%s', (_label, secret, headers, valid) => {
  expect(verifyOpsgenieSecret({ secret, headers })).toBe(valid);
});
