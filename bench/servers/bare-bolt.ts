// The baseline: a Bolt app with its defaults whose only listener acks `/async`.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

async function main(): Promise<void> {
  const receiver = new HTTPReceiver({ signingSecret: process.env.BENCH_SIGNING_SECRET!, logLevel: LogLevel.ERROR });
  // The bot ids stand in for auth.test (there is no Slack here; Quadrant passes the ids it got at start-up too).
  // Everything else is Bolt's default, conversation store included.
  const app = new App({ receiver, token: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BENCHBOT', tokenVerificationEnabled: false, logLevel: LogLevel.ERROR });
  app.command('/async', async ({ ack }) => {
    await ack();
  });
  const server = (await receiver.start(0)) as import('node:http').Server;
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

void main();
