import { isRecord } from './http';
import { parseEmergencyKey } from './emergency-key';

/** What a provider callback asks Quadrant to do. Parsing happens after the signature check, never before. */
export type CallbackAction = 'ack' | 'resolve';

// "ACK 4821", "ack4821", " Res 4821 ", "acknowledged #4821", "RESOLVE 4821."; codes are digits only, which
// keeps "ACK4821" unambiguous.
const SMS_REPLY = /^(ack(?:nowledged?)?|res(?:olved?)?)\s*#?\s*(\d{3,10})\s*[.!]?$/i;

/** An SMS reply; undefined for anything else (STOP, HELP, chat), which the hook ignores. */
export function parseSmsReply(body: string): { action: CallbackAction; code: string } | undefined {
  const match = SMS_REPLY.exec(body.trim());
  if (!match) return undefined;
  return { action: match[1]!.toLowerCase().startsWith('ack') ? 'ack' : 'resolve', code: match[2]! };
}

/**
 * A key pressed in a paging call. The emergency comes from the gather URL's query (twilio-voice.ts
 * `voiceGatherUrl`), which Twilio's signature covers; 1 acknowledges, other keys do nothing.
 */
export function parseVoiceKeypress(
  params: URLSearchParams,
  query: URLSearchParams,
): { action: 'ack'; team: string; emergencyId: string; code: string } | undefined {
  const team = query.get('team');
  const emergencyId = query.get('emergency');
  const code = query.get('code') ?? '';
  if (params.get('Digits') !== '1' || !team || !emergencyId) return undefined;
  return { action: 'ack', team, emergencyId, code };
}

export interface ProviderCallback {
  action: CallbackAction;
  team: string;
  emergencyId: string;
}

const PAGERDUTY_ACTIONS: Record<string, CallbackAction> = { 'incident.acknowledged': 'ack', 'incident.resolved': 'resolve' };

/**
 * A PagerDuty v3 webhook (`{event: {event_type, data: {incident_key, …}}}`). The incident key is the
 * `dedup_key` Quadrant triggered with; incidents Quadrant did not open, and other event types, give undefined.
 */
export function parsePagerDutyWebhook(body: unknown): ProviderCallback | undefined {
  const event = isRecord(body) ? body.event : undefined;
  if (!isRecord(event) || typeof event.event_type !== 'string' || !isRecord(event.data)) return undefined;
  const action = PAGERDUTY_ACTIONS[event.event_type];
  const key = event.data.incident_key;
  const parsed = typeof key === 'string' ? parseEmergencyKey(key) : undefined;
  return action && parsed ? { action, ...parsed } : undefined;
}

const OPSGENIE_ACTIONS: Record<string, CallbackAction> = { Acknowledge: 'ack', Close: 'resolve' };

/** An Opsgenie Webhook-integration callback (`{action, alert: {alias, …}, source}`). */
export function parseOpsgenieWebhook(body: unknown): ProviderCallback | undefined {
  if (!isRecord(body) || typeof body.action !== 'string' || !isRecord(body.alert)) return undefined;
  const action = OPSGENIE_ACTIONS[body.action];
  const alias = body.alert.alias;
  const parsed = typeof alias === 'string' ? parseEmergencyKey(alias) : undefined;
  return action && parsed ? { action, ...parsed } : undefined;
}
