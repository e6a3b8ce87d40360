import { postDigest } from '../../src/flows/digest/post-digest';
import { OPS, startDeps, TEAM } from './digest-harness';

/**
 * A digest worker in a process of its own, for digest-crash-recovery.test.ts to kill: posts one digest and
 * prints the outcome as one JSON line. Configured through DIGEST_* variables.
 */
async function main(): Promise<void> {
  const env = process.env;
  const { app, deps } = await startDeps({
    redisUrl: env.DIGEST_REDIS_URL!,
    prefix: env.DIGEST_PREFIX!,
    slackApiUrl: env.DIGEST_SLACK_API_URL!,
    botToken: env.DIGEST_BOT_TOKEN!,
  });
  // Racing workers start posting together, however long each took to start: the parent says "go" on stdin.
  process.stdout.write('ready\n');
  if (env.DIGEST_WAIT_FOR_GO) await new Promise((resolve) => process.stdin.once('data', resolve));
  const outcome = await postDigest(
    deps,
    { team: TEAM, channel: OPS, digestId: env.DIGEST_ID!, reason: 'now' },
    { intervalMs: Number(env.DIGEST_INTERVAL_MS ?? 0), lockTtlMs: Number(env.DIGEST_LOCK_TTL_MS ?? 2000), lockWaitMs: 30_000 },
  );
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  await app.stop();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
