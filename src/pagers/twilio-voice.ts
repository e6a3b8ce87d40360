import type { FollowUpRequest, Pager, PageRequest, PageResult, PageTarget } from '../core/ports';
import { speechText } from './page-text';
import { NO_PHONE } from './twilio-sms';
import { buildCallTwiml, TWIML_MAX } from './twiml';
import { createTwilioResource, updateTwilioCall, type TwilioConfig } from './twilio-api';

export interface TwilioVoiceConfig extends TwilioConfig {
  /** PUBLIC_URL. With it the call offers "press 1 to acknowledge"; without it, it only reads out. */
  publicUrl?: string;
  /** Seconds the phone rings before Twilio gives up (Twilio's default is 60). */
  ringSeconds?: number;
}

/** The hook the key press goes to. The query names the emergency; Twilio's signature covers the whole URL. */
export function voiceGatherUrl(publicUrl: string, request: Pick<PageRequest, 'team' | 'emergencyId' | 'code'>): string {
  const query = new URLSearchParams({ team: request.team, emergency: request.emergencyId, code: request.code });
  return `${publicUrl.replace(/\/+$/, '')}/hooks/twilio/voice?${query.toString()}`;
}

/** Shrinks the spoken summary until the TwiML fits Twilio's 4,000-character limit. */
export function callTwiml(request: PageRequest, publicUrl?: string): string {
  const gatherUrl = publicUrl ? voiceGatherUrl(publicUrl, request) : undefined;
  let twiml = '';
  for (let max = 600; max >= 0; max -= 100) {
    twiml = buildCallTwiml({ speech: speechText(request, max, gatherUrl !== undefined), gatherUrl });
    if (twiml.length <= TWIML_MAX) break;
  }
  return twiml;
}

/**
 * Once someone has acknowledged, phones still ringing for the emergency stop. `canceled` only touches a call
 * that is queued or ringing (FACTS.md §1, UpdateCall): a call someone already answered plays to its end, so
 * nobody is cut off mid-sentence, the person pressing 1 included.
 */
async function stopRinging(config: TwilioVoiceConfig, request: FollowUpRequest): Promise<PageResult> {
  const calls = request.calls ?? [];
  const results = await Promise.all(calls.map((sid) => updateTwilioCall(config, sid, new URLSearchParams({ Status: 'canceled' }), 'twilio_voice')));
  const failed = results.find((r): r is Extract<PageResult, { ok: false }> => !r.ok);
  if (failed) return { ...failed, reason: `${results.filter((r) => !r.ok).length} of ${calls.length} calls not stopped: ${failed.reason}` };
  return { ok: true, provider: 'twilio_voice' };
}

/** One call per person; the TwiML travels inline, so Twilio fetches nothing from Quadrant to start it. */
export function createTwilioVoicePager(config: TwilioVoiceConfig): Pager {
  return {
    acknowledge: (request) => stopRinging(config, request),
    resolve: (request) => stopRinging(config, request),
    id: 'twilio_voice',
    perPerson: true,
    async page(request: PageRequest, target?: PageTarget): Promise<PageResult> {
      const who = target?.slack;
      if (!target?.phone) return { ok: false, provider: 'twilio_voice', target: who, retryable: false, reason: NO_PHONE };
      const twiml = callTwiml(request, config.publicUrl);
      if (twiml.length > TWIML_MAX) return { ok: false, provider: 'twilio_voice', target: who, retryable: false, reason: 'call script too long (PUBLIC_URL too long?)' };
      const form = new URLSearchParams({
        To: target.phone,
        From: config.from,
        Twiml: twiml,
        Timeout: String(config.ringSeconds ?? 30),
      });
      return createTwilioResource(config, 'Calls', form, 'twilio_voice', who);
    },
  };
}
