import { PROVIDERS } from '../../../src/config/settings';
import { createPagers, type PagersConfig } from '../../../src/pagers/registry';

const full: PagersConfig = {
  twilio: { apiUrl: 'https://api.twilio.com', accountSid: `AC${'0'.repeat(32)}`, authToken: 'token', from: '+15005550006' },
  pagerduty: { eventsUrl: 'https://events.pagerduty.com/v2/enqueue', routingKey: 'a'.repeat(32) },
  opsgenie: { apiUrl: 'https://api.opsgenie.com', apiKey: 'key' },
  webhook: { url: 'https://hooks.example.com/page', secret: 'whsec_c2VjcmV0' },
  slack: { openDm: async () => 'D1', post: async () => undefined },
};

test('builds every listed provider that is configured, in the listed order', () => {
  const { pagers, unavailable } = createPagers(full, PROVIDERS);
  expect(pagers.map((p) => [p.id, p.perPerson])).toEqual([
    ['twilio_sms', true], ['twilio_voice', true], ['pagerduty', false], ['opsgenie', false], ['webhook', true], ['slack_dm', true],
  ]);
  expect(unavailable).toEqual([]);
});

test('builds only what the settings list', () => {
  expect(createPagers(full, ['slack_dm', 'slack_dm']).pagers.map((p) => p.id)).toEqual(['slack_dm']);
});

// Each row leaves one thing unset or wrong; the provider is skipped and the problem named for the operator.
const cases: Array<[label: string, config: PagersConfig, provider: (typeof PROVIDERS)[number], problem: string]> = [
  ['no Twilio SID', { ...full, twilio: { ...full.twilio, accountSid: undefined } }, 'twilio_sms', 'set TWILIO_ACCOUNT_SID'],
  ['a malformed Twilio SID', { ...full, twilio: { ...full.twilio, accountSid: 'AC123' } }, 'twilio_voice', 'TWILIO_ACCOUNT_SID must be "AC" and 32 hex digits'],
  ['no Twilio sender', { ...full, twilio: { ...full.twilio, from: undefined } }, 'twilio_sms', 'set TWILIO_FROM'],
  ['no routing key', { ...full, pagerduty: { ...full.pagerduty, routingKey: undefined } }, 'pagerduty', 'set PAGERDUTY_ROUTING_KEY'],
  ['a routing key of the wrong length', { ...full, pagerduty: { ...full.pagerduty, routingKey: 'short' } }, 'pagerduty', 'PAGERDUTY_ROUTING_KEY must be the 32-character integration key'],
  ['no Opsgenie key', { ...full, opsgenie: { ...full.opsgenie, apiKey: undefined } }, 'opsgenie', 'set OPSGENIE_API_KEY'],
  ['no webhook secret', { ...full, webhook: { url: 'https://hooks.example.com' } }, 'webhook', 'set PAGER_WEBHOOK_SECRET'],
  ['no Slack client', { ...full, slack: undefined }, 'slack_dm', 'a Slack client for the workspace'],
];

test.each(cases)('%s', (_label, config, provider, problem) => {
  const { pagers, unavailable } = createPagers(config, [provider]);
  expect(pagers).toEqual([]);
  expect(unavailable).toEqual([{ provider, problems: expect.arrayContaining([problem]) }]);
});
