import { randomUUID } from 'node:crypto';
import { SEVERITIES, type Severity } from '../../core/emergency';
import type { Deps } from '../../deps';
import { escapePlain } from '../../slack/escape';
import { declareEmergency, type Declared } from './declare';
import { fastRedis, withDeadline } from './fail-fast';

/** What the API and the command line send; validated here so both refuse the same things the same way. */
export interface ExternalDeclaration {
  text: unknown;
  severity?: unknown;
  reporter?: unknown;
  team?: unknown;
  idempotencyKey?: unknown;
}

export type ExternalOutcome =
  | { ok: true; declared: Declared; team: string }
  | { ok: false; error: 'invalid_text' | 'text_too_long' | 'invalid_severity' | 'invalid_team' | 'invalid_idempotency_key' | 'unknown_team'; message: string };

const EXTERNAL_TEXT_MAX = 3000;
const TEAM_ID = /^[TE][A-Z0-9]{2,}$/;

/**
 * Declares an emergency that did not come through Slack (POST /api/emergencies, `quadrant emergency`), on the
 * same route as /emergency: same paging, escalation and exactly-once rules. An idempotency key makes a retried
 * request the same declaration; without one every request is a new emergency.
 */
export async function declareExternal(deps: Deps, input: ExternalDeclaration, origin: 'api' | 'cli'): Promise<ExternalOutcome> {
  if (typeof input.text !== 'string' || input.text.trim() === '') return { ok: false, error: 'invalid_text', message: '"text" must say what is happening' };
  const text = input.text.trim();
  if (text.length > EXTERNAL_TEXT_MAX) return { ok: false, error: 'text_too_long', message: `"text" is longer than ${EXTERNAL_TEXT_MAX} characters` };
  if (input.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(input.severity)) {
    return { ok: false, error: 'invalid_severity', message: `"severity" must be one of ${SEVERITIES.join(', ')}` };
  }
  if (input.team !== undefined && (typeof input.team !== 'string' || !TEAM_ID.test(input.team))) return { ok: false, error: 'invalid_team', message: '"team" must be a Slack team id like T0123ABCD' };
  const key = input.idempotencyKey;
  if (key !== undefined && (typeof key !== 'string' || key.length < 1 || key.length > 200)) {
    return { ok: false, error: 'invalid_idempotency_key', message: 'the idempotency key must be 1 to 200 characters' };
  }
  const team = (input.team as string | undefined) ?? (await soleTeam(deps));
  if (!team) return { ok: false, error: 'unknown_team', message: 'Quadrant serves several workspaces (or does not know its own yet): name one with "team" (--team on the command line)' };
  const reporter = typeof input.reporter === 'string' && input.reporter.trim() ? input.reporter.trim().slice(0, 80) : origin === 'api' ? 'the API' : 'the command line';

  const declared = await declareEmergency(deps, {
    team,
    // Slack-formatted from here on, like text typed in Slack, so nothing in it can ping or forge a link.
    text: escapePlain(text),
    reporter: escapePlain(reporter),
    severity: input.severity as Severity | undefined,
    origin,
    dedupKey: `${origin}-${(key as string | undefined) ?? randomUUID()}`,
  });
  return { ok: true, declared, team };
}

/**
 * The workspace when there is only one: the one Redis knows, else the bot token's own (auth.test). Bounded, so a
 * dead Redis or Slack costs a second, not the declaration.
 */
export async function soleTeam(deps: Deps): Promise<string | undefined> {
  const known = await fastRedis(deps.redis, () => deps.redis.smembers(deps.keys.teams()), 500).catch(() => [] as string[]);
  if (known.length === 1) return known[0];
  if (known.length > 1 || deps.env.mode === 'oauth') return undefined;
  try {
    const client = await deps.slackFor('');
    const auth = await withDeadline(client.auth.test(), 2000);
    return typeof auth.team_id === 'string' ? auth.team_id : undefined;
  } catch {
    return undefined;
  }
}
