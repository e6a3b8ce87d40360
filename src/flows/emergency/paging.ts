import type { WorkspaceSettings } from '../../config/settings';
import type { Emergency } from '../../core/emergency';
import type { PageRequest, PageResult, PageTarget } from '../../core/ports';
import { stripSlackMarkup } from '../../core/slack-text';
import type { Deps } from '../../deps';
import { createPagers, pageAll, slackDmClient, type PagerSet } from '../../pagers';

export interface TierPage {
  tier: number;
  people: string[];
  providers: string[];
  unavailable: PagerSet['unavailable'];
  /** Settles when every delivery (with its retries) is done. */
  done: Promise<PageResult[]>;
}

export function pageRequestFor(e: Emergency, tier: number, link?: string): PageRequest {
  return {
    team: e.team,
    emergencyId: e.id,
    code: e.code,
    summary: stripSlackMarkup(e.text),
    severity: e.severity,
    reporter: e.reporter.startsWith('U') || e.reporter.startsWith('W') ? '' : e.reporter,
    link,
    tier,
  };
}

export async function pagersFor(deps: Deps, team: string, settings: WorkspaceSettings): Promise<PagerSet> {
  const slack = await deps.slackFor(team).then(slackDmClient, () => undefined);
  return createPagers({ ...deps.pagersConfig, slack }, settings.emergency.providers);
}

/**
 * Pages one tier through every configured provider at once. Returns as soon as the requests are on their
 * way; `done` settles later. Per-emergency providers (PagerDuty, Opsgenie) page only at the first tier: they
 * run their own escalation, and a repeat would only bump the same alert.
 */
export async function pageTier(
  deps: Deps,
  e: Emergency,
  settings: WorkspaceSettings,
  tierIndex: number,
  onResult: (result: PageResult) => void,
): Promise<TierPage> {
  const tier = settings.emergency.tiers[tierIndex] ?? [];
  const set = await pagersFor(deps, e.team, settings);
  const pagers = tierIndex === 0 ? set.pagers : set.pagers.filter((p) => p.perPerson);
  const targets: PageTarget[] = tier.map((p) => ({ slack: p.slack, phone: p.phone }));
  const log = deps.logger.child({ team: e.team, emergency: e.id, tier: tierIndex + 1 });
  const done = pageAll(pagers, pageRequestFor(e, tierIndex + 1), targets, {
    retries: 3,
    backoffMs: 500,
    maxBackoffMs: 4000,
    log,
    onResult: (result) => {
      deps.metrics.pages.inc({ provider: result.provider, outcome: result.ok ? 'accepted' : 'failed' });
      onResult(result);
    },
  });
  return { tier: tierIndex + 1, people: tier.map((p) => p.slack), providers: pagers.map((p) => p.id), unavailable: set.unavailable, done };
}
