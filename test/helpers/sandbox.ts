import { Writable } from 'node:stream';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createLogger } from '../../src/log';
import { startSandbox, type RunningSandbox } from '../../sandbox/main';
import { deletePrefix, testPrefix, testRedisUrl } from './redis';

export const METHODS_INDEX = path.resolve(__dirname, '../../../shared/slack/web-api/methods-index.json');

export interface TestSandbox extends RunningSandbox {
  prefix: string;
  logs: string[];
  close(): Promise<void>;
}

/**
 * The whole stack as `npm start` runs it (fake Slack in strict mode where ../shared is present, provider
 * fakes, the real app), on the test Redis under a prefix of its own.
 */
export async function startTestSandbox(options: { settingsYaml?: string; env?: Record<string, string> } = {}): Promise<TestSandbox> {
  const prefix = testPrefix('qs');
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const sandbox = await startSandbox({
    env: { REDIS_URL: testRedisUrl(), QUADRANT_REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'debug', QUADRANT_SPOOL_DIR: path.join(require('node:os').tmpdir(), `${prefix}-spool`), ...options.env },
    role: 'all',
    logger: createLogger({ level: 'debug', pretty: false }, sink),
    interactive: false,
    strictIndexPath: existsSync(METHODS_INDEX) ? METHODS_INDEX : undefined,
    settingsYaml: options.settingsYaml,
  });
  return {
    ...sandbox,
    prefix,
    logs,
    async close() {
      await sandbox.stop();
      await deletePrefix(prefix);
    },
  };
}
