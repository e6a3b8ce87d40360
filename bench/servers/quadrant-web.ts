// Quadrant's web role behind its real HTTP receiver, against a fake Slack, for the ack benchmark.
import { parseEnv } from '../../src/config/env';
import { parseSettingsYaml } from '../../src/config/load';
import { createLogger } from '../../src/log';
import type { Deps } from '../../src/deps';
import { startQuadrant } from '../../src/main';
import { NO_EVALUATION, type EvaluationStore } from '../../src/store/evaluation-store';
import { FakeSlack } from '../../sandbox/fake-slack';
import { BENCH_USERS } from '../lib/slack-command';

async function main(): Promise<void> {
  const botToken = 'xoxb-bench';
  const slack = await FakeSlack.start({ botToken });
  // Each bench user's first command sends them the one-time introduction, as it would in Slack.
  for (const id of BENCH_USERS) slack.workspace.addPerson({ id, name: id.toLowerCase(), realName: id, isAdmin: false, isOwner: false });
  const source = parseSettingsYaml('timezone: UTC\nchannels:\n  C0OPS:\n    area: daily_operations\n    digest: { at: "09:00" }\n');
  if (!source.ok) throw new Error('bad bench settings');
  const env = parseEnv({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: process.env.BENCH_SIGNING_SECRET!,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUADRANT_REDIS_PREFIX: process.env.BENCH_PREFIX ?? 'bench',
    PORT: '0',
    LOG_LEVEL: 'warn',
  });
  const app = await startQuadrant({ env, role: 'web', logger: createLogger({ level: 'warn', pretty: false }), settingsSource: source.value });
  applyEvaluationMode(app.deps);
  process.stdout.write(`${JSON.stringify({ port: app.port })}\n`);
  process.on('SIGTERM', () => {
    void app.stop().then(() => slack.stop()).then(() => process.exit(0));
  });
}

/** QUADRANT_EVALUATION=off swaps in a store that records nothing (the evaluation benchmark's baseline). */
function applyEvaluationMode(deps: Deps): void {
  if (process.env.QUADRANT_EVALUATION === 'off') (deps as Deps & { evaluation?: EvaluationStore }).evaluation = NO_EVALUATION;
}

void main();
