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

export const START_USAGE = `usage: quadrant start [--role web|worker|all]

Runs Quadrant until SIGTERM or SIGINT. Without Slack tokens (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET) it
runs the sandbox: a stand-in workspace you drive from this terminal, or with console lines piped in.

  --role ROLE   web (Slack's requests), worker (digests, escalations) or all (the default); web and
                worker scale separately, sharing Redis
  -h, --help    this text
`;

/** The options of `quadrant start`; anything it does not know is an error, so a typo does not start Quadrant. */
export function parseStartArgs(args: string[]): { role: Role } | { help: true } | { error: string } {
  let role: Role = 'all';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--role' || arg.startsWith('--role=')) {
      const value = arg.includes('=') ? arg.slice('--role='.length) : args[++i];
      if (!value || !(ROLES as readonly string[]).includes(value)) return { error: `--role must be one of web, worker, all (got ${value || 'nothing'})` };
      role = value as Role;
      continue;
    }
    return { error: arg.startsWith('-') ? `unknown option "${arg}" for start` : `start takes no argument "${arg}"` };
  }
  return { role };
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
  const parsed = parseStartArgs(args);
  if ('help' in parsed) {
    process.stdout.write(START_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`quadrant: ${parsed.error}\n\n${START_USAGE}`);
    return 2;
  }
  const { role } = parsed;
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
