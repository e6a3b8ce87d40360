import autocannon from 'autocannon';
import { BENCH_TEXTS, signedAsyncCommand } from './slack-command';

/**
 * Drives a server's Slack endpoint with autocannon, in this process: every request a freshly signed `/async`
 * with its own trigger id, so each one files a new item.
 */
export function loadAsyncCommands(port: number, secret: string, options: { connections: number; seconds: number }): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const signed = signedAsyncCommand(secret, BENCH_TEXTS[i++ % BENCH_TEXTS.length]!);
          return { ...req, body: signed.body, headers: signed.headers };
        },
      },
    ],
  });
}
