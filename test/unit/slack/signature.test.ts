import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSlackSignature } from '../../../src/slack/signature';
import { SLACK_REFERENCE_DIR } from '../../helpers/slack-reference';

// Slack's worked example (../shared/slack/payloads/signing.example.json), checked with a frozen clock.
const example = JSON.parse(readFileSync(path.join(SLACK_REFERENCE_DIR, 'payloads/signing.example.json'), 'utf8')) as {
  signing_secret: string;
  x_slack_request_timestamp: string;
  raw_body: string;
  x_slack_signature: string;
};
const secret = example.signing_secret;
const ts = example.x_slack_request_timestamp;
const body = Buffer.from(example.raw_body);
const at = (offsetS: number) => (Number(ts) + offsetS) * 1000;

describe('checkSlackSignature', () => {
  test("accepts Slack's worked example", () => {
    expect(checkSlackSignature(secret, ts, example.x_slack_signature, body, at(10))).toEqual({ ok: true });
  });

  test('accepts the timestamp up to 5 minutes either side of now', () => {
    expect(checkSlackSignature(secret, ts, example.x_slack_signature, body, at(300)).ok).toBe(true);
    expect(checkSlackSignature(secret, ts, example.x_slack_signature, body, at(-300)).ok).toBe(true);
  });

  const refused: Array<[label: string, timestamp: string | undefined, signature: string | undefined, raw: Buffer, now: number, reason: RegExp]> = [
    ['a replay older than 5 minutes', ts, example.x_slack_signature, body, at(301), /5 minutes/],
    ['a timestamp more than 5 minutes ahead', ts, example.x_slack_signature, body, at(-301), /5 minutes/],
    ['no timestamp', undefined, example.x_slack_signature, body, at(0), /timestamp/],
    ['a timestamp that is not a number', 'soon', example.x_slack_signature, body, at(0), /timestamp/],
    ['a repeated timestamp header (Node joins them with a comma)', `${ts}, ${ts}`, example.x_slack_signature, body, at(0), /timestamp/],
    ['no signature', ts, undefined, body, at(0), /signature/],
    ['another signature version', ts, example.x_slack_signature.replace('v0=', 'v1='), body, at(0), /signature/],
    ['a signature that is not hex', ts, 'v0=zz', body, at(0), /signature header/],
    ['a signature cut short', ts, example.x_slack_signature.slice(0, -2), body, at(0), /signature header/],
    ['the right signature with junk after it', ts, `${example.x_slack_signature}zz`, body, at(0), /signature header/],
    ['the right signature in upper case', ts, `v0=${example.x_slack_signature.slice(3).toUpperCase()}`, body, at(0), /signature header/],
    ['a repeated signature header (Node joins them with a comma)', ts, `${example.x_slack_signature}, v0=00`, body, at(0), /signature header/],
    ['a wrong signature of the right form', ts, `v0=${'0'.repeat(64)}`, body, at(0), /mismatch/],
    ['one byte of the body changed', ts, example.x_slack_signature, Buffer.from(example.raw_body.replace('ops', 'opz')), at(0), /mismatch/],
    ['the body signed with another timestamp', String(Number(ts) + 1), example.x_slack_signature, body, at(0), /mismatch/],
  ];
  test.each(refused)('refuses %s', (_label, timestamp, signature, raw, now, reason) => {
    const check = checkSlackSignature(secret, timestamp, signature, raw, now);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });

  test('refuses the right signature under another secret', () => {
    expect(checkSlackSignature(`${secret}x`, ts, example.x_slack_signature, body, at(0)).ok).toBe(false);
  });
});
