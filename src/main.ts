// Composition root: config -> logger -> Redis -> stores -> queues -> Bolt. (Being built in issue 3.)
import type { Env } from './config/env';
import type { Logger } from './log';

export type Role = 'web' | 'worker' | 'all';

export interface StartOptions {
  env: Env;
  role: Role;
  logger: Logger;
  /** Bolt's developerMode and friendlier logs; only the sandbox sets it. */
  sandbox?: boolean;
}

export interface RunningQuadrant {
  /** The port the HTTP server listens on (web and all roles; worker role serves /health and /metrics too). */
  port: number;
  /** Graceful: stop taking work, finish or return in-flight jobs, close Redis. */
  stop(): Promise<void>;
}

export async function startQuadrant(_options: StartOptions): Promise<RunningQuadrant> {
  throw new Error('not built yet');
}
