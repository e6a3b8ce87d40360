import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createLogger } from '../../src/log';
import { startSandbox, type RunningSandbox } from '../../sandbox/main';
import { deletePrefix, testPrefix, testRedisUrl } from './redis';
import { SLACK_REFERENCE_DIR } from './slack-reference';

export interface ConsoleSandbox {
  sandbox: RunningSandbox;
  /** Everything the console has printed so far. */
  printed(): string;
  /** Types a line and resolves with what the console printed from then on, once `until` shows in it. */
  type(line: string, until: RegExp): Promise<string>;
  /** Types a line without waiting. */
  write(line: string): void;
  /** Ends the input, as the end of a pipe does. */
  endInput(): void;
  close(): Promise<void>;
}

/** The sandbox as `npm start` runs it with lines piped in: its console reads `write`s and prints to `printed()`. */
export async function startConsoleSandbox(label: string): Promise<ConsoleSandbox> {
  const prefix = testPrefix(label);
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const sandbox = await startSandbox({
    env: { REDIS_URL: testRedisUrl(), QUADRANT_REDIS_PREFIX: prefix, PORT: '0' },
    role: 'all',
    logger: createLogger({ level: 'silent', pretty: false }),
    interactive: true,
    input,
    output,
    strictIndexPath: path.join(SLACK_REFERENCE_DIR, 'web-api', 'methods-index.json'),
  });
  const write = (line: string) => input.write(`${line}\n`);
  return {
    sandbox,
    printed: () => printed,
    write,
    endInput: () => input.end(),
    type: (line, until) => {
      const from = printed.length;
      write(line);
      return sandbox.driver.waitFor(() => (until.test(printed.slice(from)) ? printed.slice(from) : undefined), { what: `${until} after "${line}"` });
    },
    close: async () => {
      await sandbox.stop();
      await deletePrefix(prefix);
    },
  };
}
