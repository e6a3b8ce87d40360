import { randomBytes } from 'node:crypto';
import { signRequest } from '../../sandbox/sign';

let counter = 0;

/** The people the bench commands come from, in turn; bench servers add them to their fake Slack. */
export const BENCH_USERS = Array.from({ length: 50 }, (_, i) => `U0BENCH${i}`);

/** A signed `/async` slash command as Slack sends it, unique per call (its own trigger id). */
export function signedAsyncCommand(signingSecret: string, text: string): { body: string; headers: Record<string, string> } {
  counter += 1;
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0OPS',
    channel_name: 'ops',
    user_id: BENCH_USERS[counter % BENCH_USERS.length]!,
    user_name: 'bench',
    command: '/async',
    text,
    api_app_id: 'A0QUADRANT',
    is_enterprise_install: 'false',
    response_url: 'http://127.0.0.1:9/commands/bench',
    trigger_id: `${counter}.${randomBytes(6).toString('hex')}`,
  }).toString();
  return {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signRequest(signingSecret, body, Math.floor(Date.now() / 1000)) },
  };
}

export const BENCH_TEXTS = [
  'can someone review the billing copy PR when you have a moment?',
  'fyi the staging deploy finished, release notes are in the doc',
  'customer acme asked for an export of their invoices by friday',
  'handoff: the flaky test in checkout is still open, details in the ticket',
];
