import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Worker } from 'bullmq';
import { digestProcessors } from '../../src/flows/digest/processors';
import { createLogger } from '../../src/log';
import { bullConnectionOptions } from '../../src/redis';
import { startSandbox, type RunningSandbox } from '../../sandbox/main';
import { eventually } from '../helpers/eventually';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';
import { listedIds } from './digest-harness';

// The end-to-end promise, through the sandbox: people file items with /async, an admin runs
// `/quadrant digest now`, and the channel gets one parent with every item once in its thread. The app runs in
// its web role; this test runs the digest worker itself, with the digest processors (pacing off).

const METHODS_INDEX = path.resolve(__dirname, '../../../shared/slack/web-api/methods-index.json');
const TEXTS = [
  'can someone review the billing copy PR when you have a moment?',
  'handoff: the flaky checkout test is still open, details in the ticket',
  '<!channel> fyi the staging deploy finished, release notes are in the wiki',
  'customer acme asked for an export of their invoices by friday',
];

describe('digests through the sandbox', () => {
  let sandbox: RunningSandbox;
  let worker: Worker;
  const prefix = testPrefix('qs-digest');

  beforeAll(async () => {
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    sandbox = await startSandbox({
      env: { REDIS_URL: testRedisUrl(), QUADRANT_REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'debug', QUADRANT_SPOOL_DIR: path.join(tmpdir(), `${prefix}-spool`) },
      role: 'web',
      logger: createLogger({ level: 'debug', pretty: false }, sink),
      interactive: false,
      strictIndexPath: existsSync(METHODS_INDEX) ? METHODS_INDEX : undefined,
    });
    const processors = digestProcessors(sandbox.app.deps, { intervalMs: 0 });
    worker = new Worker('digest', (job) => processors[job.name as 'post' | 'refresh'](job), {
      connection: bullConnectionOptions(sandbox.redisUrl),
      prefix: sandbox.app.deps.keys.bullPrefix,
    });
  });
  afterAll(async () => {
    await worker.close();
    await sandbox.stop();
    await deletePrefix(prefix);
  });

  const botTopLevel = () => sandbox.driver.messagesIn('C0OPS').filter((m) => m.bot_id === sandbox.workspace.bot.botId);

  test('/async without text opens the form (within Slack\'s limits), and submitting it files the item', async () => {
    const { driver, app } = sandbox;
    const opened = await driver.command('cat', '#ops', '/async', '');
    expect(opened.delivery.status).toBe(200);
    const modal = await eventually(() => driver.openModal('cat'), 'the /async form');
    const submitted = await driver.submitView('cat', modal.id, { text: 'refresh the onboarding checklist for next month' });
    expect(submitted.delivery.status).toBe(200);
    await driver.waitFor(() => driver.ephemeralsFor('cat', 'C0OPS').find((e) => e.text.includes('refresh the onboarding checklist')), { timeoutMs: 10_000, what: 'the filed answer' });
    const mine = await app.deps.items.listByUser('T0SANDBOX', 'U0CAT');
    expect(mine.map((i) => [i.text, i.source])).toContainEqual(['refresh the onboarding checklist for next month', 'modal']);
    await app.deps.items.setStatus('T0SANDBOX', mine.find((i) => i.source === 'modal')!.id, 'done', Date.now());
  });

  test('several /async items and /quadrant digest now: one parent, every item once in its thread, harmlessly; a second digest posts nothing again; Done updates in place', async () => {
    const { driver, app } = sandbox;
    for (const text of TEXTS) await driver.command('bob', '#ops', '/async', text);
    const items = await eventually(async () => {
      const open = await app.deps.items.listOpen('T0SANDBOX', 'C0OPS');
      return open.length === TEXTS.length && open;
    }, 'the items filed');

    await driver.command('ada', '#ops', '/quadrant', 'digest now');
    const parent = await driver.waitFor(() => botTopLevel().find((m) => m.text.startsWith('Daily operations')), { timeoutMs: 15_000, what: 'the digest parent' });
    const thread = await driver.waitFor(() => {
      const replies = driver.threadOf('C0OPS', parent.ts);
      return replies.length === TEXTS.length && replies;
    }, { timeoutMs: 15_000, what: 'a reply per item' });
    const listed = thread.flatMap((m) => listedIds(m.blocks ?? []));
    expect(listed.sort()).toEqual(items.map((i) => i.id).sort());
    const everything = JSON.stringify([parent, ...thread]);
    expect(everything).not.toContain('<!channel>');
    expect(everything).toContain('@\u200Bchannel fyi the staging deploy finished');
    expect(sandbox.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === parent.ts || c.args.text === parent.text).every((c) => c.args.unfurl_links === 'false')).toBe(true);

    // A second digest now: nothing new, nothing posted.
    await driver.command('ada', '#ops', '/quadrant', 'digest now');
    await driver.waitFor(() => driver.ephemeralsFor('ada', 'C0OPS').find((e) => e.text.includes('Nothing new')), { timeoutMs: 10_000, what: 'the "nothing new" answer' });
    expect(botTopLevel()).toHaveLength(1);
    expect(driver.threadOf('C0OPS', parent.ts)).toHaveLength(TEXTS.length);

    // Done on one reply: that reply and the parent change in place; no message is added.
    const reply = thread[0]!;
    const [id] = listedIds(reply.blocks ?? []);
    await driver.clickButton('bob', { channel: 'C0OPS', ts: reply.ts }, 'item_done', { blockId: `item:${id}` });
    await driver.waitFor(() => JSON.stringify(sandbox.workspace.findMessage('C0OPS', reply.ts)?.blocks).includes(':white_check_mark: done'), { timeoutMs: 15_000, what: 'the reply marked done' });
    await driver.waitFor(() => JSON.stringify(sandbox.workspace.findMessage('C0OPS', parent.ts)?.blocks).includes('1 done since this digest was posted'), { timeoutMs: 15_000, what: 'the parent counting it' });
    expect(botTopLevel()).toHaveLength(1);
    expect(driver.threadOf('C0OPS', parent.ts)).toHaveLength(TEXTS.length);
    expect(sandbox.slack.violations).toEqual([]);
  }, 60_000);
});
