import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { PageRequest, PageTarget } from '../src/core/ports';
import type { FetchLike } from '../src/pagers/http';
import { pageAll } from '../src/pagers/page-all';
import { createPagers, type PagersConfig } from '../src/pagers/registry';
import { startProviderFakes } from '../sandbox/fakes/provider-fakes';
import { emit, median, percentile } from './lib/stats';

/**
 * How long paging everyone through every HTTP provider takes, against plain fetches to the same fakes.
 * Candidate: pageAll over Twilio SMS + voice, PagerDuty, Opsgenie and the webhook for two people
 * (8 deliveries). Baseline A: one plain POST to the PagerDuty fake. Baseline B: the very requests
 * pageAll sends (recorded once), replayed with plain fetch in parallel, so the fakes do the same work
 * and the difference is the pagers' own. The fakes run structural checks only, so the spec validator's
 * cost does not swamp what is measured. Prints one JSON object; nothing else goes to stdout.
 */

const ROUNDS = 15;
const PER_ROUND = 40;
const GOAL_VS_PARALLEL = 1.5;

const request: PageRequest = {
  team: 'T0BENCH', emergencyId: 'E1', code: '4821', summary: 'db disk full, writes fail', severity: 'critical', reporter: 'Ada', tier: 1,
  link: 'https://example.slack.com/archives/C0EMERG/p1718000000000100',
};
const targets: PageTarget[] = [{ slack: 'U0ADA', phone: '+36201234567' }, { slack: 'U0BOB', phone: '+36207654321' }];

async function main(): Promise<void> {
  const fakes = await startProviderFakes({ specDir: null });
  const recorded: Array<{ url: string; init: Parameters<FetchLike>[1] }> = [];
  const recording: FetchLike = (url, init) => {
    recorded.push({ url, init });
    return fetch(url, init);
  };
  const config: PagersConfig = {
    timeoutMs: 5_000,
    twilio: { apiUrl: fakes.twilio.url, accountSid: fakes.twilio.accountSid, authToken: fakes.twilio.authToken, from: '+15005550006' },
    pagerduty: { eventsUrl: fakes.pagerduty.eventsUrl, routingKey: fakes.pagerduty.routingKey },
    opsgenie: { apiUrl: fakes.opsgenie.url, apiKey: fakes.opsgenie.apiKey },
    webhook: { url: fakes.env.PAGER_WEBHOOK_URL, secret: fakes.webhook.secret },
  };
  const providers = ['twilio_sms', 'twilio_voice', 'pagerduty', 'opsgenie', 'webhook'] as const;
  const { pagers } = createPagers(config, providers);
  // Record the exact requests pageAll sends, once, for baseline B to replay.
  await pageAll(createPagers({ ...config, fetch: recording }, providers).pagers, request, targets, { retries: 0, backoffMs: 0 });
  const fanout = recorded.length;
  const event = JSON.stringify({ routing_key: fakes.pagerduty.routingKey, event_action: 'trigger', dedup_key: 'bench', payload: { summary: 's', source: 'quadrant', severity: 'critical' } });
  let checksum = 0;

  const plainFetch = async () => {
    const response = await fetch(fakes.pagerduty.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: event });
    checksum += response.status + (await response.text()).length;
  };
  const scenarios: Record<string, () => Promise<void>> = {
    'plain fetch, 1 request': plainFetch,
    [`plain fetch, the same ${fanout} requests in parallel`]: async () => {
      await Promise.all(
        recorded.map(async ({ url, init }) => {
          const response = await fetch(url, { method: init.method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(5_000) });
          checksum += response.status + (await response.text()).length;
        }),
      );
    },
    [`pageAll, ${fanout} deliveries`]: async () => {
      const results = await pageAll(pagers, request, targets, { retries: 0, backoffMs: 0 });
      checksum += results.filter((r) => r.ok).length;
      if (results.some((r) => !r.ok)) throw new Error('a page failed during the bench');
    },
  };
  const names = Object.keys(scenarios);
  const roundMedians: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));

  for (const name of names) for (let i = 0; i < 20; i++) await scenarios[name]!(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order each round so drift in the machine's load hits every scenario alike.
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const samples: number[] = [];
      for (let i = 0; i < PER_ROUND; i++) {
        const start = performance.now();
        await scenarios[name]!();
        samples.push(performance.now() - start);
      }
      roundMedians[name]!.push(median(samples));
    }
    fakes.reset();
  }
  await fakes.stop();

  const [single, parallel, candidate] = names.map((n) => median(roundMedians[n]!)) as [number, number, number];
  const row = (name: string, base: number) => {
    const m = median(roundMedians[name]!);
    return `| ${name} | ${m.toFixed(3)} | ${percentile(roundMedians[name]!, 25).toFixed(3)}–${percentile(roundMedians[name]!, 75).toFixed(3)} | ${(m / base).toFixed(2)}× |`;
  };
  const ratio = candidate / parallel;
  const markdown = [
    `Latency of one \`pageAll\` to every HTTP provider fake (Twilio SMS and voice, PagerDuty, Opsgenie, webhook; two people, ${fanout} deliveries, in-process fakes with structural checks) against plain \`fetch\` POSTs to the PagerDuty fake. ${ROUNDS} rounds of ${PER_ROUND} calls each, scenarios alternated per round; figures are the median of round medians in ms, spread is p25–p75 of round medians. Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' / ')}.`,
    '',
    '| scenario | median ms | spread (p25–p75) | ratio to 1 plain fetch |',
    '|---|---|---|---|',
    row(names[0]!, single),
    row(names[1]!, single),
    row(names[2]!, single),
    '',
    `pageAll against the same requests sent as plain fetches in parallel: **${ratio.toFixed(2)}×** (goal ≤ ${GOAL_VS_PARALLEL}×: ${ratio <= GOAL_VS_PARALLEL ? 'met' : 'not met'}). The difference is the pagers' own work: building and signing bodies, the timeout wrapper, result classification.`,
    `(checksum ${checksum})`,
  ].join('\n');
  emit('Paging fan-out', markdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
