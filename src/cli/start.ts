import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Env } from '../config/env';
import type { Logger } from '../log';
import { startQuadrant, type Role } from '../main';

export interface SandboxLauncher {
  startSandbox(options: { env: NodeJS.ProcessEnv; role: Role; logger: Logger; interactive: boolean }): Promise<{ stop(): Promise<void>; stopped?: Promise<void> }>;
}

const ROLES: readonly Role[] = ['web', 'worker', 'all'];
const SHUTDOWN_BUDGET_MS = 10_000;

export function parseRole(args: string[]): Role | { error: string } {
  const i = args.findIndex((a) => a === '--role' || a.startsWith('--role='));
  if (i === -1) return 'all';
  const value = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  if (value && (ROLES as readonly string[]).includes(value)) return value as Role;
  return { error: `--role must be one of web, worker, all (got ${value ?? 'nothing'})` };
}

/**
 * Whether the sandbox console should read stdin: a terminal, or lines piped or redirected in
 * (`printf '/help\n' | npm start`; a socket is how Node's child_process pipes). Not /dev/null or
 * another device, as in Docker without -i: there nobody can type, and end of input would stop the sandbox.
 */
export function stdinFeedsConsole(fd = 0): boolean {
  if (isatty(fd)) return true;
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

/**
 * `quadrant start`: runs until SIGTERM/SIGINT, then shuts down gracefully within 10 s and exits 0.
 * Without Slack tokens it runs the sandbox, which the bin script injects (src/ never imports sandbox/).
 */
export async function runStart(args: string[], env: Env, logger: Logger, sandbox?: SandboxLauncher): Promise<number> {
  const role = parseRole(args);
  if (typeof role === 'object') {
    process.stderr.write(`quadrant: ${role.error}\n`);
    return 2;
  }
  let running: { stop(): Promise<void>; stopped?: Promise<void> };
  if (env.mode === 'sandbox') {
    if (!sandbox) {
      process.stderr.write('quadrant: no Slack tokens are set and the sandbox is not available in this build. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see .env.example).\n');
      return 2;
    }
    running = await sandbox.startSandbox({ env: process.env, role, logger, interactive: stdinFeedsConsole() });
  } else {
    running = await startQuadrant({ env, role, logger });
  }
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      const timer = setTimeout(() => {
        logger.error('shutdown took longer than 10 s; exiting anyway');
        resolve(1);
      }, SHUTDOWN_BUDGET_MS);
      timer.unref();
      running.stop().then(
        () => {
          clearTimeout(timer);
          resolve(0);
        },
        (err: unknown) => {
          logger.error({ err }, 'error during shutdown');
          clearTimeout(timer);
          resolve(1);
        },
      );
    };
    // The sandbox console's /quit stops everything itself.
    running.stopped?.then(() => resolve(0));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
