// Composition root: config -> logger -> Redis -> stores -> queues -> Bolt -> HTTP.
import type { Server } from 'node:http';
import { createSharedAdapters, loadSettingsSource, openRedis } from './adapters';
import type { Worker } from 'bullmq';
import type { WebClient } from '@slack/web-api';
import type { Env } from './config/env';
import type { SettingsSource } from './config/load';
import { QuadrantError } from './core/errors';
import type { Deps } from './deps';
import { apiRoutes } from './http/api-emergencies';
import { healthRoute, type HealthCheck } from './http/health';
import { hookRoutes } from './http/hooks';
import { startCredentialCheck } from './pagers/credential-check';
import { withDeadline } from './flows/emergency/fail-fast';
import { drainEmergencyWork } from './flows/emergency/inflight';
import { createMetrics } from './http/metrics';
import { metricsRoute } from './http/metrics-route';
import { closeServer, createHttpServer, listen, type Route } from './http/server';
import type { Logger } from './log';
import { createProcessors } from './queue/processors';
import { closeQueues } from './queue/queues';
import { createWorkers } from './queue/workers';
import { bullConnectionOptions, evictionPolicyWarning, isRedisReachable } from './redis';
import { emergencyWorkerCheck, startHeartbeat } from './queue/heartbeat';
import { startSpoolReplay } from './flows/emergency/spool-replayer';
import { catchUpMissedDigests, syncDigestSchedulers } from './flows/digest/schedule-digests';
import { createSlackApp, type SlackApp } from './slack/app';
import { createWebClient } from './slack/client';
import { slackRoutes } from './slack/routes';
import { createCorrectionsStore } from './store/corrections-store';
import { createEvaluationStore } from './store/evaluation-store';
import { evaluationErrorLogger } from './flows/evaluation/record';
import { syncWeeklySchedulers } from './flows/evaluation/weekly-schedule';
import { createInstallationClients, createInstallationStore } from './store/installation-store';

export type Role = 'web' | 'worker' | 'all';

export interface StartOptions {
  env: Env;
  role: Role;
  logger: Logger;
  /** Friendlier behaviour for the local stand-in workspace; only the sandbox sets it. */
  sandbox?: boolean;
  /** Settings to use instead of QUADRANT_CONFIG (the sandbox passes its own workspace's). */
  settingsSource?: SettingsSource;
  /** Tests and benchmarks control the clock. */
  now?: () => number;
}

export interface RunningQuadrant {
  /** The port the HTTP server listens on (every role serves /health and /metrics). */
  port: number;
  deps: Deps;
  /** Graceful: stop taking work, finish or return in-flight jobs, close Redis. */
  stop(): Promise<void>;
}

export async function startQuadrant(options: StartOptions): Promise<RunningQuadrant> {
  const { env, role, logger } = options;
  const settingsSource = options.settingsSource ?? loadSettingsSource(env.QUADRANT_CONFIG);
  const connections = openRedis(env, role);
  const { keys, redis, subscriber } = connections;

  if (!(await isRedisReachable(redis, 3000))) {
    redis.disconnect();
    subscriber.disconnect();
    throw new QuadrantError(
      'quadrant_redis_unavailable',
      `Redis at ${redactUrl(env.REDIS_URL)} is not answering. Start one (\`docker compose up -d redis\`, or install the redis-server package) or set REDIS_URL.`,
    );
  }
  const eviction = await evictionPolicyWarning(redis);
  if (eviction) logger.warn({ policy: eviction }, 'Redis maxmemory-policy is not noeviction: queued jobs can be evicted under memory pressure. Set maxmemory-policy noeviction.');

  const bullConnection = bullConnectionOptions(env.REDIS_URL);
  const shared = createSharedAdapters(env, connections, settingsSource);
  const { queues, settings } = shared;
  const metrics = createMetrics();
  const single = env.mode === 'oauth' ? undefined : createWebClient(env.SLACK_BOT_TOKEN, env.SLACK_API_URL, logger);
  const installations = env.mode === 'oauth' ? createInstallationStore(redis, keys, logger) : undefined;
  const oauthClients = installations ? createInstallationClients(installations, env.SLACK_API_URL, logger) : undefined;
  // Workers need the bot's id too (its reactions are not people's), so every role asks once.
  const { teamId, ...identity } = single ? await botIdentity(single, env, logger) : {};
  // The scheduler walks known workspaces; a single-token install knows its own from auth.test.
  if (teamId) await redis.sadd(keys.teams(), teamId);
  const deps: Deps = {
    ...shared,
    env,
    logger,
    metrics,
    evaluation: createEvaluationStore(redis, keys, { onError: evaluationErrorLogger(logger) }),
    corrections: createCorrectionsStore(redis, keys),
    botUserFor: async () => identity.botUserId,
    slackFor: async (team: string): Promise<WebClient> => {
      if (single) return single;
      if (oauthClients) return oauthClients.slackFor(team);
      throw new QuadrantError('quadrant_slack_error', `no installation for workspace ${team}`);
    },
    now: options.now ?? Date.now,
  };

  const checks: HealthCheck[] = [];
  const routes: Route[] = [healthRoute({ role, mode: options.sandbox ? 'sandbox' : env.mode, redis, checks }), metricsRoute(metrics, queues)];
  let slack: SlackApp | undefined;
  if (role !== 'worker') {
    slack = createSlackApp(deps, identity, installations);
    if (slack.requestListener) routes.push(...slackRoutes(slack.requestListener));
    routes.push(...hookRoutes(deps), ...apiRoutes(deps));
  }
  let workers: Worker[] = [];
  const timers: NodeJS.Timeout[] = [];
  if (role !== 'web') {
    workers = createWorkers(deps, bullConnection, createProcessors(deps));
    timers.push(startHeartbeat(deps, 'emergency-worker'));
    // Idempotent, so every worker process may do it: schedule each known workspace's digests, post any
    // digest missed while Quadrant was down (once), and follow settings changes without a restart.
    const scheduleTeam = async (team: string) => {
      try {
        await syncDigestSchedulers(deps, team);
        await catchUpMissedDigests(deps, team);
        await syncWeeklySchedulers(deps, team);
      } catch (err) {
        logger.error({ err, team }, 'could not schedule digests');
      }
    };
    for (const team of await redis.smembers(keys.teams())) await scheduleTeam(team);
    // Stored message text expires after each workspace's `retention`; once a day is enough.
    await queues.digest.upsertJobScheduler('retention', { every: 86_400_000 }, { name: 'retention' });
    settings.onChange((team) => void scheduleTeam(team));
  }
  checks.push(emergencyWorkerCheck(deps));
  checks.push(startCredentialCheck(deps.pagersConfig, logger));
  // Every process that may have declared an emergency without Redis replays its own journal.
  timers.push(startSpoolReplay(deps));

  const server: Server = createHttpServer(routes, logger);
  const port = await listen(server, env.PORT);
  await slack?.start();
  logger.info({ role, mode: env.mode, port }, 'Quadrant is running');

  let stopping: Promise<void> | undefined;
  return {
    port,
    deps,
    stop: () =>
      (stopping ??= (async () => {
        for (const timer of timers) clearInterval(timer);
        await closeServer(server);
        await slack?.stop();
        // Pages already on their way finish before Redis closes.
        await drainEmergencyWork(deps, 5_000);
        // Asked, not read from the status: a Redis killed a moment ago still shows 'ready' until the socket closes.
        if (await isRedisReachable(redis, 500)) {
          // Worker.close() waits for active jobs to finish; anything unfinished returns to the queue via its lock.
          await Promise.all(workers.map((w) => w.close()));
          await closeQueues(queues);
          await settings.close();
          await deps.evaluation.close();
          await Promise.allSettled([redis.quit(), subscriber.quit()]);
        } else {
          // Every close below waits for a Redis that is not answering, past the 10 s budget: give each a moment,
          // then drop the connections. Active jobs return to their queues when their locks expire.
          const briefly = (work: Promise<unknown>) => withDeadline(work, 1_000).catch(() => undefined);
          await briefly(Promise.all(workers.map((w) => w.close(true))));
          await briefly(closeQueues(queues));
          await briefly(settings.close());
          await briefly(deps.evaluation.close());
          redis.disconnect();
          subscriber.disconnect();
        }
        logger.info('Quadrant stopped');
      })()),
  };
}

async function botIdentity(client: WebClient, env: Env, logger: Logger): Promise<{ botId?: string; botUserId?: string; teamId?: string }> {
  try {
    const auth = await client.auth.test();
    return { botId: auth.bot_id as string | undefined, botUserId: auth.user_id, teamId: auth.team_id };
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code === 'invalid_auth' || code === 'not_authed' || code === 'token_revoked' || code === 'account_inactive') {
      throw new QuadrantError('quadrant_env_invalid', `SLACK_BOT_TOKEN was refused by Slack (${code}): copy the Bot User OAuth Token from your app's "OAuth & Permissions" page.`);
    }
    // Slack unreachable at start-up must not stop paging. Without ids Bolt would call auth.test on every
    // request; placeholders keep the ack path off Slack (our listeners skip bot messages on their own).
    logger.warn({ err, slackApiUrl: env.SLACK_API_URL }, 'auth.test failed; starting without the bot identity');
    return { botId: 'B_UNKNOWN', botUserId: 'U_UNKNOWN' };
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
