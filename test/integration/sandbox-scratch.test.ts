import { PassThrough } from 'node:stream';
import { createLogger } from '../../src/log';
import { startSandbox } from '../../sandbox/main';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';

test('scratch session', async () => {
  const prefix = testPrefix('qt-scratch');
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  const sandbox = await startSandbox({ env: { REDIS_URL: testRedisUrl(), QUADRANT_REDIS_PREFIX: prefix, PORT: '0' }, role: 'all', logger: createLogger({ level: 'warn', pretty: false }), interactive: true, input, output });
  const lines = (process.env.SCRATCH ?? '/help').split('|');
  for (const l of lines) {
    input.write(l + '\n');
    await new Promise((r) => setTimeout(r, Number(process.env.SCRATCH_WAIT ?? 700)));
  }
  await sandbox.stop();
  await deletePrefix(prefix);
  process.stdout.write(printed.replace(/\r\x1b\[K/g, '\n'));
  console.log(JSON.stringify(sandbox.slack.calls.map((c) => [c.method, c.response && (c.response as any).ok, (c.response as any)?.error]), null, 0));
  console.log(JSON.stringify(sandbox.driver.warnings.map((w) => w.detail)));
});
