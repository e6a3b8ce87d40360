import { config as loadDotenv } from 'dotenv';
import { parseEnv, type Env } from '../config/env';
import { QuadrantError } from '../core/errors';
import { createLogger } from '../log';
import { runClassify } from './classify';
import { runConfigValidate } from './config-validate';
import { runEmergency } from './emergency';
import { runStart, type SandboxLauncher } from './start';

const USAGE = `Quadrant: the Asynchronous Communication Framework, inside Slack.

usage: quadrant <command> [options]

  start [--role web|worker|all]   run Quadrant (the sandbox when no Slack tokens are set)
  classify [TEXT]                 classify TEXT, or JSON Lines from stdin
  config validate FILE            check a settings file
  emergency TEXT [--severity S]   declare an emergency without Slack (same route as /emergency)
  help                            this text

Configuration comes from the environment and .env (see .env.example).
`;

export interface CliHooks {
  sandbox?: () => SandboxLauncher;
}

export async function main(argv: string[], hooks: CliHooks = {}): Promise<void> {
  const code = await run(argv, hooks).catch((err: unknown) => {
    // One clear line, no stack: the error's message says what to set and where.
    if (err instanceof QuadrantError) process.stderr.write(`quadrant: ${err.message}\n`);
    else process.stderr.write(`quadrant: unexpected error: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  });
  process.exitCode = code;
  // Stray handles (a half-open socket) must not keep a finished command alive.
  if (argv[0] === 'start' || argv[0] === 'emergency') setTimeout(() => process.exit(code), 100).unref();
}

async function run(argv: string[], hooks: CliHooks): Promise<number> {
  const [command, ...args] = argv;
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    case 'classify':
      return runClassify(args, io);
    case 'config':
      return runConfigValidate(args, io);
    case 'emergency':
      return runEmergency(args, io);
    case 'start': {
      loadDotenv({ quiet: true });
      const env = parseEnv(process.env);
      return runStart(args, env, rootLogger(env), hooks.sandbox?.());
    }
    default:
      process.stderr.write(`quadrant: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

function rootLogger(env: Env) {
  const pretty = env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT === 'auto' && Boolean(process.stderr.isTTY));
  return createLogger({ level: env.LOG_LEVEL, pretty });
}
