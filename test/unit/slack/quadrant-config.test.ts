import { Settings, type SettingsInput, type WorkspaceSettings } from '../../../src/config/settings';
import { appHomeView } from '../../../src/slack/blocks/app-home';
import { channelsMessage, configMessage, digestMessage, type SettingsView } from '../../../src/slack/blocks/quadrant-config';
import { checkBlocks, checkView } from '../../../sandbox/block-kit-check';

const NOW = Date.parse('2026-03-02T08:00:00Z');

/** A workspace with `n` digest channels, each with the longest ordinary description (digest, hub, days). */
function workspace(n: number): WorkspaceSettings {
  const channels: NonNullable<SettingsInput['channels']> = {};
  for (let i = 0; i < n; i++) channels[`C${String(i).padStart(10, '0')}`] = { area: 'daily_operations', digest: { at: '09:30', days: ['mon', 'tue', 'thu', 'fri', 'sun'] }, hub: i === 0 };
  return Settings.parse({ timezone: 'America/Argentina/Buenos_Aires', channels, emergency: { channel: 'C0000000000' } });
}

const view = (settings: WorkspaceSettings, isAdmin = true): SettingsView => ({ settings, isAdmin, authoritative: false });

function mrkdwnOf(blocks: unknown[]): string {
  return JSON.stringify(blocks);
}

function channelMentions(blocks: unknown[]): Set<string> {
  return new Set([...mrkdwnOf(blocks).matchAll(/<#(C\d{10})>/g)].map((m) => m[1]!));
}

/** Slack accepts the message, it names `shown` channels, and says how many it left out (if any). */
function expectAcceptedShowing(message: { blocks: unknown[] }, shown: number, hidden: number): void {
  expect(checkBlocks(message.blocks, { surface: 'message' })).toEqual([]);
  expect(channelMentions(message.blocks).size).toBe(shown);
  if (hidden > 0) expect(mrkdwnOf(message.blocks)).toContain(`…and ${hidden} more (see \`/quadrant export\`)`);
  else expect(mrkdwnOf(message.blocks)).not.toContain('more (see');
}

describe('admin views with many channels stay within what Slack accepts', () => {
  const sixty = workspace(60);

  test('/quadrant digest lists the first 40 digest channels over several sections, and says how many more there are', () => {
    expectAcceptedShowing(digestMessage(sixty, NOW), 40, 20);
  });

  test('/quadrant digest with 20 channels shows all of them, with no "more" line', () => {
    expectAcceptedShowing(digestMessage(workspace(20), NOW), 20, 0);
  });

  test('/quadrant config shows the first 40 channels and says how many more there are', () => {
    expectAcceptedShowing(configMessage(view(sixty)), 40, 20);
  });

  test('/quadrant config with 45 channels fits', () => {
    expectAcceptedShowing(configMessage(view(workspace(45))), 40, 5);
  });

  test('/quadrant channels shows 40 rows with their Change buttons, and says how many more there are', () => {
    const message = channelsMessage(view(sixty));
    expectAcceptedShowing(message, 40, 20);
    expect(mrkdwnOf(message.blocks).match(/quadrant_open_channel_C/g)).toHaveLength(40);
  });

  test("an admin's App Home, which holds the config, is a view Slack accepts", () => {
    expect(checkView(appHomeView({ ...view(sixty), items: [] }))).toEqual([]);
  });
});
