import type { Job } from 'bullmq';
import type { Emergency } from '../../src/core/emergency';
import { actOnEmergency } from '../../src/flows/emergency/act';
import { codeFor, emergencyIdFor } from '../../src/flows/emergency/ids';
import { ADA_PHONE, BOB_PHONE, escalationJob, eventually, startEmergencyStack, TEAM_ID, twilioTo, type EmergencyStack } from '../helpers/emergency-stack';

/**
 * Escalation when things go wrong around it: a process that dies mid-declaration, acknowledgements during
 * retries, double clicks, and the end of the plan. The real app, Redis, BullMQ and provider fakes; delayed jobs
 * are promoted instead of waited for.
 */

describe('escalation', () => {
  let s: EmergencyStack;
  beforeAll(async () => {
    s = await startEmergencyStack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  const api = (body: unknown) =>
    fetch(`${s.publicUrl}/api/emergencies`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.secrets.apiToken}` }, body: JSON.stringify(body) });

  test('a declaration whose process died after storing the emergency still escalates when the request is retried', async () => {
    // What a crash right after the record was written leaves behind: the emergency, open at step 0, and no job.
    const key = `crash-${Date.now()}`;
    const id = emergencyIdFor(TEAM_ID, `api-${key}`);
    const draft: Emergency = { id, team: TEAM_ID, code: codeFor(id, 0), text: 'the primary database is gone', severity: 'critical', reporter: 'monitoring', origin: 'api', declaredAt: Date.now(), status: 'open', step: 0 };
    const stored = await s.app.deps.emergencies.create(draft, `api-${key}`);
    expect(stored).toMatchObject({ created: true });
    expect(await escalationJob(s, draft, 1)).toBeUndefined();

    const retry = await api({ text: 'the primary database is gone', idempotency_key: key });
    expect(await retry.json()).toMatchObject({ id, duplicate: true });

    const job = await eventually(() => escalationJob(s, draft, 1), 'the step-1 escalation job');
    expect(await job.getState()).toBe('delayed');
    await job.promote();
    await eventually(() => twilioTo(s.providers, BOB_PHONE).sms.some((m) => m.Body?.includes(draft.code)), 'the SMS to tier 2');
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

  const toBob = () => s.providers.twilio.requests.filter((r) => new URLSearchParams(r.body).get('To') === BOB_PHONE);

  test('an acknowledgement while a tier-2 page is failing stops its retries', async () => {
    s.providers.reset();
    const e = await declared('payments fail for every card');
    s.providers.twilio.setMode('fail500');
    let acked: Promise<unknown> | undefined;
    // Ada acknowledges as soon as Twilio has refused the first page to Bob, while its retry is waiting.
    const stop = s.providers.twilio.onRequest((r) => {
      if (!acked && new URLSearchParams(r.body).get('To') === BOB_PHONE) acked = actOnEmergency(s.app.deps, TEAM_ID, e.id, 'acknowledge', 'U0ADA');
    });
    try {
      await (await eventually(() => escalationJob(s, e, 1), 'the step-1 job')).promote();
      await finished(s, e, 1);
      await acked;
      expect(toBob().map((r) => r.path.replace(/.*\//, '')).sort()).toEqual(['Calls.json', 'Messages.json']);
      const timeline = await s.app.deps.emergencies.timeline(TEAM_ID, e.id);
      expect(timeline.filter((t) => t.kind === 'page_failed' && t.text.includes('no longer paging'))).toHaveLength(2);
      expect(timeline.some((t) => t.kind === 'all_failed')).toBe(false);
    } finally {
      stop();
      s.providers.twilio.setMode('ok');
    }
  });
});
