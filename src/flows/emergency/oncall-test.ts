import { randomBytes } from 'node:crypto';
import type { WorkspaceSettings } from '../../config/settings';
import type { PageRequest, PageResult, PageTarget } from '../../core/ports';
import type { Deps } from '../../deps';
import { pageAll } from '../../pagers';
import { codeFor } from './ids';
import { directMessage } from './notify';
import { pagersFor } from './paging';

/** One person through one provider (or, for PagerDuty and Opsgenie, the service once). */
export interface OncallTestLine {
  /** Tiers the person is in (1-based); empty for service-wide providers. */
  tiers: number[];
  /** Slack user id; undefined for PagerDuty and Opsgenie, which page their own responders. */
  person?: string;
  provider: string;
  ok: boolean;
  /** Why it failed (a provider's code, never its free text). */
  reason?: string;
  acknowledged?: { at: number; via: string };
}

export interface OncallTestReport {
  id: string;
  team: string;
  /** Who ran the test; told by DM when someone acknowledges it. */
  by: string;
  at: number;
  /** What people reply to acknowledge ("ACK 4821"). */
  code: string;
  lines: OncallTestLine[];
  /** Providers the settings list but the environment cannot serve. */
  unavailable: Array<{ provider: string; problems: string[] }>;
  /** True when no tier has anyone in it. */
  nobody: boolean;
}

/** Test ids look nothing like emergency ids, so every callback can tell a test from the real thing. */
const TEST_ID_PREFIX = 'ot';
const TEST_TTL_S = 7 * 86_400;
/** Long enough for everyone to notice the page; the code is free for emergencies again afterwards. */
const TEST_CODE_TTL_S = 86_400;

export function isOncallTestId(id: string): boolean {
  return id.startsWith(TEST_ID_PREFIX);
}

// Swaps the report only if nobody changed it since it was read (two people acknowledging at once).
const SWAP = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
`;

/**
 * `/quadrant oncall test`: a clearly marked test page ("[TEST]") to every person of every tier through every
 * configured provider, and to PagerDuty and Opsgenie once. Resolves with one line per person and provider once
 * every delivery has settled; acknowledgements (an SMS reply with the test's code, a key press, an
 * acknowledgement in PagerDuty or Opsgenie) are added to the stored report as they arrive.
 */
export async function runOncallTest(deps: Deps, team: string, by: string): Promise<OncallTestReport> {
  const settings = await deps.settings.get(team);
  const id = `${TEST_ID_PREFIX}${randomBytes(6).toString('hex')}`;
  const code = await claimCode(deps, team, id);
  const { pagers, unavailable } = await pagersFor(deps, team, settings);

  // A person in two tiers gets one test page per provider, not two.
  const tiersOf = new Map<string, number[]>();
  const targets: PageTarget[] = [];
  settings.emergency.tiers.forEach((tier, index) => {
    for (const person of tier) {
      const seen = tiersOf.get(person.slack);
      if (seen) seen.push(index + 1);
      else {
        tiersOf.set(person.slack, [index + 1]);
        targets.push({ slack: person.slack, phone: person.phone });
      }
    }
  });
  const request: PageRequest = { team, emergencyId: id, code, summary: `Test page from Quadrant, sent by an admin. Nothing is wrong. Please acknowledge it (reply ACK ${code}) so the admin sees it reached you.`, severity: 'info', reporter: '', tier: 1, test: true };
  const report: OncallTestReport = { id, team, by, at: deps.now(), code, lines: [], unavailable, nobody: targets.length === 0 };
  await save(deps, report);

  const log = deps.logger.child({ team, oncallTest: id });
  const results = targets.length === 0 ? [] : await pageAll(pagers, request, targets, {
    retries: 1,
    backoffMs: 500,
    log,
    onResult: (result) => deps.metrics.pages.inc({ provider: result.provider, outcome: result.ok ? 'accepted' : 'failed' }),
  });
  const lines = results.map((result) => lineFor(result, tiersOf));
  lines.sort((a, b) => (a.tiers[0] ?? 0) - (b.tiers[0] ?? 0) || (a.person ?? '').localeCompare(b.person ?? '') || a.provider.localeCompare(b.provider));
  // A quick SMS reply may have been acknowledged before these lines existed (held on a placeholder); keep it.
  return update(deps, team, id, (current) => ({ ...current, lines: lines.map((line) => ({ ...line, acknowledged: ackedBefore(current, line) })) }));
}

function lineFor(result: PageResult, tiersOf: Map<string, number[]>): OncallTestLine {
  const base = { tiers: result.target ? (tiersOf.get(result.target) ?? []) : [], person: result.target, provider: result.provider };
  return result.ok ? { ...base, ok: true } : { ...base, ok: false, reason: result.reason };
}

/** A person's acknowledgement recorded before the lines existed (held on a placeholder line). */
function ackedBefore(report: OncallTestReport, line: OncallTestLine): OncallTestLine['acknowledged'] {
  return report.lines.find((l) => l.provider === '*' && l.person === line.person)?.acknowledged;
}

async function claimCode(deps: Deps, team: string, id: string): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const code = codeFor(id, attempt);
    if ((await deps.redis.set(deps.keys.emergencyCode(code), `test/${team}/${id}`, 'EX', TEST_CODE_TTL_S, 'NX')) === 'OK') return code;
  }
  throw new Error('no free reply code for the test page');
}

async function save(deps: Deps, report: OncallTestReport): Promise<void> {
  await deps.redis.multi().set(deps.keys.oncallTest(report.team, report.id), JSON.stringify(report), 'EX', TEST_TTL_S).set(deps.keys.oncallTestLatest(report.team), report.id, 'EX', TEST_TTL_S).exec();
}

async function update(deps: Deps, team: string, id: string, change: (report: OncallTestReport) => OncallTestReport): Promise<OncallTestReport> {
  const key = deps.keys.oncallTest(team, id);
  for (let attempt = 0; attempt < 20; attempt++) {
    const raw = await deps.redis.get(key);
    if (!raw) throw new Error(`on-call test ${id} is gone`);
    const next = change(JSON.parse(raw) as OncallTestReport);
    if ((await deps.redis.eval(SWAP, 1, key, raw, JSON.stringify(next))) === 1) return next;
  }
  throw new Error(`on-call test ${id} kept changing under us`);
}

export async function getOncallTest(deps: Deps, team: string, id: string): Promise<OncallTestReport | undefined> {
  const raw = await deps.redis.get(deps.keys.oncallTest(team, id));
  return raw ? (JSON.parse(raw) as OncallTestReport) : undefined;
}

/** The newest test of the workspace, for `/quadrant oncall`. */
export async function latestOncallTest(deps: Deps, team: string): Promise<OncallTestReport | undefined> {
  const id = await deps.redis.get(deps.keys.oncallTestLatest(team));
  return id ? getOncallTest(deps, team, id) : undefined;
}

/** The test a reply code belongs to, if it belongs to one. */
export async function oncallTestByCode(deps: Deps, code: string): Promise<{ team: string; id: string } | undefined> {
  const ref = await deps.redis.get(deps.keys.emergencyCode(code));
  const match = ref ? /^test\/([^/]+)\/([^/]+)$/.exec(ref) : null;
  return match ? { team: match[1]!, id: match[2]! } : undefined;
}

export type TestAckOutcome = { ok: true; report: OncallTestReport; first: boolean } | { ok: false; reason: 'unknown' | 'not_in_test' };

/**
 * Marks a test page acknowledged: by a person (SMS reply, key press: every line of theirs) or by a service
 * (PagerDuty, Opsgenie: that provider's line). The admin who ran the test hears of the first acknowledgement
 * of each.
 */
export async function acknowledgeOncallTest(
  deps: Deps,
  ref: { team: string; id: string },
  who: { person: string; via: string } | { provider: string; via: string },
): Promise<TestAckOutcome> {
  const report = await getOncallTest(deps, ref.team, ref.id);
  if (!report) return { ok: false, reason: 'unknown' };
  const at = deps.now();
  const matches = (line: OncallTestLine) => ('person' in who ? line.person === who.person : line.provider === who.provider && !line.person);
  let first = false;
  const next = await update(deps, ref.team, ref.id, (current) => {
    const hits = current.lines.filter(matches);
    first = hits.length === 0 ? 'person' in who : hits.every((line) => !line.acknowledged);
    if (hits.length === 0) {
      // Acknowledged before the report's lines were written (a fast SMS reply): keep it on a placeholder.
      if (!('person' in who)) return current;
      return { ...current, lines: [...current.lines, { tiers: [], person: who.person, provider: '*', ok: true, acknowledged: { at, via: who.via } }] };
    }
    return { ...current, lines: current.lines.map((line) => (matches(line) && !line.acknowledged ? { ...line, acknowledged: { at, via: who.via } } : line)) };
  });
  if (first) {
    const whom = 'person' in who ? `<@${who.person}>` : who.provider;
    await directMessage(deps, ref.team, report.by, `:white_check_mark: ${whom} acknowledged the on-call test page ${report.code} (via ${who.via}).`);
  }
  return { ok: true, report: next, first };
}

/** The person a phone number belongs to in the workspace's tiers (E.164, spaces and dashes ignored). */
export function personByPhone(settings: WorkspaceSettings, phone: string): string | undefined {
  const wanted = normalizePhone(phone);
  if (!wanted) return undefined;
  for (const tier of settings.emergency.tiers) for (const person of tier) if (person.phone && normalizePhone(person.phone) === wanted) return person.slack;
  return undefined;
}

function normalizePhone(phone: string): string {
  return phone.replace(/[\s().-]/g, '');
}
