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
  | {
      ok: false;
      error: 'invalid_text' | 'text_too_long' | 'invalid_severity' | 'invalid_team' | 'invalid_idempotency_key' | 'unknown_team';
      message: string;
      /** For unknown_team: why no workspace could be picked, so the command line can word it for its reader. */
      why?: NoSoleTeam;
    };

/** Why there is no one workspace to declare in: several known, none known, or Redis did not say. */
export type NoSoleTeam = 'several' | 'none' | 'redis_unreachable';

const NO_SOLE_TEAM: Record<NoSoleTeam, string> = {
  several: 'Quadrant serves several workspaces: name one with "team" (--team on the command line)',
  none: 'Quadrant knows no workspace yet: none is recorded in its Redis, and Slack did not say whose the bot token is. Run Quadrant connected to Slack first, or name the workspace with "team" (--team on the command line)',
  redis_unreachable: 'Redis did not answer, so Quadrant cannot tell which workspace to declare in: name it with "team" (--team on the command line)',
};

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
  const sole = input.team === undefined ? await soleTeam(deps) : { team: input.team as string };
  if (sole.why !== undefined) return { ok: false, error: 'unknown_team', message: NO_SOLE_TEAM[sole.why], why: sole.why };
  const team = sole.team;
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
export async function soleTeam(deps: Deps): Promise<{ team: string; why?: undefined } | { team?: undefined; why: NoSoleTeam }> {
  const known = await fastRedis(deps.redis, () => deps.redis.smembers(deps.keys.teams()), 500).catch(() => undefined);
  if (known?.length === 1) return { team: known[0]! };
  if (known && known.length > 1) return { why: 'several' };
  const none = known ? ('none' as const) : ('redis_unreachable' as const);
  if (deps.env.mode === 'oauth') return { why: none };
  try {
    const client = await deps.slackFor('');
    const auth = await withDeadline(client.auth.test(), 2000);
    return typeof auth.team_id === 'string' ? { team: auth.team_id } : { why: none };
  } catch {
    return { why: none };
  }
}
