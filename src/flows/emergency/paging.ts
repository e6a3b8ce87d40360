import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency } from '../../core/emergency';
import type { Pager, PageRequest, PageResult, PageTarget } from '../../core/ports';
import { stripSlackMarkup } from '../../core/slack-text';
import type { Deps } from '../../deps';
import { recordPage } from '../evaluation/record';
import { createPagers, followUpAll, pageAll, slackDmClient, type PagerSet, type StepPageRequest } from '../../pagers';
import { providerName } from '../../slack/blocks/emergency-blocks';
import { fastRedis } from './fail-fast';
import { providerRetryDelay, queueProviderRetry, retriedFromQueue } from './schedule-escalation';
import { REDIS_DEADLINE_MS } from './journal';

export interface TierPage {
  tier: number;
  people: string[];
  providers: string[];
  unavailable: PagerSet['unavailable'];
  /** Settles when every delivery (with its retries) is done; never rejects. */
  done: Promise<PageResult[]>;
}

export type PreparedTier = Omit<TierPage, 'done'> & {
  /** Starts every delivery at once and returns without waiting for any. */
  send(onResult: (result: PageResult) => void): Promise<PageResult[]>;
};

export function pageRequestFor(e: Emergency, tier: number, link?: string): StepPageRequest {
  return {
    step: e.step,
    team: e.team,
    emergencyId: e.id,
    code: e.code,
    summary: stripSlackMarkup(e.text),
    severity: e.severity,
    reporter: /^[UW][A-Z0-9]+$/.test(e.reporter) ? '' : e.reporter,
    link,
    tier,
  };
}

export async function pagersFor(deps: Deps, team: string, settings: WorkspaceSettings): Promise<PagerSet> {
  const slack = await deps.slackFor(team).then(slackDmClient, () => undefined);
  return createPagers({ ...deps.pagersConfig, slack }, settings.emergency.providers);
}

/**
 * "PagerDuty is being tried again": the providers a tier's failed results still have a try queued for (retryLater),
 * for the thread's "no page has got through yet"; undefined when none has.
 */
export function triedAgain(results: readonly PageResult[]): string | undefined {
  const names = results.flatMap((r) => (!r.ok && r.retryLater ? [providerName(r.provider)] : []));
  return names.length > 0 ? `${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} being tried again` : undefined;
}

/** How acknowledgements and resolutions are retried with each provider. */
export const FOLLOW_UP_RETRIES = { retries: 3, backoffMs: 500 } as const;

/**
 * So an acknowledgement can stop the phone; without Redis the call just rings out (30 s). A call placed while
 * the emergency was being acknowledged (a retry in flight) is stopped here: whoever takes it off the list
 * (this or the acknowledgement) cancels it, once.
 */
function rememberCall(deps: Deps, e: Emergency, callSid: string, voice: Pager | undefined, log: Deps['logger']): void {
  const { team, id } = e;
  void (async () => {
    await deps.emergencies.addCall(team, id, callSid);
    // Not stored yet (declared while Redis was away, not replayed) is not acknowledged: let it ring.
    const current = await deps.emergencies.get(team, id);
    if (!current || current.status === 'open') return;
    if (!voice || !(await deps.emergencies.takeCall(team, id, callSid))) return;
    await followUpAll([voice], 'acknowledge', { team, emergencyId: id, calls: [callSid] }, { ...FOLLOW_UP_RETRIES, log });
  })().catch((err: unknown) => log.warn({ err }, 'could not remember a voice call to stop it on acknowledgement'));
}

/**
 * Who and how one tier is paged, ready to send. Per-emergency providers (PagerDuty, Opsgenie) page only at
 * the first tier: they run their own escalation, and a repeat would only bump the same alert.
 */
export async function prepareTier(deps: Deps, e: Emergency, settings: WorkspaceSettings, tierIndex: number): Promise<PreparedTier> {
  const tier = settings.emergency.tiers[tierIndex] ?? [];
  const set = await pagersFor(deps, e.team, settings);
  const pagers = tierIndex === 0 ? set.pagers : set.pagers.filter((p) => p.perPerson);
  const targets: PageTarget[] = tier.map((p) => ({ slack: p.slack, phone: p.phone }));
  const log = deps.logger.child({ team: e.team, emergency: e.id, tier: tierIndex + 1 });
  return {
    tier: tierIndex + 1,
    people: tier.map((p) => p.slack),
    providers: pagers.map((p) => p.id),
    unavailable: set.unavailable,
    send: (onResult) => {
      const voice = pagers.find((p) => p.id === 'twilio_voice');
      const perPerson = new Map(pagers.map((p) => [p.id, p.perPerson]));
      const queued: Array<Promise<void>> = [];
      // The results whose provider is tried again from the queue, as reported: the tier has not given up on them.
      const later = new Map<PageResult, PageResult>();
      // "sent" counts deliveries started; accepted + failed count how they ended (after retries).
      for (const pager of pagers) deps.metrics.pages.inc({ provider: pager.id, outcome: 'sent' }, pager.perPerson ? targets.length : 1);
      const sent = pageAll(pagers, pageRequestFor(e, tierIndex + 1), targets, {
        retries: 3,
        backoffMs: 500,
        maxBackoffMs: 4000,
        log,
        // Read fresh each time: an acknowledgement between two attempts ends the retries. Unknown (declared
        // while Redis was away, not replayed yet) or unreadable counts as still paging.
        stillWanted: async () => {
          const current = await fastRedis(deps.redis, () => deps.emergencies.get(e.team, e.id), REDIS_DEADLINE_MS);
          return !current || current.status === 'open';
        },
        onResult: (result) => {
          deps.metrics.pages.inc({ provider: result.provider, outcome: result.ok ? 'accepted' : 'failed' });
          void recordPage(deps, e.team, result);
          if (result.ok && result.provider === 'twilio_voice' && result.reference) rememberCall(deps, e, result.reference, voice, log);
          if (tierIndex === 0 && retriedFromQueue(result, perPerson.get(result.provider) ?? true)) {
            const delay = providerRetryDelay(result);
            queued.push(fastRedis(deps.redis, () => queueProviderRetry(deps, e, result.provider, 1, delay), REDIS_DEADLINE_MS).then(
              () => {
                const reported = { ...result, reason: `${result.reason}; trying again in ${Math.round(delay / 1000)} s`, retryLater: true };
                later.set(result, reported);
                onResult(reported);
              },
              (err: unknown) => {
                log.error({ err, provider: result.provider }, 'could not queue the provider retry');
                onResult(result);
              },
            ));
            return;
          }
          onResult(result);
        },
      });
      // Settles once the retries are queued too, so nobody takes the tier for done before they are in Redis.
      return sent.then(async (results) => {
        await Promise.all(queued);
        return results.map((r) => later.get(r) ?? r);
      });
    },
  };
}
