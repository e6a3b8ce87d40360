import type { Writable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { config as loadDotenv } from 'dotenv';
import { createSharedAdapters, loadSettingsSource, openRedis } from '../adapters';
import { parseEnv, type Env } from '../config/env';
import { SEVERITIES } from '../core/emergency';
import { QuadrantError } from '../core/errors';
import { EMPTY_CORRECTION_MODEL } from '../core/learning';
import type { Deps } from '../deps';
import { declareExternal, type NoSoleTeam } from '../flows/emergency/declare-external';
import { isRedisReady, withDeadline } from '../flows/emergency/fail-fast';
import { replaySpool } from '../flows/emergency/replay-spool';
import { createMetrics } from '../http/metrics';
import { createLogger, type Logger } from '../log';
import { closeQueues } from '../queue/queues';
import { providerName } from '../slack/blocks/emergency-blocks';
import { createWebClient } from '../slack/client';
import { createEvaluationStore } from '../store/evaluation-store';

export interface EmergencyIo {
  stdout: Writable;
  stderr: Writable;
}

export interface EmergencyContext {
  /** Defaults to the process environment (and .env). */
  env?: Env;
  logger?: Logger;
  /** How long to wait for the pages and the channel post before exiting anyway. */
  settleMs?: number;
}

export const EMERGENCY_USAGE = `usage: quadrant emergency "what is happening" [--severity critical|error|warning|info]
                          [--team T0123] [--reporter NAME] [--idempotency-key KEY]

Declares an emergency through the same route as /emergency: pages the on-call at once, schedules the
escalation, and posts it to the emergency channel (later, when Slack answers again, if it is down).
Prints one JSON line on stdout: {"id", "code", "team", "paged", "accepted", "failed", ...}.
`;

const REDIS_CONNECT_MS = 1500;

interface Parsed {
  text: string;
  severity?: string;
  team?: string;
  reporter?: string;
  idempotencyKey?: string;
}

const FLAGS = { '--severity': 'severity', '--team': 'team', '--reporter': 'reporter', '--idempotency-key': 'idempotencyKey' } as const;

function parseEmergencyArgs(args: string[]): Parsed | { error: string } {
  const words: string[] = [];
  const out: Omit<Parsed, 'text'> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string | undefined]) : [arg, undefined];
    if (name in FLAGS) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return { error: `${name} needs a value` };
      out[FLAGS[name as keyof typeof FLAGS]] = value;
    } else if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      return { error: `unknown option ${name}` };
    } else words.push(arg);
  }
  const text = words.join(' ').trim();
  if (!text) return { error: 'say what is happening: quadrant emergency "the database is down"' };
  if (out.severity && !(SEVERITIES as readonly string[]).includes(out.severity)) return { error: `--severity must be one of ${SEVERITIES.join(', ')}` };
  return { text, ...out };
}

/**
 * `quadrant emergency TEXT`: for when Slack itself is down. Runs no HTTP server and no workers: it pages from
 * this process, records the emergency in Redis (or the local spool when Redis is down too), queues the
 * escalation for the worker processes, and leaves the channel post to them when Slack does not answer.
 * Exit 0 once declared and paged (1 when no page was accepted, 2 for bad input).
 */
export async function runEmergency(args: string[], io: EmergencyIo, context: EmergencyContext = {}): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(EMERGENCY_USAGE);
    return 0;
  }
  const parsed = parseEmergencyArgs(args);
  if ('error' in parsed) {
    io.stderr.write(`quadrant emergency: ${parsed.error}\n\n${EMERGENCY_USAGE}`);
    return 2;
  }
  if (!context.env) loadDotenv({ quiet: true });
  const env = context.env ?? parseEnv(process.env);
  const logger = context.logger ?? createLogger({ level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL, pretty: false }, io.stderr as never);
  const { deps, close } = createEmergencyDeps(env, logger);
  try {
    // A fresh connection is not ready yet, and the emergency path never waits for one: give Redis a moment
    // here, where no page is waiting, then go on with or without it.
    await withDeadline(new Promise((resolve) => deps.redis.once('ready', resolve)), REDIS_CONNECT_MS).catch(() => undefined);
    const outcome = await declareExternal(deps, parsed, 'cli');
    if (!outcome.ok) {
      io.stderr.write(`quadrant emergency: ${outcome.error === 'unknown_team' && outcome.why ? noTeamLine(outcome.why, env) : outcome.message}\n`);
      return 2;
    }
    const { declared } = outcome;
    const results = await withDeadline(declared.pages, context.settleMs ?? 60_000).catch(() => []);
    await withDeadline(declared.settled, 10_000).catch(() => undefined);
    const accepted = results.filter((r) => r.ok).map((r) => ({ provider: r.provider, ...(r.target ? { person: r.target } : {}) }));
    const failed = results.flatMap((r) => (r.ok ? [] : [{ provider: r.provider, ...(r.target ? { person: r.target } : {}), reason: r.reason }]));
    const e = declared.emergency;
    io.stdout.write(
      `${JSON.stringify({
        id: e.id,
        code: e.code,
        team: outcome.team,
        duplicate: !declared.created,
        degraded: declared.degraded,
        paged: declared.paging?.providers ?? [],
        people: declared.paging?.people ?? [],
        accepted,
        failed,
      })}\n`,
    );
    io.stderr.write(`${humanSummary(declared.created, e.code, declared.paging, accepted.length, failed, declared.degraded)}\n`);
    // Emergencies this machine journalled earlier, while Redis was away, are recorded now if it answers.
    if (isRedisReady(deps.redis)) await withDeadline(replaySpool(deps), 3000).catch(() => 0);
    return declared.created && accepted.length === 0 ? 1 : 0;
  } finally {
    await close();
  }
}

/** REDIS_URL as it can be shown: the password, if any, is no business of stderr. */
export function redisLocation(env: Pick<Env, 'REDIS_URL' | 'QUADRANT_REDIS_PREFIX'>): string {
  let shown = env.REDIS_URL;
  try {
    const url = new URL(env.REDIS_URL);
    if (url.password) url.password = '***';
    shown = url.toString().replace(/\/$/, '');
  } catch {
    shown = '(REDIS_URL)';
  }
  return `${shown} (key prefix "${env.QUADRANT_REDIS_PREFIX}")`;
}

/**
 * The API's wording names a JSON field; on the command line the reader needs the flag, and where Quadrant
 * looked, since the usual cause is a Redis URL or prefix other than the running app's.
 */
function noTeamLine(why: NoSoleTeam, env: Env): string {
  const where = redisLocation(env);
  switch (why) {
    case 'several':
      return `Quadrant serves several workspaces (in Redis at ${where}): name one with --team T0123ABCD.`;
    case 'redis_unreachable':
      return `Redis at ${where} did not answer, so I cannot tell which workspace to declare in: pass --team T0123ABCD.`;
    case 'none': {
      const slack = env.mode === 'oauth' ? 'and in OAuth mode only an install tells me one' : 'and Slack did not say whose SLACK_BOT_TOKEN is';
      return `no workspace is known: none is recorded in Redis at ${where}, ${slack}. Run Quadrant connected to Slack first (quadrant start, with the same REDIS_URL and QUADRANT_REDIS_PREFIX), or pass --team T0123ABCD.`;
    }
  }
}

function humanSummary(
  created: boolean,
  code: string,
  paging: { tier: number; people: string[]; providers: string[] } | undefined,
  acceptedCount: number,
  failed: Array<{ provider: string; reason: string }>,
  degraded: boolean,
): string {
  if (!created) return `Emergency ${code} was already declared with this idempotency key; nobody was paged again.`;
  const lines = [`Emergency ${code} declared. Tier ${paging?.tier ?? 1}: ${paging?.people.join(', ') || 'nobody'} via ${paging?.providers.map(providerName).join(', ') || 'no provider'}.`];
  lines.push(`${acceptedCount} page(s) accepted, ${failed.length} failed.`);
  for (const f of failed) lines.push(`  ${providerName(f.provider)} failed: ${f.reason}`);
  if (acceptedCount === 0) lines.push(failed.length > 0 ? 'EVERY PAGE FAILED: call the on-call directly.' : 'NOBODY WAS PAGED (no on-call tiers or providers are known): call the on-call directly.');
  if (degraded) lines.push('Redis did not answer: the emergency is journalled on this machine and recorded when Redis is back.');
  return lines.join('\n');
}

/** The adapters a declaration needs, built as `quadrant start` builds them, without HTTP server or workers. */
function createEmergencyDeps(env: Env, logger: Logger): { deps: Deps; close(): Promise<void> } {
  const connections = openRedis(env, 'cli');
  const shared = createSharedAdapters(env, connections, loadSettingsSource(env.QUADRANT_CONFIG));
  const { queues, settings } = shared;
  const { redis, subscriber, keys } = connections;
  // A queue without an error listener would throw (and end the command) when Redis is down.
  for (const queue of Object.values(queues)) queue.on('error', () => undefined);
  // Errors only, unless LOG_LEVEL asks for debugging: every Slack call here either reports its failure in the
  // summary (a Slack DM page) or is a lookup whose failure the one line on stderr explains (whose token is
  // this?), and a warning per retry of each would bury that line in JSON.
  const slackLogger = logger.isLevelEnabled('debug') ? logger : logger.child({}, { level: 'error' });
  const single = env.mode === 'oauth' ? undefined : createWebClient(env.SLACK_BOT_TOKEN, env.SLACK_API_URL, slackLogger);
  const deps: Deps = {
    ...shared,
    env,
    logger,
    metrics: createMetrics(),
    evaluation: createEvaluationStore(redis, keys, { flushMs: 0 }),
    slackFor: async (): Promise<WebClient> => {
      if (single) return single;
      // OAuth installs live with the server; the post is left pending for it, and Slack DMs are skipped.
      throw new QuadrantError('quadrant_slack_error', 'the command line has no installation token in OAuth mode');
    },
    // Declaring never classifies or learns; these are here only because every flow takes the same bag.
    corrections: { record: async () => undefined, model: async () => EMPTY_CORRECTION_MODEL, forget: async () => 0, expire: async () => 0 },
    botUserFor: async () => undefined,
    now: Date.now,
  };
  return {
    deps,
    close: async () => {
      // A dead Redis must not keep the command from exiting.
      await withDeadline(Promise.all([closeQueues(queues), settings.close()]), 2000).catch(() => Promise.all(Object.values(queues).map((q) => q.disconnect())));
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
