/**
 * How long does posting a 60-item digest take against a Slack that allows one message a second per channel
 * (and answers 429 with Retry-After beyond it)? The ideal is 61 s: a parent and 60 replies at one a second.
 * Baseline: a bare loop posting 61 plain messages through a WebClient, each one second after the previous
 * answer, waiting out any 429 (the least any poster must spend). Candidate: postDigest on 60 open items
 * (plan, claims, Block Kit, progress records in Redis, reconciliation marks). Real clock, real Redis, the
 * sandbox's fake Slack over HTTP; rounds alternate baseline and candidate. Every round checks that each item
 * was posted exactly once.
 */
import { deleteMatching } from '../src/flows/admin/scan-keys';
import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { parseEnv } from '../src/config/env';
import type { Item } from '../src/core/item';
import { PRIORITIES } from '../src/core/priority';
import { postDigest } from '../src/flows/digest/post-digest';
import { retryAfterMs } from '../src/flows/digest/slack-calls';
import { createLogger } from '../src/log';
import { startQuadrant } from '../src/main';
import { FakeSlack } from '../sandbox/fake-slack';
import { BENCH_TEXTS } from './lib/slack-command';
import { emit, median, spread } from './lib/stats';

const ITEMS = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IDEAL_S = ITEMS + 1;
const GOAL_RATIO = 1.2;
const TEAM = 'T0SANDBOX';
const CHANNEL = 'C0OPS';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Round {
  seconds: number;
  rateLimited: number;
  /** Messages Slack accepted. */
  messages: number;
}

async function main(): Promise<void> {
  const botToken = `xoxb-bench-${randomBytes(4).toString('hex')}`;
  const slack = await FakeSlack.start({ botToken });
  slack.setRateLimit('chat.postMessage', { limit: 1, per: 'channel', windowMs: 1000 });
  const prefix = `bench-digest-${randomBytes(3).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const env = parseEnv({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'), SLACK_API_URL: slack.apiUrl, REDIS_URL: redisUrl, QUADRANT_REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'silent' });
  const app = await startQuadrant({ env, role: 'web', logger: createLogger({ level: 'silent', pretty: false }) });
  const { deps } = app;
  const plain = new WebClient(botToken, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  const rateLimited = () => slack.callsTo('chat.postMessage').filter((c) => c.status === 429).length;
  const accepted = () => slack.callsTo('chat.postMessage').filter((c) => c.status === 200).length;
  const problems: string[] = [];

  async function baselineRound(): Promise<Round> {
    const before = rateLimited();
    const sent = accepted();
    const start = performance.now();
    let parent: string | undefined;
    for (let i = 0; i <= ITEMS; i++) {
      for (;;) {
        try {
          const res = await plain.chat.postMessage({ channel: CHANNEL, text: BENCH_TEXTS[i % BENCH_TEXTS.length]!, thread_ts: parent, unfurl_links: false });
          parent ??= res.ts;
          break;
        } catch (err) {
          const wait = retryAfterMs(err);
          if (wait === undefined) throw err;
          await sleep(wait);
        }
      }
      if (i < ITEMS) await sleep(1000);
    }
    return { seconds: (performance.now() - start) / 1000, rateLimited: rateLimited() - before, messages: accepted() - sent };
  }

  async function candidateRound(round: number): Promise<Round> {
    const at = Date.now();
    const items: Item[] = Array.from({ length: ITEMS }, (_, i) => ({
      id: `b${round}x${String(i).padStart(3, '0')}`,
      team: TEAM,
      area: 'daily_operations',
      priority: PRIORITIES[i % 4]!,
      text: BENCH_TEXTS[i % BENCH_TEXTS.length]!,
      author: 'U0BOB',
      channel: CHANNEL,
      digestChannel: CHANNEL,
      status: 'open',
      reasons: [],
      confidence: 0.8,
      source: 'command',
      createdAt: at - i * 60_000,
      updatedAt: at,
    }));
    await Promise.all(items.map((item) => deps.items.add(item)));
    const digestId = `bench-${round}`;
    const before = rateLimited();
    const sent = accepted();
    const start = performance.now();
    const outcome = await postDigest(deps, { team: TEAM, channel: CHANNEL, digestId, reason: 'now' });
    const seconds = (performance.now() - start) / 1000;
    // Exactly once: every item in one accepted reply of this digest, none twice.
    const listed = slack
      .callsTo('chat.postMessage')
      .filter((c) => c.status === 200 && (c.args.metadata as { event_payload?: { digest_id?: string } } | undefined)?.event_payload?.digest_id === digestId)
      .flatMap((c) => (c.args.blocks as Array<{ type: string; block_id?: string }>).filter((b) => b.type === 'actions').map((b) => b.block_id));
    const unique = new Set(listed);
    if (outcome.status !== 'posted' || listed.length !== ITEMS || unique.size !== ITEMS) problems.push(`round ${round}: ${outcome.status}, ${listed.length} posted, ${unique.size} distinct`);
    return { seconds, rateLimited: rateLimited() - before, messages: accepted() - sent };
  }

  const base: Round[] = [];
  const cand: Round[] = [];
  try {
    await deps.settings.set(TEAM, { timezone: 'Europe/Budapest', channels: { [CHANNEL]: { area: 'daily_operations', digest: { at: '09:00' } } } }, 'U0BENCH');
    for (let round = 0; round < ROUNDS; round++) {
      base.push(await baselineRound());
      await sleep(1100);
      cand.push(await candidateRound(round));
      await sleep(1100);
    }
  } finally {
    await app.stop();
    await slack.stop();
    const redis = new Redis(redisUrl);
    await deleteMatching(redis, `${prefix}:*`);
    redis.disconnect();
  }

  const candidate = median(cand.map((r) => r.seconds));
  const ratio = candidate / IDEAL_S;
  const messages = median(cand.map((r) => r.messages));
  // Its own floor: one message a second for the messages it actually sends (items past 50 share replies).
  const ownIdeal = messages - 1;
  emit(
    'Posting a 60-item digest at one message a second',
    [
      `Wall time to post a digest of ${ITEMS} items (a parent and its threaded replies) to the sandbox's fake Slack, which allows one chat.postMessage a second per channel and answers 429 with Retry-After beyond it. ${ROUNDS} rounds alternating baseline and candidate; seconds, median (min–max).`,
      '',
      '| scenario | seconds | messages | 429s per run | ratio to ideal 61 s |',
      '|---|---|---|---|---|',
      `| baseline: bare loop of ${IDEAL_S} plain posts, 1 s apart | ${spread(base.map((r) => r.seconds), 1)} | ${spread(base.map((r) => r.messages))} | ${spread(base.map((r) => r.rateLimited))} | ${(median(base.map((r) => r.seconds)) / IDEAL_S).toFixed(3)}× |`,
      `| candidate: postDigest | ${spread(cand.map((r) => r.seconds), 1)} | ${spread(cand.map((r) => r.messages))} | ${spread(cand.map((r) => r.rateLimited))} | ${ratio.toFixed(3)}× |`,
      '',
      `The candidate sends ${messages} messages, not ${IDEAL_S}: items past the 50th share replies (a parent, 50 single-item replies, then one reply per run of same-priority items). Against its own floor (${ownIdeal} s for ${messages} messages at one a second) it takes ${(candidate / ownIdeal).toFixed(3)}×; against the bare loop, ${(candidate / median(base.map((r) => r.seconds))).toFixed(3)}×. Items lost or posted twice: ${problems.length === 0 ? 'none' : problems.join('; ')}.`,
      '',
      `Goal: at most ${GOAL_RATIO}× the ideal ${IDEAL_S} s (${(GOAL_RATIO * IDEAL_S).toFixed(1)} s), with no item lost or posted twice. ${ratio <= GOAL_RATIO && problems.length === 0 ? 'Met' : 'Not met'}.`,
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
