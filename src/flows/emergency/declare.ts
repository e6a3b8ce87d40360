import { createHash } from 'node:crypto';
import { defaultSettings, type WorkspaceSettings } from '../../config/settings';
import type { Emergency, Severity } from '../../core/emergency';
import type { PageResult } from '../../core/ports';
import type { Deps } from '../../deps';
import { providerName } from '../../slack/blocks/emergency-blocks';
import { createRecentKeys, withDeadline } from './fail-fast';
import { alertAdmins, postEmergency, recordStep } from './notify';
import { pageTier, type TierPage } from './paging';
import { scheduleEscalation } from './schedule-escalation';

export interface DeclareInput {
  team: string;
  /** A Slack user id, or a name for declarations from the API or the command line. */
  reporter: string;
  text: string;
  severity?: Severity;
  /** A channel id, "api" or "cli". */
  origin: string;
  originTs?: string;
  /** Unique per declaration (trigger id, event id, idempotency key): retries and double clicks reuse it. */
  dedupKey: string;
}

export interface Declared {
  emergency: Emergency;
  /** False when this declaration was seen before: nothing was paged again. */
  created: boolean;
  paging?: Omit<TierPage, 'done'>;
  /** Redis did not answer: paged from memory, journalled locally, recorded when Redis is back. */
  degraded: boolean;
  /** Settles when the first tier's pages and the channel post are done (tests and the CLI wait on it). */
  settled: Promise<void>;
}

const REDIS_DEADLINE_MS = 400;
const recent = createRecentKeys(86_400_000);

export function emergencyIdFor(team: string, dedupKey: string): string {
  return `em${createHash('sha256').update(`${team}\u0000${dedupKey}`).digest('hex').slice(0, 10)}`;
}

function codeFor(id: string, attempt: number): string {
  const n = parseInt(createHash('sha256').update(`${id}/${attempt}`).digest('hex').slice(0, 8), 16);
  return String(1000 + (n % 9000));
}

/**
 * The one route every declaration takes (/emergency, the modal, the shortcut, the button, the reaction, the
 * API and the CLI). The first page leaves from this process before anything is queued; Redis calls on the
 * way fail fast, and without Redis the emergency is paged from the last known settings and journalled.
 */
export async function declareEmergency(deps: Deps, input: DeclareInput): Promise<Declared> {
  const now = deps.now();
  const log = deps.logger.child({ team: input.team });
  const settings: WorkspaceSettings = await withDeadline(deps.settings.get(input.team), REDIS_DEADLINE_MS).catch(
    () => deps.settings.cached(input.team) ?? defaultSettings(),
  );
  const id = emergencyIdFor(input.team, input.dedupKey);
  let emergency: Emergency = {
    id,
    team: input.team,
    code: codeFor(id, 0),
    text: input.text,
    severity: input.severity ?? 'critical',
    reporter: input.reporter,
    origin: input.origin,
    originTs: input.originTs,
    declaredAt: now,
    status: 'open',
    step: 0,
  };

  let degraded = false;
  try {
    for (let attempt = 1; ; attempt++) {
      const stored = await withDeadline(deps.emergencies.create(emergency, input.dedupKey), REDIS_DEADLINE_MS);
      if ('codeTaken' in stored) {
        if (attempt > 20) throw new Error('no free reply code');
        emergency = { ...emergency, code: codeFor(id, attempt) };
        continue;
      }
      if (!stored.created) {
        log.info({ emergency: stored.emergency.id }, 'duplicate declaration ignored');
        return { emergency: stored.emergency, created: false, degraded: false, settled: Promise.resolve() };
      }
      break;
    }
  } catch (err) {
    degraded = true;
    if (recent.get(`${input.team}/${input.dedupKey}`, now)) {
      return { emergency, created: false, degraded, settled: Promise.resolve() };
    }
    log.error({ err, emergency: id }, 'Redis did not answer; paging from memory and journalling the emergency');
    deps.spool.write({ emergency, dedupKey: input.dedupKey, timeline: [] });
  }
  recent.set(`${input.team}/${input.dedupKey}`, id, now);

  // Thread replies need the post's ts, so timeline steps wait for the post; pages never do.
  let posted: Promise<Emergency> = Promise.resolve(emergency);
  const record = (kind: string, text: string) => {
    const at = deps.now();
    posted = posted.then(async (e) => {
      if (degraded) deps.spool.appendTimeline(e, { at, kind, text });
      else await recordStep(deps, e, { at, kind, text });
      return e;
    });
  };
  const firstAccepted = { at: 0 };
  const onResult = (result: PageResult) => {
    if (result.ok && !firstAccepted.at) {
      firstAccepted.at = deps.now();
      deps.metrics.timeToFirstPage.observe((firstAccepted.at - now) / 1000);
    }
    const who = result.target ? ` to <@${result.target}>` : '';
    record(result.ok ? 'paged' : 'page_failed', result.ok ? `Paged${who} by ${providerName(result.provider)}.` : `Page${who} by ${providerName(result.provider)} failed: ${result.reason}.`);
  };
  const page = await pageTier(deps, emergency, settings, 0, onResult);

  posted = postEmergency(deps, emergency, settings).then(async (post) => {
    if (!post) {
      await alertAdmins(deps, emergency, settings, `:rotating_light: Emergency ${emergency.code} could not be posted to the emergency channel${settings.emergency.channel ? ` <#${settings.emergency.channel}>` : ' (none is set)'}; the on-call is being paged anyway.\n>${emergency.text.slice(0, 500)}`);
      return emergency;
    }
    emergency = { ...emergency, post };
    if (degraded) deps.spool.write({ emergency, dedupKey: input.dedupKey, timeline: deps.spool.read(emergency)?.timeline ?? [] });
    else await deps.emergencies.patch(emergency.team, emergency.id, { post }).catch(() => undefined);
    return emergency;
  });
  record('declared', `Declared by ${/^[UW]/.test(input.reporter) ? `<@${input.reporter}>` : input.reporter}. Paging tier 1 (${page.people.map((p) => `<@${p}>`).join(', ') || 'nobody'}) via ${page.providers.map(providerName).join(', ') || 'no provider'}.`);

  if (!degraded) await scheduleEscalation(deps, emergency, settings, 1).catch((err: unknown) => log.error({ err, emergency: id }, 'could not schedule escalation'));

  const settled = page.done.then(async (results) => {
    if (results.length > 0 && results.every((r) => !r.ok)) {
      record('all_failed', ':warning: *Every page failed.* Nobody has been reached by phone. Call the on-call directly.');
      await alertAdmins(deps, emergency, settings, `:warning: Emergency ${emergency.code}: every page failed. Nobody has been reached; call the on-call directly.`);
    }
    await posted;
  });
  const { done: _done, ...paging } = page;
  return { emergency, created: true, paging, degraded, settled };
}
