import { createHmac } from 'node:crypto';
import { signStandardWebhook, webhookId, webhookKey } from '../../../src/pagers/standard-webhooks';

// The Standard Webhooks libraries' published test vector (svix / standard-webhooks test suites):
// matching it is what lets a receiver verify Quadrant's deliveries with any of those libraries.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';

describe('signStandardWebhook', () => {
  test('reproduces the published vector', () => {
    expect(signStandardWebhook(SECRET, ID, TIMESTAMP, BODY)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  test('keys a secret without whsec_ with its raw bytes', () => {
    const expected = createHmac('sha256', 'plain secret').update(`${ID}.${TIMESTAMP}.${BODY}`).digest('base64');
    expect(signStandardWebhook('plain secret', ID, TIMESTAMP, BODY)).toBe(`v1,${expected}`);
    expect(webhookKey('plain secret').toString()).toBe('plain secret');
  });

  test('changes with every signed part', () => {
    const base = signStandardWebhook(SECRET, ID, TIMESTAMP, BODY);
    expect(signStandardWebhook(SECRET, `${ID}x`, TIMESTAMP, BODY)).not.toBe(base);
    expect(signStandardWebhook(SECRET, ID, TIMESTAMP + 1, BODY)).not.toBe(base);
    expect(signStandardWebhook(SECRET, ID, TIMESTAMP, `${BODY} `)).not.toBe(base);
  });
});

describe('webhookId', () => {
  test('is the same for the same event, different for another, and never holds a "."', () => {
    const page = (step: number, person: string) => webhookId('T0TEAM', 'em1', step, person, 'emergency.page');
    expect(page(1, 'U0BOB')).toBe(page(1, 'U0BOB'));
    const ids = [page(1, 'U0BOB'), page(2, 'U0BOB'), page(1, 'U0ADA'), webhookId('T0TEAM', 'em1', 'emergency.acknowledged'), webhookId('T0TEAM', 'em2', 1, 'U0BOB', 'emergency.page')];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^msg_[A-Za-z0-9_-]+$/.test(id))).toBe(true);
  });
});
