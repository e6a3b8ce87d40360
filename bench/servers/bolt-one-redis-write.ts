// The floor for any design that stores before it acknowledges: bare Bolt (defaults, as in bare-bolt.ts) whose
// `/async` listener makes one Redis write on a connection made as Quadrant makes its own, then acks.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createCommandConnection } from '../../src/redis';

async function main(): Promise<void> {
  const redis = createCommandConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'bench-floor');
  const prefix = process.env.BENCH_PREFIX ?? 'bench';
  const receiver = new HTTPReceiver({ signingSecret: process.env.BENCH_SIGNING_SECRET!, logLevel: LogLevel.ERROR });
  const app = new App({ receiver, token: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BENCHBOT', tokenVerificationEnabled: false, logLevel: LogLevel.ERROR });
  app.command('/async', async ({ command, ack }) => {
    await redis.set(`${prefix}:floor:${command.trigger_id}`, command.text, 'EX', 60);
    await ack();
  });
  const server = (await receiver.start(0)) as import('node:http').Server;
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  process.on('SIGTERM', () => {
    void redis.quit().finally(() => process.exit(0));
  });
}

void main();
