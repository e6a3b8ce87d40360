import type { IncomingMessage } from 'node:http';
import type { Deps } from '../deps';
import { declareExternal } from '../flows/emergency/declare-external';
import { isRecord, parseJson } from '../pagers/http';
import { safeEqual } from '../pagers/safe-equal';
import { readBody, sendJson, type Route } from './server';

const API_BODY_LIMIT = 16 * 1024;

/** The bearer token, or why there is none. */
function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * POST /api/emergencies: declares an emergency without Slack (monitoring, scripts, or Slack itself being
 * down), through the same route as /emergency.
 *
 *   Authorization: Bearer $QUADRANT_API_TOKEN
 *   Idempotency-Key: <any string>         optional; or "idempotency_key" in the body
 *   {"text": "...", "severity": "critical|error|warning|info", "reporter": "monitoring", "team": "T0123"}
 *
 * 202 {"id", "code", "paged": [providers], "people": [Slack ids], "duplicate"}; a retry with the same key
 * answers the same emergency with "duplicate": true and pages nobody again.
 */
export function apiRoutes(deps: Deps): Route[] {
  const log = deps.logger.child({ component: 'api' });
  return [
    {
      method: 'POST',
      path: '/api/emergencies',
      handler: async (req, res) => {
        const expected = deps.env.QUADRANT_API_TOKEN;
        const offered = bearer(req);
        if (!expected || !offered || !safeEqual(expected, offered)) {
          // Read nothing from an unauthenticated caller; close so its unread body cannot linger on the socket.
          res.setHeader('www-authenticate', 'Bearer');
          res.setHeader('connection', 'close');
          const error = !expected ? 'api_disabled' : !offered ? 'missing_token' : 'invalid_token';
          const message = !expected ? 'the API is off: set QUADRANT_API_TOKEN' : 'send Authorization: Bearer <QUADRANT_API_TOKEN>';
          log.warn({ error }, 'API request refused');
          return sendJson(res, 401, { ok: false, error, message });
        }
        if (Number(req.headers['content-length'] ?? 0) > API_BODY_LIMIT) return tooLarge(res);
        const raw = await readBody(req, API_BODY_LIMIT);
        if (!raw) return tooLarge(res);
        const body = parseJson(raw.toString('utf8'));
        if (!isRecord(body)) return sendJson(res, 400, { ok: false, error: 'invalid_json', message: 'send a JSON object: {"text": "what is happening"}' });
        const header = req.headers['idempotency-key'];
        const outcome = await declareExternal(
          deps,
          { text: body.text, severity: body.severity, reporter: body.reporter, team: body.team, idempotencyKey: typeof header === 'string' ? header : body.idempotency_key },
          'api',
        );
        if (!outcome.ok) return sendJson(res, 400, { ok: false, error: outcome.error, message: outcome.message });
        const { emergency, created, paging, degraded } = outcome.declared;
        log.info({ team: outcome.team, emergency: emergency.id, created, degraded }, 'emergency declared through the API');
        sendJson(res, 202, {
          ok: true,
          id: emergency.id,
          code: emergency.code,
          paged: paging?.providers ?? [],
          people: paging?.people ?? [],
          duplicate: !created,
          ...(degraded ? { degraded: true } : {}),
        });
      },
    },
  ];
}

function tooLarge(res: Parameters<Route['handler']>[1]): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, { ok: false, error: 'payload_too_large', message: `the body is larger than ${API_BODY_LIMIT / 1024} KB` });
}
