import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseEnv } from '../../src/config/env';
import type { SettingsInput } from '../../src/config/settings';
import type { Item } from '../../src/core/item';
import { PRIORITIES, type Priority } from '../../src/core/priority';
import type { Deps } from '../../src/deps';
import { createLogger } from '../../src/log';
import { startQuadrant, type RunningQuadrant } from '../../src/main';
import { FakeSlack, type RecordedCall } from '../../sandbox/fake-slack';
import { Workspace } from '../../sandbox/workspace';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';
import { SLACK_REFERENCE_DIR } from '../helpers/slack-reference';

/**
 * Shared by the digest integration tests (and the crash test's child process): the real composition root in
 * its web role (so no worker takes jobs the test means to run itself), on real Redis under a prefix of its
 * own, against the sandbox's fake Slack in strict mode (unknown arguments and invalid blocks are refused).
 */

export const TEAM = 'T0SANDBOX';
export const OPS = 'C0OPS';
export const HUB = 'C0HUB';
export const TIMEZONE = 'Europe/Budapest';
export const METHODS_INDEX = path.join(SLACK_REFERENCE_DIR, 'web-api', 'methods-index.json');

export const OPS_SETTINGS: SettingsInput = {
  timezone: TIMEZONE,
  admins: ['U0ADA'],
  channels: {
    C0OPS: { area: 'daily_operations', digest: { at: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } },
    C0HUB: { area: 'deep_work', hub: true },
  },
};

export interface DigestWorld {
  deps: Deps;
  slack: FakeSlack;
  app: RunningQuadrant;
  prefix: string;
  redisUrl: string;
  botToken: string;
  logs: string[];
  /** The clock deps.now() and the fake Slack read, when the world was started with one. */
  clock: { now: number };
  /** Advances the clock instead of waiting: pacing and Retry-After pass instantly but still in order. */
  sleep(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export interface WorldOptions {
  redisUrl?: string;
  prefix?: string;
  settings?: SettingsInput;
  /** A fixed start time: deps.now() and the fake Slack follow `clock` instead of the wall clock. */
  now?: number;
  /** Reuse a running fake (the crash test's parent owns it). */
  slack?: FakeSlack;
  botToken?: string;
}

export interface DepsOptions {
  redisUrl: string;
  prefix: string;
  slackApiUrl: string;
  botToken: string;
  now?: () => number;
  /** Stored as the team's settings; a child process leaves the parent's in place. */
  settings?: SettingsInput;
}

/** The real composition root in its web role: a Deps exactly as production builds it, and no worker. */
export async function startDeps(options: DepsOptions): Promise<{ app: RunningQuadrant; deps: Deps; logs: string[] }> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const env = parseEnv({
    SLACK_BOT_TOKEN: options.botToken,
    SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
    SLACK_API_URL: options.slackApiUrl,
    REDIS_URL: options.redisUrl,
    QUADRANT_REDIS_PREFIX: options.prefix,
    PORT: '0',
  });
  const app = await startQuadrant({ env, role: 'web', logger: createLogger({ level: 'debug', pretty: false }, sink), now: options.now });
  if (options.settings) {
    const outcome = await app.deps.settings.set(TEAM, options.settings, 'U0ADA');
    if (!outcome.ok) throw new Error(`bad test settings: ${JSON.stringify(outcome.issues)}`);
  }
  return { app, deps: app.deps, logs };
}

export async function startDigestWorld(options: WorldOptions = {}): Promise<DigestWorld> {
  const clock = { now: options.now ?? Date.now() };
  const fixedClock = options.now !== undefined;
  const now = fixedClock ? () => clock.now : Date.now;
  const botToken = options.botToken ?? `xoxb-digest-${randomBytes(6).toString('hex')}`;
  const slack =
    options.slack ?? (await FakeSlack.start({ botToken, strictIndexPath: METHODS_INDEX, workspace: new Workspace({ now, timezone: TIMEZONE }) }));
  const prefix = options.prefix ?? testPrefix('qt-digest');
  const redisUrl = options.redisUrl ?? testRedisUrl();
  const { app, deps, logs } = await startDeps({ redisUrl, prefix, slackApiUrl: slack.apiUrl, botToken, now, settings: options.settings ?? OPS_SETTINGS });
  return {
    deps,
    slack,
    app,
    prefix,
    redisUrl,
    botToken,
    logs,
    clock,
    async sleep(ms) {
      if (fixedClock) clock.now += ms;
      else await new Promise((resolve) => setTimeout(resolve, ms));
    },
    async stop() {
      await deps.queues.digest.obliterate({ force: true }).catch(() => undefined);
      await app.stop();
      if (!options.slack) await slack.stop();
      await deletePrefix(prefix, redisUrl);
    },
  };
}

/** An open item routed to `channel`'s digest, stored directly (the tests choose priorities and texts exactly). */
export function makeItem(id: string, priority: Priority, at: number, extra: Partial<Item> = {}): Item {
  return {
    id,
    team: TEAM,
    area: 'daily_operations',
    priority,
    text: `text of ${id}`,
    author: 'U0BOB',
    channel: OPS,
    digestChannel: OPS,
    status: 'open',
    reasons: [],
    confidence: 0.9,
    source: 'command',
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

/** `n` items cycling through the priorities backwards (drop first), so ordering has work to do. */
export async function addItems(deps: Deps, n: number, prefix: string, at: number, extra: Partial<Item> = {}): Promise<Item[]> {
  const items = Array.from({ length: n }, (_, i) => makeItem(`${prefix}${String(i).padStart(4, '0')}`, PRIORITIES[3 - (i % 4)]!, at - (n - i) * 1000, extra));
  await Promise.all(items.map((item) => deps.items.add(item)));
  return items;
}

// ---- what the fake Slack saw

export interface SeenMessage {
  ts: string;
  threadTs?: string;
  slot?: string;
  digestId?: string;
  text: string;
  blocks: Array<Record<string, unknown>>;
  /** Item ids the message lists, read off its sections. */
  itemIds: string[];
  unfurlLinks: unknown;
}

function sectionTexts(blocks: Array<Record<string, unknown>>): string[] {
  return blocks.filter((b) => b.type === 'section').map((b) => String((b.text as { text?: string } | undefined)?.text ?? ''));
}

/** The item ids a digest reply lists: "*Do now* · `id`" for a single item, "`id` text" per item in a group. */
export function listedIds(blocks: Array<Record<string, unknown>>): string[] {
  return sectionTexts(blocks).flatMap((text) => {
    const single = /^\*[^*]+\* · `([^`]+)`/.exec(text);
    if (single) return [single[1]!];
    const grouped = /^`([^`]+)` /.exec(text);
    return grouped ? [grouped[1]!] : [];
  });
}

function seen(call: RecordedCall): SeenMessage {
  const metadata = call.args.metadata as { event_payload?: { slot?: string; digest_id?: string } } | undefined;
  const blocks = (call.args.blocks as Array<Record<string, unknown>> | undefined) ?? [];
  const response = call.response as { ts?: string };
  return {
    ts: response.ts ?? String(call.args.ts ?? ''),
    threadTs: call.args.thread_ts as string | undefined,
    slot: metadata?.event_payload?.slot,
    digestId: metadata?.event_payload?.digest_id,
    text: String(call.args.text ?? ''),
    blocks,
    itemIds: listedIds(blocks),
    unfurlLinks: call.args.unfurl_links,
  };
}

const succeeded = (call: RecordedCall) => call.status === 200 && (call.response as { ok?: boolean } | undefined)?.ok === true;

/** Messages Slack accepted (chat.postMessage), in order; only those of `digestId` when given. */
export function posted(slack: FakeSlack, digestId?: string): SeenMessage[] {
  return slack
    .callsTo('chat.postMessage')
    .filter(succeeded)
    .map(seen)
    .filter((m) => !digestId || m.digestId === digestId);
}

export function updates(slack: FakeSlack): SeenMessage[] {
  return slack.callsTo('chat.update').filter(succeeded).map(seen);
}

/** How many times each item id was posted, across every digest the fake saw. */
export function postCounts(slack: FakeSlack): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of posted(slack)) for (const id of message.itemIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
