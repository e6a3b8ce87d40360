import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { Env } from './config/env';
import type { Area } from './core/areas';
import type { CorrectionModel } from './core/learning';
import type { ItemStore } from './core/ports';
import type { Metrics } from './http/metrics';
import type { Logger } from './log';
import type { Queues } from './queue/queues';
import type { PagersConfig } from './pagers';
import type { EmergencySpool } from './store/emergency-spool';
import type { EmergencyStore } from './store/emergency-store';
import type { EvaluationStore } from './store/evaluation-store';
import type { Keys } from './store/keys';
import type { RedisSettingsStore } from './store/settings-store';

/** The adapters a process runs with, built once in main.ts and handed to listeners, flows and workers. */
export interface Deps {
  env: Env;
  logger: Logger;
  keys: Keys;
  redis: Redis;
  queues: Queues;
  settings: RedisSettingsStore;
  items: ItemStore;
  metrics: Metrics;
  /** Counts of what the framework cares about, per workspace and week (never awaited on the page path). */
  evaluation: EvaluationStore;
  emergencies: EmergencyStore;
  /** Local journal for emergencies declared while Redis is away. */
  spool: EmergencySpool;
  /** Provider URLs and credentials; the workspace's Slack client is added per emergency. */
  pagersConfig: Omit<PagersConfig, 'slack'>;
  /** The Web API client for a workspace (one token in single-workspace mode, the installation's in OAuth mode). */
  slackFor(team: string): Promise<WebClient>;
  /** Classifier corrections per workspace (from reactions and admins). */
  corrections: {
    record(team: string, correction: { text: string; area: Area; by: string; author?: string; at: number }): Promise<void>;
    model(team: string): Promise<CorrectionModel>;
    forget(team: string, user: string, texts?: readonly string[]): Promise<number>;
    /** Drops corrections recorded before `cutoff` (retention); how many went. */
    expire(team: string, cutoff: number): Promise<number>;
  };
  /** The bot's own user id in a workspace (its reactions and messages are not people's). */
  botUserFor(team: string): Promise<string | undefined>;
  /** Injected so tests and benchmarks can control time; everything else calls deps.now(). */
  now(): number;
}
