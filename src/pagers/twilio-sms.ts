import type { Pager, PageRequest, PageResult, PageTarget } from '../core/ports';
import { smsText } from './page-text';
import { createTwilioResource, type TwilioConfig } from './twilio-api';

export const NO_PHONE = 'no phone number for this person';

/**
 * One SMS per person. Replies ("ACK 4821") reach Quadrant through the number's incoming-message webhook,
 * which the operator points at `/hooks/twilio`; nothing per message is needed for that.
 *
 * Twilio has no idempotency key: a retry after a timeout may send a second SMS. For a page that is the
 * lesser harm, so the caller's retries stay on.
 */
export function createTwilioSmsPager(config: TwilioConfig): Pager {
  return {
    id: 'twilio_sms',
    perPerson: true,
    async page(request: PageRequest, target?: PageTarget): Promise<PageResult> {
      const who = target?.slack;
      if (!target?.phone) return { ok: false, provider: 'twilio_sms', target: who, retryable: false, reason: NO_PHONE };
      const form = new URLSearchParams({
        To: target.phone,
        From: config.from,
        Body: smsText(request),
        // Look-alike substitution keeps accented summaries in GSM-7, so a page stays one or two segments.
        SmartEncoded: 'true',
        // A page stuck in Twilio's queue for an hour is stale: escalation has moved on by then.
        ValidityPeriod: '3600',
      });
      return createTwilioResource(config, 'Messages', form, 'twilio_sms', who);
    },
  };
}
