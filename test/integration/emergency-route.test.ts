import type { Emergency } from '../../src/core/emergency';
import { actOnEmergency } from '../../src/flows/emergency/act';
import { prepareTier } from '../../src/flows/emergency/paging';
import { providerRetryJobId } from '../../src/flows/emergency/schedule-escalation';
import { emergencyKey } from '../../src/pagers';
import { EMERGENCY_ACTIONS } from '../../src/slack/blocks/emergency-blocks';
import { ADA_PHONE, BOB_PHONE, emergencyCodeIn, escalationJob, emergencySettingsYaml, ephemeralText, eventually, startEmergencyStack, TEAM_ID, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

/**
 * Issue 6 through the real HTTP endpoint: signed /emergency requests from the sandbox driver, the real app
 * (web and workers in one process), real Redis and BullMQ, and local fakes that speak each provider's protocol.
 * Escalation timing is BullMQ's: the tests check the delayed job's delay, then promote it instead of waiting
 * 10 s, so the worker, the job and the flow are all real and only the clock is skipped.
 */

async function declare(s: EmergencyStack, text: string, user = 'bob') {
  const result = await s.driver.command(user, '#ops', '/emergency', text);
  const reply = ephemeralText(result);
  const code = emergencyCodeIn(reply);
  const e = code ? await eventually(async () => (await s.app.deps.emergencies.byCode(code)) ?? undefined, `emergency ${code} in Redis`) : undefined;
  return { result, reply, code, e };
}

async function waitForPost(s: EmergencyStack, e: Emergency): Promise<{ channel: string; ts: string }> {
  return eventually(async () => (await s.app.deps.emergencies.get(e.team, e.id))?.post, 'the emergency post');
}

describe('the emergency route', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    s = await startEmergencyStack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  describe('when someone declares with /emergency', () => {
    let declared: Awaited<ReturnType<typeof declare>>;
    beforeAll(async () => {
      declared = await declare(s, 'checkout is down for every customer');
    });

    test('pages tier 1 on every provider', async () => {
      const e = declared.e!;
      const key = emergencyKey(TEAM_ID, e.id);
      const mine = (m: Record<string, string>) => (m.Body ?? m.Twiml ?? '').includes(e.code.split('').join(' ')) || (m.Body ?? '').includes(e.code);
      await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.filter(mine).length === 1 && twilioTo(s.providers, ADA_PHONE).calls.filter(mine).length === 1, 'SMS and call to ada');
      await eventually(() => s.providers.pagerduty.events().some((ev) => ev.event_action === 'trigger' && ev.dedup_key === key), 'PagerDuty trigger');
      await eventually(() => s.providers.opsgenie.alerts().get(key), 'Opsgenie alert');
      await eventually(() => s.providers.webhook.deliveries().some((d) => d.body.type === 'emergency.page' && d.body.data.emergency_id === e.id && d.body.data.target.slack === 'U0ADA'), 'webhook page');
      await eventually(() => s.driver.dmsTo('ada').some((m) => m.text?.includes(`QUADRANT EMERGENCY ${e.code}`)), 'Slack DM to ada');
      expect(twilioTo(s.providers, ADA_PHONE).sms.find(mine)!.Body).toContain(`ACK ${e.code}`);
      // Tier 2 waits for the ack timeout.
      expect(twilioTo(s.providers, BOB_PHONE).sms.filter(mine)).toHaveLength(0);
      expect([...s.providers.twilio.validationFailures(), ...s.providers.pagerduty.validationFailures(), ...s.providers.opsgenie.validationFailures(), ...s.providers.webhook.validationFailures()]).toEqual([]);
    });

    test('tells the reporter who is paged and how', () => {
      expect(declared.reply).toContain('<@U0ADA>');
      for (const how of ['SMS', 'phone call', 'PagerDuty', 'Opsgenie', 'webhook', 'Slack DM']) expect(declared.reply).toContain(how);
    });

    test('posts to the emergency channel with Acknowledge, Resolve, Escalate and Not-an-emergency buttons', async () => {
      const post = await waitForPost(s, declared.e!);
      expect(post.channel).toBe('C0EMERG');
      const message = s.driver.messagesIn('#emergencies').find((m) => m.ts === post.ts)!;
      const actions = JSON.stringify(message.blocks);
      for (const id of Object.values(EMERGENCY_ACTIONS).filter((a) => a !== EMERGENCY_ACTIONS.moveToDigest)) expect(actions).toContain(id);
    });

    test('asks for confirmation before Resolve and Not an emergency', async () => {
      const post = await waitForPost(s, declared.e!);
      const message = s.driver.messagesIn('#emergencies').find((m) => m.ts === post.ts)!;
      const buttons = (message.blocks ?? []).flatMap((b) => ((b as { elements?: Array<Record<string, unknown>> }).elements ?? []));
      const confirmOf = (id: string) => buttons.find((b) => b.action_id === id)?.confirm;
      expect(confirmOf(EMERGENCY_ACTIONS.resolve)).toBeDefined();
      expect(confirmOf(EMERGENCY_ACTIONS.notEmergency)).toBeDefined();
    });

    test('schedules tier 2 one ack timeout later', async () => {
      const job = await eventually(() => escalationJob(s, declared.e!, 1), 'the escalation job');
      expect(await job.getState()).toBe('delayed');
      expect(job.opts.delay).toBe(10_000);
    });
  });

  describe('when nobody acknowledges within the ack timeout', () => {
    test('pages tier 2 through the per-person providers', async () => {
      const { e } = await declare(s, 'payments API returns 502');
      const job = await eventually(() => escalationJob(s, e!, 1), 'the escalation job');
      await job.promote();
      await eventually(() => twilioTo(s.providers, BOB_PHONE).sms.some((m) => m.Body?.includes(e!.code)), 'SMS to bob');
      await eventually(() => twilioTo(s.providers, BOB_PHONE).calls.length === 1, 'call to bob');
      await eventually(() => s.driver.dmsTo('bob').some((m) => m.text?.includes(e!.code)), 'Slack DM to bob');
      const post = await waitForPost(s, e!);
      await eventually(() => s.driver.threadOf('#emergencies', post.ts).some((m) => m.text?.includes('escalating to tier 2')), 'the escalation in the thread');
      // PagerDuty and Opsgenie run their own escalation: one trigger per emergency.
      expect(s.providers.pagerduty.events().filter((ev) => ev.event_action === 'trigger' && ev.dedup_key === emergencyKey(TEAM_ID, e!.id))).toHaveLength(1);
      await eventually(() => escalationJob(s, e!, 2), 'the next step (the last tier again)');
    });
  });

  describe('when an emergency worker dies', () => {
    test('a step it claimed but did not finish paging is paged by the next run of the job', async () => {
      const { e } = await declare(s, 'replication lag is growing');
      const job = await eventually(() => escalationJob(s, e!, 1), 'the escalation job');
      // The dead worker got as far as claiming step 1; BullMQ hands the stalled job to another worker.
      expect((await s.app.deps.emergencies.claimStep(TEAM_ID, e!.id, 1))?.ok).toBe(true);
      await job.promote();
      await eventually(() => twilioTo(s.providers, BOB_PHONE).sms.some((m) => m.Body?.includes(e!.code)), 'the SMS to tier 2');
      await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, e!.id))?.stepPaged === true, 'the step marked paged');
    });
  });

  describe('when someone acknowledges', () => {
    test('stops escalation, updates the message and tells PagerDuty and Opsgenie', async () => {
      const { e } = await declare(s, 'login fails with 500');
      const post = await waitForPost(s, e!);
      await eventually(() => escalationJob(s, e!, 1), 'the escalation job');
      await s.driver.clickButton('ada', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.acknowledge);
      await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, e!.id))?.status === 'acknowledged', 'acknowledged in Redis');
      expect(await escalationJob(s, e!, 1)).toBeUndefined();
      const key = emergencyKey(TEAM_ID, e!.id);
      await eventually(() => s.providers.pagerduty.alerts().get(key)?.status === 'acknowledged', 'PagerDuty acknowledged');
      await eventually(() => s.providers.opsgenie.alerts().get(key)?.status === 'acked', 'Opsgenie acknowledged');
      await eventually(() => JSON.stringify(s.driver.messagesIn('#emergencies').find((m) => m.ts === post.ts)?.blocks).includes('acknowledged by <@U0ADA>'), 'the message shows it');
    });

    /** Declares, waits for its voice calls to be placed and remembered, and returns their sids. */
    async function declareWithCalls(text: string) {
      const before = new Set(s.providers.twilio.callSids());
      const declared = await declare(s, text);
      const e = declared.e!;
      const sids = await eventually(async () => {
        const remembered = await s.app.deps.redis.smembers(s.app.deps.keys.emergencyCalls(TEAM_ID, e.id));
        const placed = s.providers.twilio.callSids().filter((sid) => !before.has(sid));
        return placed.length > 0 && remembered.length === placed.length ? placed : undefined;
      }, 'the voice calls placed and remembered');
      return { e, post: await waitForPost(s, e), sids };
    }

    test('stops the phones still ringing', async () => {
      const { e, post, sids } = await declareWithCalls('the api gateway returns 502 for everyone');
      expect(sids.every((sid) => s.providers.twilio.callStatus(sid) === 'queued')).toBe(true);
      await s.driver.clickButton('ada', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.acknowledge);
      await eventually(() => sids.every((sid) => s.providers.twilio.callStatus(sid) === 'canceled'), 'every call canceled');
      expect(s.providers.twilio.callUpdates().filter((u) => sids.includes(u.sid)).map((u) => u.Status)).toEqual(sids.map(() => 'canceled'));
      expect(await s.app.deps.emergencies.get(TEAM_ID, e.id)).toMatchObject({ status: 'acknowledged' });
      expect(s.providers.twilio.validationFailures()).toEqual([]);
    });

    test('resolving after the acknowledgement asks Twilio about no call again', async () => {
      const { e, post, sids } = await declareWithCalls('search returns nothing for anyone');
      await s.driver.clickButton('ada', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.acknowledge);
      await eventually(() => sids.every((sid) => s.providers.twilio.callStatus(sid) === 'canceled'), 'every call canceled');
      const updates = s.providers.twilio.callUpdates().length;
      const resolved = await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'resolve', 'U0ADA');
      await (resolved.ok ? resolved.followedUp : undefined);
      expect(s.providers.twilio.callUpdates()).toHaveLength(updates);
    });

    test('a call placed while the emergency was being acknowledged is stopped too', async () => {
      // Retries stop at the acknowledgement, but an attempt already under way still places its call: here the
      // tier is sent after the click, as an attempt that began just before it would land.
      const { e } = await declare(s, 'the status page itself is down');
      const post = await waitForPost(s, e!);
      await s.driver.clickButton('ada', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.acknowledge);
      const acked = await eventually(async () => {
        const current = await s.app.deps.emergencies.get(TEAM_ID, e!.id);
        return current?.status === 'acknowledged' && current;
      }, 'acknowledged');
      const before = new Set(s.providers.twilio.callSids());
      const tier = await prepareTier(s.app.deps, acked, await s.app.deps.settings.get(TEAM_ID), 0);
      await tier.send(() => undefined);
      const late = await eventually(() => s.providers.twilio.callSids().find((sid) => !before.has(sid)), 'the late call');
      await eventually(() => s.providers.twilio.callStatus(late) === 'canceled', 'the late call canceled');
      expect(s.providers.twilio.callUpdates().filter((u) => u.sid === late)).toHaveLength(1);
    });

    test('a call Twilio would not cancel at the acknowledgement is canceled by the resolve', async () => {
      const { e, sids } = await declareWithCalls('the nightly export is stuck');
      s.providers.twilio.setMode('unauthorized');
      const acked = await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'acknowledge', 'U0ADA');
      await (acked.ok ? acked.followedUp : undefined);
      s.providers.twilio.setMode('ok');
      expect(sids.map((sid) => s.providers.twilio.callStatus(sid))).toEqual(sids.map(() => 'queued'));
      expect((await s.app.deps.redis.smembers(s.app.deps.keys.emergencyCalls(TEAM_ID, e.id))).sort()).toEqual([...sids].sort());
      const resolved = await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'resolve', 'U0ADA');
      await (resolved.ok ? resolved.followedUp : undefined);
      expect(sids.map((sid) => s.providers.twilio.callStatus(sid))).toEqual(sids.map(() => 'canceled'));
    });

    test('a call for an emergency not stored yet (declared while Redis was away) is not taken for acknowledged', async () => {
      const { e } = await declare(s, 'the warehouse scanners are offline');
      const ghost = { ...e!, id: `${e!.id}-journalled` };
      const before = new Set(s.providers.twilio.callSids());
      const tier = await prepareTier(s.app.deps, ghost, await s.app.deps.settings.get(TEAM_ID), 0);
      await tier.send(() => undefined);
      const [sid] = await eventually(async () => {
        const remembered = await s.app.deps.redis.smembers(s.app.deps.keys.emergencyCalls(TEAM_ID, ghost.id));
        return remembered.length > 0 && remembered;
      }, 'the journalled emergency’s call remembered');
      expect(before.has(sid!)).toBe(false);
      await new Promise((r) => setTimeout(r, 200));
      expect(s.providers.twilio.callStatus(sid!)).toBe('queued');
      expect(s.providers.twilio.callUpdates().filter((u) => u.sid === sid)).toEqual([]);
    });

    test('lets a call someone already answered play to its end', async () => {
      const { post, sids } = await declareWithCalls('orders are stuck in the queue');
      for (const sid of sids) s.providers.twilio.answerCall(sid);
      await s.driver.clickButton('ada', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.acknowledge);
      await eventually(() => s.providers.twilio.callUpdates().filter((u) => sids.includes(u.sid)).length === sids.length, 'the cancel requests');
      expect(sids.map((sid) => s.providers.twilio.callStatus(sid))).toEqual(sids.map(() => 'in-progress'));
    });

    test('an escalation job that fires anyway pages nobody', async () => {
      const { e } = await declare(s, 'search is down');
      await waitForPost(s, e!);
      await s.app.deps.emergencies.apply(TEAM_ID, e!.id, 'acknowledge', 'U0ADA', Date.now());
      const before = s.providers.twilio.requests.length;
      // As if the delayed job had been taken by a worker just before the acknowledgement removed it.
      const job = await s.app.deps.queues.emergency.add('escalate', { team: TEAM_ID, id: e!.id, step: 1 }, { jobId: `late-${e!.id}` });
      await eventually(async () => (await job.getState()) === 'completed', 'the late job to finish');
      expect((await s.app.deps.queues.emergency.getJob(job.id!))?.returnvalue).toBe('not paging (acknowledged)');
      expect(s.providers.twilio.requests.length).toBe(before);
    });

    test('a double click acknowledges once and tells PagerDuty once', async () => {
      const { e } = await declare(s, 'queue consumers are stuck');
      const post = await waitForPost(s, e!);
      const target = { channel: '#emergencies', ts: post.ts };
      const first = s.driver.clickButton('ada', target, EMERGENCY_ACTIONS.acknowledge);
      const second = s.driver.clickButton('bob', target, EMERGENCY_ACTIONS.acknowledge);
      await Promise.all([first, second]);
      const key = emergencyKey(TEAM_ID, e!.id);
      await eventually(() => s.providers.pagerduty.alerts().get(key)?.status === 'acknowledged', 'PagerDuty acknowledged');
      await eventually(async () => (await s.app.deps.emergencies.timeline(TEAM_ID, e!.id)).some((t) => t.kind === 'acknowledge'), 'the timeline entry');
      const acks = s.providers.pagerduty.events().filter((ev) => ev.event_action === 'acknowledge' && ev.dedup_key === key);
      expect(acks).toHaveLength(1);
      expect((await s.app.deps.emergencies.timeline(TEAM_ID, e!.id)).filter((t) => t.kind === 'acknowledge')).toHaveLength(1);
    });
  });

  describe('when someone resolves', () => {
    test('resolves the PagerDuty alert and closes the Opsgenie one', async () => {
      const { e } = await declare(s, 'data export leaks other customers rows');
      const post = await waitForPost(s, e!);
      await s.driver.clickButton('ada', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.resolve);
      const key = emergencyKey(TEAM_ID, e!.id);
      await eventually(() => s.providers.pagerduty.events().some((ev) => ev.event_action === 'resolve' && ev.dedup_key === key), 'PagerDuty resolve');
      await eventually(() => s.providers.opsgenie.alerts().get(key)?.status === 'closed', 'Opsgenie close');
      expect((await s.app.deps.emergencies.get(TEAM_ID, e!.id))?.status).toBe('resolved');
      expect(await escalationJob(s, e!, 1)).toBeUndefined();
      // The code is free again and no longer answers SMS replies.
      expect(await s.app.deps.emergencies.byCode(e!.code)).toBeUndefined();
    });
  });

  describe('exactly once', () => {
    beforeEach(() => s.providers.reset());

    test("Slack's retry of the same command (X-Slack-Retry-Num) pages once", async () => {
      const { result, e } = await declare(s, 'the VPN concentrator is down');
      const retry = await s.driver.redeliver(result.delivery, { num: 1, reason: 'http_timeout' });
      expect(retry.status).toBe(200);
      expect(String((retry.json as { text?: string })?.text)).toContain('already declared');
      const again = await s.driver.redeliver(result.delivery, { num: 2, reason: 'http_timeout' });
      expect(again.status).toBe(200);
      await eventually(() => twilioTo(s.providers, ADA_PHONE).calls.length >= 1, 'the call');
      await waitForPost(s, e!);
      expect(twilioTo(s.providers, ADA_PHONE).sms.filter((m) => m.Body?.includes(e!.code))).toHaveLength(1);
      expect(s.providers.pagerduty.events().filter((ev) => ev.event_action === 'trigger')).toHaveLength(1);
      expect((await s.app.deps.emergencies.listOpen(TEAM_ID)).filter((x) => x.text === e!.text)).toHaveLength(1);
    });

    test('the same request delivered twice at once pages once', async () => {
      const { result, e } = await declare(s, 'DNS resolution fails everywhere');
      await Promise.all([s.driver.redeliver(result.delivery, { num: 1 }), s.driver.redeliver(result.delivery, { num: 2 })]);
      await waitForPost(s, e!);
      expect(twilioTo(s.providers, ADA_PHONE).sms.filter((m) => m.Body?.includes(e!.code))).toHaveLength(1);
    });

    test('a double-submitted emergency form pages once', async () => {
      const opened = await s.driver.command('bob', '#ops', '/emergency', '');
      expect(opened.delivery.status).toBe(200);
      const modal = await eventually(() => s.driver.openModal('bob'), 'the emergency form');
      const submit = await s.driver.submitView('bob', modal.id, { text: 'warehouse scanners cannot sync' });
      await s.driver.redeliver(submit.delivery, { num: 1 });
      await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.length >= 1, 'the SMS');
      const open = (await s.app.deps.emergencies.listOpen(TEAM_ID)).filter((x) => x.text === 'warehouse scanners cannot sync');
      expect(open).toHaveLength(1);
      await waitForPost(s, open[0]!);
      expect(twilioTo(s.providers, ADA_PHONE).sms).toHaveLength(1);
    });

    test('two people declaring with the same words are two emergencies', async () => {
      const first = await declare(s, 'the office is flooding', 'bob');
      const second = await declare(s, 'the office is flooding', 'cat');
      expect(first.e!.id).not.toBe(second.e!.id);
      expect(first.e!.code).not.toBe(second.e!.code);
      await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.length === 2, 'two SMS to ada');
    });
  });

  describe('when providers misbehave', () => {
    beforeEach(() => s.providers.reset());

    test('a provider answering 500 or hanging does not delay the rest', async () => {
      s.providers.pagerduty.setMode('hang');
      s.providers.twilio.setMode('fail500');
      try {
        const { reply, e } = await declare(s, 'the CDN serves stale assets');
        // The ack came back while PagerDuty still hangs and Twilio is failing.
        expect(reply).toContain('PagerDuty');
        await eventually(() => s.providers.opsgenie.alerts().get(emergencyKey(TEAM_ID, e!.id)), 'Opsgenie alert');
        await eventually(() => s.providers.webhook.deliveries().some((d) => d.body.data?.emergency_id === e!.id), 'webhook page');
        await eventually(() => s.driver.dmsTo('ada').some((m) => m.text?.includes(e!.code)), 'Slack DM');
        const timeline = await eventually(async () => {
          const t = await s.app.deps.emergencies.timeline(TEAM_ID, e!.id);
          return t.some((x) => x.kind === 'paged' && x.text.includes('Opsgenie')) && t;
        }, 'Opsgenie in the timeline');
        // PagerDuty has neither succeeded nor given up yet: the others did not wait for it.
        expect(timeline.some((x) => (x.kind === 'paged' || x.kind === 'page_failed') && x.text.includes('PagerDuty'))).toBe(false);
        expect(s.providers.pagerduty.requests.length).toBeGreaterThan(0);
      } finally {
        s.providers.pagerduty.setMode('ok');
        s.providers.twilio.setMode('ok');
      }
    });

    test('says loudly in the channel and DMs the admins when every provider fails', async () => {
      for (const fake of [s.providers.twilio, s.providers.pagerduty, s.providers.opsgenie, s.providers.webhook]) fake.setMode('unauthorized');
      // The DM page to ada fails too (one conversations.open); the DM to the admins afterwards goes through.
      s.slack.failMethod('conversations.open', 'invalid_auth', 1);
      try {
        const { e } = await declare(s, 'all paging is broken and prod is down');
        const post = await waitForPost(s, e!);
        await eventually(() => s.driver.messagesIn('#emergencies').some((m) => m.thread_ts === post.ts && m.text?.includes('Every page')), 'the broadcast in the channel');
        await eventually(() => s.driver.dmsTo('ada').some((m) => m.text?.includes('every page failed')), 'the DM to the admin');
      } finally {
        for (const fake of [s.providers.twilio, s.providers.pagerduty, s.providers.opsgenie, s.providers.webhook]) fake.setMode('ok');
        s.slack.clearFaults();
      }
    });
  });

  test('when every page failed but PagerDuty is tried again from the queue, the channel hears "not yet", not "every page failed"', async () => {
    for (const fake of [s.providers.twilio, s.providers.opsgenie, s.providers.webhook]) fake.setMode('unauthorized');
    // The first try and the declaration's three retries are rate limited; the next try waits in the queue.
    s.providers.pagerduty.setMode('status429', { times: 4 });
    s.slack.failMethod('conversations.open', 'invalid_auth', 1);
    try {
      const { e } = await declare(s, 'every card payment is declined at checkout');
      const post = await waitForPost(s, e!);
      const broadcast = await eventually(() => s.driver.messagesIn('#emergencies').find((m) => m.thread_ts === post.ts && m.text?.includes(`No page for emergency ${e!.code}`)), 'the broadcast in the channel');
      expect(broadcast.text).toContain('has got through yet.* PagerDuty is being tried again; call the on-call directly meanwhile.');
      await eventually(() => s.driver.dmsTo('ada').some((m) => m.text?.includes('no page has got through yet (PagerDuty is being tried again)')), 'the DM to the admin');
      expect(s.driver.messagesIn('#emergencies').some((m) => m.thread_ts === post.ts && m.text?.includes('Every page'))).toBe(false);
      await s.app.deps.queues.emergency.remove(providerRetryJobId(e!, 'pagerduty', 1));
    } finally {
      for (const fake of [s.providers.twilio, s.providers.pagerduty, s.providers.opsgenie, s.providers.webhook]) fake.setMode('ok');
      s.slack.clearFaults();
    }
  });

  test('phone numbers and provider keys never appear in the logs', () => {
    const logs = s.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [ADA_PHONE, BOB_PHONE, s.env.TWILIO_AUTH_TOKEN!, s.env.TWILIO_ACCOUNT_SID!, s.env.PAGERDUTY_ROUTING_KEY!, s.env.OPSGENIE_API_KEY!, s.env.PAGER_WEBHOOK_SECRET!, s.secrets.apiToken]) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('when the emergency channel cannot be posted to', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    s = await startEmergencyStack({ settingsYaml: emergencySettingsYaml({ channel: 'C0GONE' }) });
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('still pages, and DMs the admins', async () => {
    const { e } = await declare(s, 'the database is read-only');
    await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.some((m) => m.Body?.includes(e!.code)), 'the SMS');
    await eventually(() => s.driver.dmsTo('ada').some((m) => m.text?.includes('could not be posted')), 'the DM to the admin');
    expect((await s.app.deps.emergencies.get(TEAM_ID, e!.id))?.post).toBeUndefined();
  });
});

describe('when the process restarts before the ack timeout', () => {
  test('the escalation job survives and the next process pages tier 2', async () => {
    const prefix = `qe-restart-${Date.now().toString(36)}`;
    const first = await startEmergencyStack({ prefix, keepRedisKeys: true });
    let e: Emergency | undefined;
    try {
      ({ e } = await declare(first, 'the message broker lost its disk'));
      await waitForPost(first, e!);
      expect(await (await escalationJob(first, e!, 1))?.getState()).toBe('delayed');
    } finally {
      await first.stop();
    }
    const second = await startEmergencyStack({ prefix });
    try {
      const job = await eventually(() => escalationJob(second, e!, 1), 'the escalation job after the restart');
      await job.promote();
      await eventually(() => twilioTo(second.providers, BOB_PHONE).sms.some((m) => m.Body?.includes(e!.code)), 'the SMS to tier 2 from the new process');
    } finally {
      await second.stop();
    }
  });
});
