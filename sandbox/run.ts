import { createLogger } from '../src/log';
import type { Role } from '../src/main';
import { startSandbox } from './main';

/**
 * `npm start` without Slack tokens: the sandbox with its console, until /quit, Ctrl-D or a signal.
 * Logs go to stderr at `warn` unless LOG_LEVEL says otherwise, so the console stays readable.
 */
export async function runSandbox(env: NodeJS.ProcessEnv, role: Role = 'all'): Promise<void> {
  const logger = createLogger({ level: env.LOG_LEVEL ?? 'warn', pretty: env.LOG_FORMAT !== 'json', name: 'quadrant-sandbox' });
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ env, role, logger, interactive: true });
  } catch (err) {
    process.stderr.write(`quadrant sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
    return;
  }
  const stop = () => void sandbox.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await sandbox.stopped;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
}

if (require.main === module) void runSandbox(process.env).then(() => process.exit(process.exitCode ?? 0));
