import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency, Severity } from '../../core/emergency';
import type { PageResult } from '../../core/ports';
import type { Deps } from '../../deps';
import { recordEmergencyDeclared } from '../evaluation/record';
import { calledOff } from '../../pagers';
import { providerName, quotedText } from '../../slack/blocks/emergency-blocks';
import { createRecentKeys, fastRedis } from './fail-fast';
import { codeFor, emergencyIdFor } from './ids';
import { createJournal, REDIS_DEADLINE_MS, type Journal } from './journal';
import { trackEmergencyWork } from './inflight';
import { emergencySettings } from './last-settings';
import { ADMIN_TEXT_MAX, alertAdmins, postEmergency } from './notify';
import { prepareTier, triedAgain, type TierPage } from './paging';
import { scheduleEscalation, scheduleFirstTierCheck } from './schedule-escalation';

export interface DeclareInput {
  team: string;
  /** A Slack user id, or a name for declarations from the API or the command line. */
  reporter: string;
  /** Slack-formatted text (API and CLI input is escaped first). */
  text: string;
  severity?: Severity;
  /** A channel id, "api" or "cli". */
  origin: string;
  originTs?: string;
  /** Unique per declaration (trigger id, view id, idempotency key): retries and double clicks reuse it. */
  dedupKey: string;
}

export interface Declared {
  emergency: Emergency;
  /** False when this declaration was seen before: nothing was paged again. */
  created: boolean;
  paging?: Omit<TierPage, 'done'> & {
    /** How many Quadrant admins are DMed if the channel post fails (0: nobody is). */
    admins: number;
  };
  /** Redis did not answer: paged from memory, journalled locally, recorded when Redis is back. */
  degraded: boolean;
  /** Every first-tier page's outcome, after retries (empty for a duplicate); never rejects. */
  pages: Promise<PageResult[]>;
  /** Settles (never rejects) when the first tier's pages, the channel post and the timeline are done. */
  settled: Promise<void>;
}

// Per Redis prefix: several apps share a process in tests and benchmarks.
const recentByPrefix = new Map<string, ReturnType<typeof createRecentKeys<Emergency>>>();
function recentFor(deps: Deps) {
  let recent = recentByPrefix.get(deps.keys.prefix);
  if (!recent) recentByPrefix.set(deps.keys.prefix, (recent = createRecentKeys<Emergency>(86_400_000)));
  return recent;
}

type Stored = { kind: 'created'; emergency: Emergency } | { kind: 'duplicate'; emergency: Emergency } | { kind: 'unreachable'; err: unknown };

async function store(deps: Deps, first: Emergency, dedupKey: string): Promise<Stored> {
  let emergency = first;
  try {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const stored = await fastRedis(deps.redis, () => deps.emergencies.create(emergency, dedupKey), REDIS_DEADLINE_MS);
      if ('codeTaken' in stored) {
        emergency = { ...emergency, code: codeFor(emergency.id, attempt) };
        continue;
      }
      return stored.created ? { kind: 'created', emergency: stored.emergency } : { kind: 'duplicate', emergency: stored.emergency };
    }
    throw new Error('no free reply code');
  } catch (err) {
    return { kind: 'unreachable', err };
  }
}

/**
 * The one route every declaration takes (/emergency, the modal, the shortcut, the API and the CLI). The first
 * page leaves from this process, not from a worker; Redis calls on the way fail fast, and without Redis the
 * emergency is paged from the last known settings and journalled to the local spool.
 */
export async function declareEmergency(deps: Deps, input: DeclareInput): Promise<Declared> {
  const now = deps.now();
  const log = deps.logger.child({ team: input.team });
  const id = emergencyIdFor(input.team, input.dedupKey);
  const recent = recentFor(deps);
  const recentKey = `${input.team}/${input.dedupKey}`;

  // Seen by this process, or journalled here while Redis was away: a retry must not page again, even
  // before the spool replay has told Redis.
  const seen = recent.get(recentKey, now) ?? deps.spool.read({ team: input.team, id })?.emergency;
  if (seen) return duplicate(log, seen);

  const draft: Emergency = {
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
    stepPaged: false,
  };
  const settingsRead = emergencySettings(deps, input.team, REDIS_DEADLINE_MS);
  // The step-1 job and the first-tier check are queued beside the record, and the pages wait for all three: a
  // process that dies at any point after its first page leaves has an escalation in Redis that outlives it, and
  // one that dies before its pages settle has tier 1 paged again by a worker. Job ids follow from the dedup key,
  // so a retry (or a duplicate) queues nothing new, and a queued job for an emergency acknowledged meanwhile
  // pages nobody (it re-checks the status when it claims its step).
  const escalationQueued = settingsRead.then(({ settings }) =>
    fastRedis(deps.redis, () => Promise.all([scheduleEscalation(deps, draft, settings, 1), scheduleFirstTierCheck(deps, draft, settings)]), REDIS_DEADLINE_MS),
  ).then(
    () => undefined,
    (err: unknown) => ({ err }),
  );
  const [{ settings, stale }, stored, escalationFailed] = await Promise.all([settingsRead, store(deps, draft, input.dedupKey), escalationQueued]);
  if (stored.kind === 'duplicate') {
    recent.set(recentKey, stored.emergency, now);
    // A retry after a crash between the record and its job lands here: it is what queued the job above.
    if (escalationFailed) log.error({ err: escalationFailed.err, emergency: id }, 'could not make sure a duplicate declaration escalates');
    return duplicate(log, stored.emergency);
  }
  const degraded = stored.kind === 'unreachable';
  const emergency = stored.kind === 'created' ? stored.emergency : draft;
  if (degraded) {
    log.error({ err: stored.err, emergency: id, staleSettings: stale }, 'Redis did not answer; paging from memory and journalling the emergency');
  }
  recent.set(recentKey, emergency, now);
  const journal = createJournal(deps, emergency, input.dedupKey, degraded);

  const prepared = await prepareTier(deps, emergency, settings, 0);
  // The channel post and the timeline queue behind the pages, never in front of them.
  let pagesSent: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (pagesSent = resolve));
  journal.after(async (e) => {
    await gate;
    return announce(deps, journal, e, settings);
  });
  journal.step('declared', `Declared by ${/^[UW][A-Z0-9]+$/.test(input.reporter) ? `<@${input.reporter}>` : input.reporter}. Paging tier 1 (${prepared.people.map((p) => `<@${p}>`).join(', ') || 'nobody'}) via ${prepared.providers.map(providerName).join(', ') || 'no provider'}.`);
  if (prepared.unavailable.length) journal.step('providers_unavailable', `Not configured, so not paged: ${prepared.unavailable.map((u) => providerName(u.provider)).join(', ')}.`);

  let firstAccepted = false;
  const done = prepared.send((result: PageResult) => {
    if (result.ok && !firstAccepted) {
      firstAccepted = true;
      deps.metrics.timeToFirstPage.observe((deps.now() - now) / 1000);
    }
    const who = result.target ? ` to <@${result.target}>` : '';
    if (result.ok) journal.step('paged', `Paged${who} by ${providerName(result.provider)}.`);
    else journal.step('page_failed', `Page${who} by ${providerName(result.provider)} failed: ${result.reason}.`);
  });
  pagesSent();
  // Without Redis the spool replay counts it, once it has stored it.
  if (!degraded) void recordEmergencyDeclared(deps, emergency);

  if (!degraded && escalationFailed) {
    log.error({ err: escalationFailed.err, emergency: id }, 'could not schedule the escalation; the spool replay will');
    journal.spoolNow();
  }

  const settled = done
    .then(async (results) => {
      await markFirstTierSettled(deps, journal, log);
      // Retries called off by an acknowledgement are not a paging failure worth a broadcast.
      if (results.length > 0 && results.every((r) => !r.ok) && !results.some(calledOff)) {
        const retried = triedAgain(results);
        await (retried ? noPageYet(deps, journal, settings, retried) : everyPageFailed(deps, journal, settings));
      }
      if (results.length === 0) await nobodyToPage(deps, journal, settings);
      await journal.idle();
    })
    .catch((err: unknown) => log.error({ err, emergency: id }, 'declaration follow-up failed'));
  trackEmergencyWork(deps, settled);
  const { send: _send, ...paging } = prepared;
  return { emergency, created: true, paging: { ...paging, admins: settings.admins.length }, degraded, pages: done, settled };
}

// Nothing waits on this write any more, so it gets a longer deadline than the page path, and a few tries.
const SETTLED_DEADLINE_MS = 2_000;
const SETTLED_TRIES = 3;

/**
 * Tells the first-tier check that tier 1's pages settled here, so it pages nobody again. Also when the declaration
 * counted Redis as away: a record and a check that reached Redis late must not page tier 1 twice, so the spool
 * entry says it too and its replay passes it on.
 */
async function markFirstTierSettled(deps: Deps, journal: Journal, log: Deps['logger']): Promise<void> {
  journal.firstTierSettled();
  const e = journal.current();
  for (let attempt = 1; attempt <= SETTLED_TRIES; attempt++) {
    try {
      await fastRedis(deps.redis, () => deps.emergencies.finishStep(e.team, e.id, 0), SETTLED_DEADLINE_MS);
      return;
    } catch (err) {
      if (attempt === SETTLED_TRIES) return void log.warn({ err, emergency: e.id, spooled: journal.spooled }, 'could not mark tier 1 paged in Redis');
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

function duplicate(log: Deps['logger'], emergency: Emergency): Declared {
  log.info({ emergency: emergency.id }, 'duplicate declaration ignored');
  return { emergency, created: false, degraded: false, pages: Promise.resolve([]), settled: Promise.resolve() };
}

/** Posts to the emergency channel; when it cannot, says so to the admins and owes the post. */
async function announce(deps: Deps, journal: Journal, e: Emergency, settings: WorkspaceSettings): Promise<Emergency> {
  const outcome = await postEmergency(deps, e, settings);
  if (outcome.ok) {
    await journal.posted(outcome.post);
    return { ...e, post: outcome.post };
  }
  if (outcome.retry) await journal.postPending();
  const where = settings.emergency.channel ? `<#${settings.emergency.channel}>` : '(no emergency channel is set: `/quadrant setup`)';
  const later = outcome.retry ? ' It will be posted when Slack answers again.' : '';
  await alertAdmins(deps, e, settings, `:rotating_light: Emergency *${e.code}* could not be posted to the emergency channel ${where} (${outcome.reason}); the on-call is being paged anyway.${later}\n${quotedText(e.text, ADMIN_TEXT_MAX)}`);
  return e;
}

async function everyPageFailed(deps: Deps, journal: Journal, settings: WorkspaceSettings): Promise<void> {
  const e = journal.current();
  journal.step('all_failed', `:warning: <!here> *Every page for emergency ${e.code} failed.* Nobody has been reached by phone. Call the on-call directly.`, { broadcast: true });
  await alertAdmins(deps, e, settings, `:warning: Emergency *${e.code}*: every page failed. Nobody has been reached; call the on-call directly, and check the providers with \`/quadrant oncall test\`.`);
}

/** Every page failed so far, but a provider is tried again from the queue: say both, and what to do meanwhile. */
async function noPageYet(deps: Deps, journal: Journal, settings: WorkspaceSettings, retried: string): Promise<void> {
  const e = journal.current();
  // A quick retry from the queue (a short Retry-After) may have got through while the other deliveries kept trying.
  const timeline = await fastRedis(deps.redis, () => deps.emergencies.timeline(e.team, e.id), REDIS_DEADLINE_MS).catch(() => []);
  if (timeline.some((t) => t.kind === 'paged')) return;
  journal.step('all_failed', `:warning: <!here> *No page for emergency ${e.code} has got through yet.* ${retried}; call the on-call directly meanwhile.`, { broadcast: true });
  await alertAdmins(deps, e, settings, `:warning: Emergency *${e.code}*: no page has got through yet (${retried}). Call the on-call directly, and check the providers with \`/quadrant oncall test\`.`);
}

async function nobodyToPage(deps: Deps, journal: Journal, settings: WorkspaceSettings): Promise<void> {
  const e = journal.current();
  journal.step('nobody_paged', ':warning: <!here> Nobody was paged: no on-call tiers or no paging providers are set up. Call the on-call directly.', { broadcast: true });
  await alertAdmins(deps, e, settings, `:warning: Emergency *${e.code}* paged nobody: set up on-call tiers and providers with \`/quadrant oncall\`.`);
}
