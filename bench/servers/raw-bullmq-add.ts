// Raw BullMQ: how many of the same payloads one process can `add` with 10 in flight, for the intake ratio.
import { Queue } from 'bullmq';
import { bullConnectionOptions } from '../../src/redis';
import { BENCH_TEXTS } from '../lib/slack-command';

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 4);
  const queue = new Queue('raw-intake', { connection: bullConnectionOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), prefix: process.env.BENCH_PREFIX ?? 'bench-raw' });
  const payload = { team: 'T0BENCH', author: 'U0BENCH1', channel: 'C0OPS', text: BENCH_TEXTS[0], source: 'command' };
  const deadline = Date.now() + seconds * 1000;
  let added = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < deadline) {
        await queue.add('item', payload, { removeOnComplete: true });
        added++;
      }
    }),
  );
  await queue.obliterate({ force: true });
  await queue.close();
  process.stdout.write(`${JSON.stringify({ perSecond: added / seconds })}\n`);
}

void main();
