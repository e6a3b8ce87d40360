import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../deps';
import { handleProviderCallback, handleSmsReply, handleVoiceKeypress, SMS_HELP } from '../flows/emergency/callbacks';
import {
  OPSGENIE_SECRET_HEADER, parseOpsgenieWebhook, parsePagerDutyWebhook, parseSmsReply, parseVoiceKeypress, sayTwiml, verifyOpsgenieSecret,
  verifyPagerDutySignature, verifyTwilioRequest,
} from '../pagers';
import { isRecord, parseJson } from '../pagers/http';
import { escapeXml } from '../pagers/twiml';
import { escapePlain } from '../slack/escape';
import { readBody, sendJson, type Route } from './server';

/** Provider callbacks are small; anything larger is not one. */
const HOOK_BODY_LIMIT = 64 * 1024;

/**
 * Provider callbacks: POST /hooks/twilio (SMS replies), /hooks/twilio/voice (a key pressed in a paging call),
 * /hooks/pagerduty and /hooks/opsgenie (acknowledged or resolved there). Each is verified by the provider's own
 * scheme before anything in it is read; a request that fails gets 401 and changes nothing. Bodies are never
 * logged: they hold phone numbers.
 */
export function hookRoutes(deps: Deps): Route[] {
  const log = deps.logger.child({ component: 'hooks' });
  const warned = new Set<string>();
  /** A missing secret is the operator's to fix: say so once, then refuse quietly. */
  const refuse = (res: ServerResponse, provider: string, why: string, misconfigured = false) => {
    if (misconfigured && !warned.has(provider)) {
      warned.add(provider);
      log.error({ provider }, `refusing ${provider} callbacks: ${why}`);
    } else {
      log.warn({ provider, why }, 'callback refused');
    }
    sendJson(res, 401, { ok: false, error: 'invalid_signature' });
  };

  async function body(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
    const raw = await readBody(req, HOOK_BODY_LIMIT);
    if (!raw) sendJson(res, 413, { ok: false, error: 'payload_too_large' });
    return raw;
  }

  /** Twilio signs the URL it called: PUBLIC_URL + path + query, not whatever a proxy forwarded. */
  function twilioVerified(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer, provider: string): boolean {
    const { PUBLIC_URL: publicUrl, TWILIO_AUTH_TOKEN: authToken } = deps.env;
    if (!publicUrl || !authToken) {
      refuse(res, provider, 'set PUBLIC_URL and TWILIO_AUTH_TOKEN to verify X-Twilio-Signature', true);
      return false;
    }
    const signature = req.headers['x-twilio-signature'];
    const signed = `${publicUrl.replace(/\/+$/, '')}${url.pathname}${url.search}`;
    if (!verifyTwilioRequest({ authToken, url: signed, rawBody: raw.toString('utf8'), signature: typeof signature === 'string' ? signature : undefined })) {
      refuse(res, provider, 'X-Twilio-Signature does not verify');
      return false;
    }
    return true;
  }

  const twilioSms: Route['handler'] = async (req, res, url) => {
    const raw = await body(req, res);
    if (!raw || !twilioVerified(req, res, url, raw, 'twilio_sms')) return;
    const params = new URLSearchParams(raw.toString('utf8'));
    const parsed = parseSmsReply(params.get('Body') ?? '');
    const from = params.get('From') ?? '';
    const answer = parsed ? await handleSmsReply(deps, { from, ...parsed }) : SMS_HELP;
    log.info({ provider: 'twilio_sms', understood: Boolean(parsed) }, 'SMS reply handled');
    sendTwiml(res, `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(answer)}</Message></Response>`);
  };

  const twilioVoice: Route['handler'] = async (req, res, url) => {
    const raw = await body(req, res);
    if (!raw || !twilioVerified(req, res, url, raw, 'twilio_voice')) return;
    const params = new URLSearchParams(raw.toString('utf8'));
    const pressed = parseVoiceKeypress(params, url.searchParams);
    if (!pressed) return sendTwiml(res, sayTwiml('Nothing was changed. The emergency is still open in Slack. Goodbye.'));
    const spoken = await handleVoiceKeypress(deps, { team: pressed.team, emergencyId: pressed.emergencyId, code: pressed.code, callee: params.get('To') ?? params.get('Called') ?? '' });
    log.info({ provider: 'twilio_voice', team: pressed.team, emergency: pressed.emergencyId }, 'key press handled');
    sendTwiml(res, sayTwiml(spoken));
  };

  const pagerduty: Route['handler'] = async (req, res) => {
    const raw = await body(req, res);
    if (!raw) return;
    const secrets = (deps.env.PAGERDUTY_WEBHOOK_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (secrets.length === 0) return refuse(res, 'pagerduty', 'set PAGERDUTY_WEBHOOK_SECRET to the webhook subscription\'s signing secret', true);
    const header = req.headers['x-pagerduty-signature'];
    if (!verifyPagerDutySignature({ secrets, rawBody: raw, header: typeof header === 'string' ? header : undefined })) return refuse(res, 'pagerduty', 'X-PagerDuty-Signature does not verify');
    const json = parseJson(raw.toString('utf8'));
    if (json === undefined) return sendJson(res, 400, { ok: false, error: 'invalid_json' });
    const callback = parsePagerDutyWebhook(json);
    // Other event types and incidents Quadrant did not open: 2xx, so PagerDuty does not retry them.
    if (!callback) return sendJson(res, 200, { ok: true, ignored: true });
    const outcome = await handleProviderCallback(deps, 'pagerduty', callback, `${agentName(json) ?? 'someone'} in PagerDuty`);
    log.info({ provider: 'pagerduty', team: callback.team, emergency: callback.emergencyId, outcome }, 'PagerDuty callback handled');
    sendJson(res, 200, { ok: true, outcome });
  };

  const opsgenie: Route['handler'] = async (req, res) => {
    const raw = await body(req, res);
    if (!raw) return;
    const secret = deps.env.OPSGENIE_WEBHOOK_SECRET;
    if (!secret) return refuse(res, 'opsgenie', `set OPSGENIE_WEBHOOK_SECRET and send it in the ${OPSGENIE_SECRET_HEADER} header`, true);
    if (!verifyOpsgenieSecret({ secret, headers: req.headers })) return refuse(res, 'opsgenie', `${OPSGENIE_SECRET_HEADER} does not match`);
    const json = parseJson(raw.toString('utf8'));
    if (json === undefined) return sendJson(res, 400, { ok: false, error: 'invalid_json' });
    const callback = parseOpsgenieWebhook(json);
    if (!callback) return sendJson(res, 200, { ok: true, ignored: true });
    const outcome = await handleProviderCallback(deps, 'opsgenie', callback, `${opsgenieUser(json) ?? 'someone'} in Opsgenie`);
    log.info({ provider: 'opsgenie', team: callback.team, emergency: callback.emergencyId, outcome }, 'Opsgenie callback handled');
    sendJson(res, 200, { ok: true, outcome });
  };

  return [
    { method: 'POST', path: '/hooks/twilio', handler: twilioSms },
    { method: 'POST', path: '/hooks/twilio/voice', handler: twilioVoice },
    { method: 'POST', path: '/hooks/pagerduty', handler: pagerduty },
    { method: 'POST', path: '/hooks/opsgenie', handler: opsgenie },
  ];
}

function sendTwiml(res: ServerResponse, twiml: string): void {
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(twiml) });
  res.end(twiml);
}

/** Display text for the timeline; provider-supplied, so escaped and cut. */
function displayName(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? escapePlain(value.trim().slice(0, 80)) : undefined;
}

function agentName(json: unknown): string | undefined {
  const event = isRecord(json) ? json.event : undefined;
  const agent = isRecord(event) ? event.agent : undefined;
  return displayName(isRecord(agent) ? agent.summary : undefined);
}

function opsgenieUser(json: unknown): string | undefined {
  const alert = isRecord(json) ? json.alert : undefined;
  return displayName(isRecord(alert) ? alert.username : undefined);
}
