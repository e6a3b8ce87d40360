import type { Job } from 'bullmq';
import type { Emergency } from '../../src/core/emergency';
import { actOnEmergency } from '../../src/flows/emergency/act';
import { escalateJob } from '../../src/flows/emergency/escalate';
import { codeFor, emergencyIdFor } from '../../src/flows/emergency/ids';
import { replaySpool } from '../../src/flows/emergency/replay-spool';
import { postPendingEmergencies } from '../../src/flows/emergency/post-pending';
import { escalationJobId, providerRetryJobId, scheduleFirstTierCheck } from '../../src/flows/emergency/schedule-escalation';
import { emergencyKey } from '../../src/pagers';
import { EMERGENCY_ACTIONS } from '../../src/slack/blocks/emergency-blocks';
import { ADA_PHONE, BOB_PHONE, emergencySettingsYaml, escalationJob, eventually, startEmergencyStack, TEAM_ID, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

/**
 * Escalation when things go wrong around it: a process that dies mid-declaration, acknowledgements during
 * retries, double clicks, and the end of the plan. The real app, Redis, BullMQ and provider fakes; delayed jobs
 * are promoted instead of waited for.
 */

/** The emergency an API declaration with this idempotency key makes, as the declaration builds it (not stored). */
function apiEmergency(idempotencyKey: string, text: string): Emergency {
  const id = emergencyIdFor(TEAM_ID, `api-${idempotencyKey}`);
  return { id, team: TEAM_ID, code: codeFor(id, 0), text, severity: 'critical', reporter: 'monitoring', origin: 'api', declaredAt: Date.now(), status: 'open', step: 0, stepPaged: false };
}

describe('escalation', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    s = await startEmergencyStack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  /** Waits until `step` is the step claimed last and its pages have settled (tier 1's are marked at declaration). */
  const stepSettled = (e: Emergency, step: number, what: string) =>
    eventually(async () => {
      const current = await s.app.deps.emergencies.get(TEAM_ID, e.id);
      return current?.step === step && current.stepPaged === true;
    }, what);

  /** Runs an escalation step in this process, as a worker would run its job. */
  const escalateAgain = (e: Emergency, step: number) => escalateJob(s.app.deps, { team: TEAM_ID, id: e.id, step });

  const api = (body: unknown) =>
    fetch(`${s.publicUrl}/api/emergencies`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.secrets.apiToken}` }, body: JSON.stringify(body) });

  test('a declaration whose process died after storing the emergency still escalates when the request is retried', async () => {
    // What a crash right after the record was written leaves behind: the emergency, open at step 0, and no job.
    const key = `crash-${Date.now()}`;
    const draft = apiEmergency(key, 'the primary database is gone');
    const { id } = draft;
    const stored = await s.app.deps.emergencies.create(draft, `api-${key}`);
    expect(stored).toMatchObject({ created: true });
    expect(await escalationJob(s, draft, 1)).toBeUndefined();

    const retry = await api({ text: 'the primary database is gone', idempotency_key: key });
    expect(await retry.json()).toMatchObject({ id, duplicate: true });

    // The retry pages nobody itself (it is a duplicate), but it queues what the crash lost: the first-tier check,
    // which finds tier 1's pages never settled and pages tier 1 from a worker, and the step-1 escalation.
    const check = await eventually(() => escalationJob(s, draft, 0), 'the first-tier check');
    expect(await check.getState()).toBe('delayed');
    await check.promote();
    await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.some((m) => m.Body?.includes(draft.code)), 'the SMS to tier 1');
    await stepSettled(draft, 0, 'tier 1 marked paged');
    const timeline = await s.app.deps.emergencies.timeline(TEAM_ID, id);
    expect(timeline.find((t) => t.kind === 'escalated')?.text).toMatch(/^Tier 1's pages never finished where this was declared .* paging tier 1 again: <@U0ADA>/);

    const job = await eventually(() => escalationJob(s, draft, 1), 'the step-1 escalation job');
    expect(await job.getState()).toBe('delayed');
    await job.promote();
    await eventually(() => twilioTo(s.providers, BOB_PHONE).sms.some((m) => m.Body?.includes(draft.code)), 'the SMS to tier 2');
  });

  test('a process that died before any page went out has tier 1 paged by the first-tier check, once', async () => {
    // What a crash after the record and its jobs were stored, before any page left, leaves behind.
    const key = `no-page-${Date.now()}`;
    const draft = apiEmergency(key, 'checkout returns 502 for every shopper');
    expect(await s.app.deps.emergencies.create(draft, `api-${key}`)).toMatchObject({ created: true });
    await scheduleFirstTierCheck(s.app.deps, draft, await s.app.deps.settings.get(TEAM_ID));

    await (await escalationJob(s, draft, 0))!.promote();
    expect((await finished(s, draft, 0)).returnvalue).toBe('paged tier 1');
    expect(twilioTo(s.providers, ADA_PHONE).sms.filter((m) => m.Body?.includes(draft.code))).toHaveLength(1);
    expect(await s.app.deps.emergencies.get(TEAM_ID, draft.id)).toMatchObject({ step: 0, stepPaged: true });
    // The same job run again (a worker that crashed after paging, a replay) finds the step settled.
    expect(await escalateAgain(draft, 0)).toBe('step already paged');

    // The dead process never posted it either: the upkeep (run here, and by the app's own timer) posts it now, and
    // its thread tells what happened.
    await postPendingEmergencies(s.app.deps);
    const post = await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, draft.id))?.post, 'the emergency posted');
    await eventually(
      () => s.driver.threadOf('#emergencies', post.ts).some((m) => m.text?.includes("Tier 1's pages never finished where this was declared") && m.text.includes('paging tier 1 again')),
      'the thread telling what happened',
    );
  });

  test('a declaration that counted Redis as away, whose record and check reached Redis late, does not have tier 1 paged twice', async () => {
    // Redis answered too slowly for the declaration (it paged from memory and journalled), but the record and the
    // first-tier check landed after all. The journal says tier 1's pages settled; the replay passes that on.
    const key = `late-${Date.now()}`;
    const draft = apiEmergency(key, 'the warehouse scanners cannot reach the order service');
    expect(await s.app.deps.emergencies.create(draft, `api-${key}`)).toMatchObject({ created: true });
    await scheduleFirstTierCheck(s.app.deps, draft, await s.app.deps.settings.get(TEAM_ID));
    s.app.deps.spool.write({ emergency: { ...draft, stepPaged: true }, dedupKey: `api-${key}`, timeline: [] });
    await replaySpool(s.app.deps);
    expect(await s.app.deps.emergencies.get(TEAM_ID, draft.id)).toMatchObject({ step: 0, stepPaged: true });

    await (await escalationJob(s, draft, 0))!.promote();
    expect((await finished(s, draft, 0)).returnvalue).toBe('step already paged');
    expect(twilioTo(s.providers, ADA_PHONE).sms.filter((m) => m.Body?.includes(draft.code))).toHaveLength(0);
  });

  test('the first-tier check of a declaration that paged tier 1 pages nobody again', async () => {
    s.providers.reset();
    const e = await declared('the search cluster rejects every query');
    await stepSettled(e, 0, 'tier 1 marked paged by the declaration');
    const check = await eventually(() => escalationJob(s, e, 0), 'the first-tier check');
    expect(await check.getState()).toBe('delayed');
    await check.promote();
    expect((await finished(s, e, 0)).returnvalue).toBe('step already paged');
    expect(twilioTo(s.providers, ADA_PHONE).sms.filter((m) => m.Body?.includes(e.code))).toHaveLength(1);
  });

  test('an emergency journalled while Redis was away escalates after the replay, even if its job already ran and found nothing', async () => {
    // The declaration's job reached Redis but its record did not; the job ran, found no emergency, and finished.
    const key = `journalled-${Date.now()}`;
    const e = apiEmergency(key, 'the message bus is down');
    const { id } = e;
    const early = await s.app.deps.queues.emergency.add('escalate', { team: TEAM_ID, id, step: 1 }, { jobId: escalationJobId(e, 1) });
    await eventually(async () => (await s.app.deps.queues.emergency.getJob(early.id!))?.returnvalue === 'unknown emergency', 'the early job to find nothing');

    s.app.deps.spool.write({ emergency: e, dedupKey: `api-${key}`, timeline: [] });
    await replaySpool(s.app.deps);

    const job = await eventually(async () => {
      const found = await escalationJob(s, e, 1);
      return found && (await found.getState()) === 'delayed' && found;
    }, 'the step-1 job queued again');
    await job.promote();
    await eventually(() => twilioTo(s.providers, BOB_PHONE).sms.some((m) => m.Body?.includes(e.code)), 'the SMS to tier 2');
  });

  /** Declares through the API and waits until tier 1 has its SMS, so later requests to the fakes are tier 2's. */
  async function declared(text: string): Promise<Emergency> {
    const body = (await (await api({ text, idempotency_key: `${text}-${Date.now()}` })).json()) as { id: string };
    const e = await eventually(() => s.app.deps.emergencies.get(TEAM_ID, body.id), 'the emergency in Redis');
    await eventually(() => twilioTo(s.providers, ADA_PHONE).sms.some((m) => m.Body?.includes(e.code)), 'the SMS to tier 1');
    return e;
  }

  async function finished(s: EmergencyStack, e: Emergency, step: number): Promise<Job> {
    return eventually(async () => {
      const job = await escalationJob(s, e, step);
      return job && (await job.getState()) === 'completed' && job;
    }, `escalation step ${step} to finish`);
  }

  /** A Twilio request to Bob about this emergency (an earlier test's late call to him must not count). */
  const toBobAbout = (e: Emergency) => (r: { body: string }) => {
    const form = new URLSearchParams(r.body);
    const content = `${form.get('Body') ?? ''}${form.get('Twiml') ?? ''}`;
    return form.get('To') === BOB_PHONE && (content.includes(e.code) || content.includes(e.code.split('').join(' ')));
  };

  test('an acknowledgement while a tier-2 page is failing stops its retries', async () => {
    s.providers.reset();
    const e = await declared('payments fail for every card');
    s.providers.twilio.setMode('fail500');
    let acked: Promise<unknown> | undefined;
    // Ada acknowledges as soon as Twilio has refused the first page to Bob, while its retry is waiting.
    const stop = s.providers.twilio.onRequest((r) => {
      if (!acked && toBobAbout(e)(r)) acked = actOnEmergency(s.app.deps, TEAM_ID, e.id, 'acknowledge', 'U0ADA');
    });
    try {
      await (await eventually(() => escalationJob(s, e, 1), 'the step-1 job')).promote();
      await finished(s, e, 1);
      await acked;
      expect(s.providers.twilio.requests.filter(toBobAbout(e)).map((r) => r.path.replace(/.*\//, '')).sort()).toEqual(['Calls.json', 'Messages.json']);
      const timeline = await s.app.deps.emergencies.timeline(TEAM_ID, e.id);
      expect(timeline.filter((t) => t.kind === 'page_failed' && t.text.includes('no longer paging'))).toHaveLength(2);
      expect(timeline.some((t) => t.kind === 'all_failed')).toBe(false);
    } finally {
      stop();
      s.providers.twilio.setMode('ok');
    }
  });

  test('a PagerDuty alert refused past the declaration\'s own retries is tried again from the queue', async () => {
    s.providers.reset();
    // The first try and the three retries in the declaration all get 429.
    s.providers.pagerduty.setMode('status429', { times: 4 });
    const body = (await (await api({ text: 'the CDN is down everywhere', idempotency_key: `pd429-${Date.now()}` })).json()) as { id: string };
    const e = { team: TEAM_ID, id: body.id };
    const retry = await eventually(() => s.app.deps.queues.emergency.getJob(providerRetryJobId(e, 'pagerduty', 1)), 'the PagerDuty retry job');
    expect(await retry.getState()).toBe('delayed');
    expect(retry.opts.delay).toBe(30_000);
    await eventually(async () => (await s.app.deps.emergencies.timeline(TEAM_ID, e.id)).some((t) => t.kind === 'page_failed' && t.text.includes('PagerDuty failed: rate limited (HTTP 429); trying again in 30 s')), 'the failure and the retry in the timeline');

    await retry.promote();
    await eventually(() => s.providers.pagerduty.alerts().get(emergencyKey(TEAM_ID, e.id)), 'the PagerDuty alert');
    await eventually(async () => (await s.app.deps.emergencies.timeline(TEAM_ID, e.id)).some((t) => t.kind === 'paged' && t.text === 'Paged by PagerDuty (try 2).'), 'the late page in the timeline');
    expect(s.providers.pagerduty.requests.map((r) => r.mode)).toEqual(['status429', 'status429', 'status429', 'status429', 'ok']);
    expect(s.providers.pagerduty.validationFailures()).toEqual([]);
  });

  test('a PagerDuty retry from the queue that is refused again queues the next, and stops at an acknowledgement', async () => {
    s.providers.reset();
    s.providers.pagerduty.setMode('status429', { times: 5 });
    const body = (await (await api({ text: 'orders vanish after payment', idempotency_key: `pd429-again-${Date.now()}` })).json()) as { id: string };
    const e = { team: TEAM_ID, id: body.id };
    await (await eventually(() => s.app.deps.queues.emergency.getJob(providerRetryJobId(e, 'pagerduty', 1)), 'the first retry job')).promote();
    const second = await eventually(() => s.app.deps.queues.emergency.getJob(providerRetryJobId(e, 'pagerduty', 2)), 'the second retry job');
    expect(second.opts.delay).toBe(30_000);
    await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'acknowledge', 'U0ADA');
    const sent = s.providers.pagerduty.requests.filter((r) => JSON.parse(r.body).event_action === 'trigger').length;
    await second.promote();
    await eventually(async () => (await s.app.deps.queues.emergency.getJob(second.id!))?.returnvalue === 'not paging (acknowledged)', 'the second retry to find it acknowledged');
    expect(s.providers.pagerduty.requests.filter((r) => JSON.parse(r.body).event_action === 'trigger')).toHaveLength(sent);
  });

  test('acknowledging again after an "Escalate now" re-open is a new webhook event, not a repeat a receiver would drop', async () => {
    s.providers.reset();
    const e = await declared('the ledger writes stall for every account');
    const first = await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'acknowledge', 'U0ADA');
    await (first.ok && first.changed ? first.followedUp : undefined);
    expect(await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'escalate_now', 'U0CAT', 'slack', { seenStep: 0 })).toMatchObject({ ok: true, changed: true });
    // Acknowledged a second time, a moment later.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'acknowledge', 'U0BOB');
    await (second.ok && second.changed ? second.followedUp : undefined);
    const acks = s.providers.webhook.deliveries().filter((d) => d.body.type === 'emergency.acknowledged' && d.body.data?.emergency_id === e.id);
    expect(acks).toHaveLength(2);
    expect(new Set(acks.map((d) => d.id)).size).toBe(2);
  });

  describe('"Escalate now"', () => {
    const buttonValue = (post: { ts: string }) => {
      const message = s.driver.messagesIn('#emergencies').find((m) => m.ts === post.ts);
      const buttons = (message?.blocks ?? []).flatMap((b) => (b as { elements?: Array<Record<string, unknown>> }).elements ?? []);
      return buttons.find((b) => b.action_id === EMERGENCY_ACTIONS.escalate)?.value as string;
    };

    test('a double click escalates one tier, and the second click is told it already did', async () => {
      const e = await declared('the auth service rejects every login');
      const post = await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, e.id))?.post, 'the emergency post');
      const target = { channel: '#emergencies', ts: post.ts };
      // Both clicks come from the same rendering of the message; the second lands after the first has paged tier 2.
      const seen = buttonValue(post);
      await s.driver.clickButton('cat', target, EMERGENCY_ACTIONS.escalate, { value: seen });
      await stepSettled(e, 1, 'tier 2 paged');
      await s.driver.clickButton('cat', target, EMERGENCY_ACTIONS.escalate, { value: seen });
      await eventually(() => s.driver.ephemeralsFor('cat').some((m) => m.text?.includes('It already escalated: tier 2 is being paged')), 'the answer to the second click');
      expect(s.driver.ephemeralsFor('cat').filter((m) => m.text?.startsWith('Escalating now: tier 2 is being paged.'))).toHaveLength(1);

      expect(await s.app.deps.emergencies.get(TEAM_ID, e.id)).toMatchObject({ status: 'open', step: 1 });
      expect(await escalationJob(s, e, 2)).toMatchObject({ opts: expect.objectContaining({ delay: 10_000 }) });
      expect(await s.app.deps.queues.emergency.getJob(`${escalationJobId(e, 2)}-now`)).toBeUndefined();
      const timeline = await s.app.deps.emergencies.timeline(TEAM_ID, e.id);
      expect(timeline.filter((t) => t.kind === 'escalate_now')).toHaveLength(1);
      // The message now offers the next step.
      await eventually(() => buttonValue(post) !== seen && buttonValue(post), 'the message redrawn for step 1');
      // Someone asked: "Nobody acknowledged" would be false, and the line just above says who asked.
      expect(timeline.filter((t) => t.kind === 'escalated').map((t) => t.text)).toEqual(['Escalating to tier 2 as asked: <@U0BOB>.']);
    });

    test('on an acknowledged emergency, the thread and the message say it was re-opened and pages again', async () => {
      const e = await declared('the payment webhook queue is stuck');
      const post = await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, e.id))?.post, 'the emergency post');
      await actOnEmergency(s.app.deps, TEAM_ID, e.id, 'acknowledge', 'U0ADA');
      await eventually(() => s.driver.messagesIn('#emergencies').find((m) => m.ts === post.ts)?.blocks?.some((b) => JSON.stringify(b).includes('acknowledged by <@U0ADA>')), 'the message acknowledged');
      await s.driver.clickButton('cat', { channel: '#emergencies', ts: post.ts }, EMERGENCY_ACTIONS.escalate, { value: buttonValue(post) });
      await stepSettled(e, 1, 'tier 2 paged');

      await eventually(() => s.driver.ephemeralsFor('cat').some((m) => m.text?.includes('This re-opened it (<@U0ADA> had acknowledged)')), 'the answer to the click');
      const timeline = await s.app.deps.emergencies.timeline(TEAM_ID, e.id);
      expect(timeline.filter((t) => t.kind === 'escalated').map((t) => t.text)).toEqual([
        'Re-opened as asked, after <@U0ADA> had acknowledged: escalating to tier 2: <@U0BOB>. Escalation goes on until someone acknowledges again.',
      ]);
      const status = await eventually(() => {
        const blocks = s.driver.messagesIn('#emergencies').find((m) => m.ts === post.ts)?.blocks ?? [];
        return blocks.map((b) => JSON.stringify(b)).find((b) => b.includes('*Status:* re-opened'));
      }, 'the status line re-opened');
      expect(status).toContain('re-opened by \\"Escalate now\\" after <@U0ADA> acknowledged');
      expect(status).toContain('paging the on-call again until someone acknowledges.');
      // The timer's next step still runs, and says nobody acknowledged since.
      await (await eventually(() => escalationJob(s, e, 2), 'the step-2 job')).promote();
      await finished(s, e, 2);
      const after = await s.app.deps.emergencies.timeline(TEAM_ID, e.id);
      expect(after.filter((t) => t.kind === 'escalated').map((t) => t.text)[1]).toMatch(/^Nobody acknowledged since it was re-opened; /);
    });
  });
});

describe('after the last tier', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    // Two tiers, no repeat: step 1 pages tier 2, step 2 is the end.
    s = await startEmergencyStack({ settingsYaml: emergencySettingsYaml({ repeat: 0 }) });
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('one ack timeout after the last tier is paged, the channel is told nobody acknowledged', async () => {
    const res = await fetch(`${s.publicUrl}/api/emergencies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.secrets.apiToken}` },
      body: JSON.stringify({ text: 'the warehouse is on fire', idempotency_key: `end-${Date.now()}` }),
    });
    const { id } = (await res.json()) as { id: string };
    const e = { team: TEAM_ID, id };
    const post = await eventually(async () => (await s.app.deps.emergencies.get(TEAM_ID, id))?.post, 'the emergency post');
    await (await eventually(() => escalationJob(s, e, 1), 'the step-1 job')).promote();
    const end = await eventually(() => escalationJob(s, e, 2), 'the job after the last tier');
    expect(await end.getState()).toBe('delayed');
    expect(end.opts.delay).toBe(10_000);
    await end.promote();
    const warning = await eventually(() => s.driver.messagesIn('#emergencies').find((m) => m.thread_ts === post.ts && m.text?.includes('Escalation has run its course')), 'the warning in the channel');
    expect(warning.text).toContain('call the on-call directly');
    await eventually(async () => (await s.app.deps.queues.emergency.getJob(end.id!))?.returnvalue === 'escalation over', 'the job finished');
    // A second run of the job (BullMQ retrying it) posts nothing more.
    const again = await s.app.deps.queues.emergency.add('escalate', { team: TEAM_ID, id, step: 2 }, { jobId: `again-${id}` });
    await eventually(async () => (await s.app.deps.queues.emergency.getJob(again.id!))?.returnvalue === 'step already paged', 'the repeated job finished');
    expect(s.driver.messagesIn('#emergencies').filter((m) => m.thread_ts === post.ts && m.text?.includes('Escalation has run its course'))).toHaveLength(1);
    expect(await escalationJob(s, e, 3)).toBeUndefined();
  });
});
