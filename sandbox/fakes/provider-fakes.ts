import { startOpsgenieFake, type OpsgenieFake } from './opsgenie-fake';
import { startPagerDutyFake, type PagerDutyFake } from './pagerduty-fake';
import { startTwilioFake, type TwilioFake } from './twilio-fake';
import { startWebhookFake, type WebhookFake } from './webhook-fake';

export interface ProviderFakes {
  twilio: TwilioFake;
  pagerduty: PagerDutyFake;
  opsgenie: OpsgenieFake;
  webhook: WebhookFake;
  /** Environment that points Quadrant at the fakes, credentials included. */
  env: Record<string, string>;
  reset(): void;
  stop(): Promise<void>;
}

/** All four fakes at once, for the sandbox and for tests that page through everything. */
export async function startProviderFakes(options: { specDir?: string | null } = {}): Promise<ProviderFakes> {
  const [twilio, pagerduty, opsgenie, webhook] = await Promise.all([
    startTwilioFake({ specDir: options.specDir }),
    startPagerDutyFake({ specDir: options.specDir }),
    startOpsgenieFake({ specDir: options.specDir }),
    startWebhookFake(),
  ]);
  const all = [twilio, pagerduty, opsgenie, webhook];
  return {
    twilio,
    pagerduty,
    opsgenie,
    webhook,
    env: {
      TWILIO_API_URL: twilio.url,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: '+15005550006',
      PAGERDUTY_EVENTS_URL: pagerduty.eventsUrl,
      PAGERDUTY_ROUTING_KEY: pagerduty.routingKey,
      OPSGENIE_API_URL: opsgenie.url,
      OPSGENIE_API_KEY: opsgenie.apiKey,
      PAGER_WEBHOOK_URL: `${webhook.url}/quadrant`,
      PAGER_WEBHOOK_SECRET: webhook.secret,
    },
    reset: () => all.forEach((fake) => fake.reset()),
    stop: async () => {
      await Promise.all(all.map((fake) => fake.stop()));
    },
  };
}
