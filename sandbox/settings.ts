import { localTimeZone } from './directory';

/**
 * Workspace settings for the sandbox (same schema as QUADRANT_CONFIG and `/quadrant export`):
 * #ops gets a weekday 09:00 digest, #hub is the deep-work hub, #emergencies pages ada, then bob,
 * through every provider (all of them are local fakes). #general is left unassigned on purpose,
 * to show that unlisted channels are classified but not enforced.
 */
export function sandboxSettingsYaml(timezone: string): string {
  return `# Quadrant sandbox settings (generated; edit a copy and point QUADRANT_CONFIG at it to change them)
timezone: ${timezone}
admins: [U0ADA]
channels:
  C0OPS:
    area: daily_operations
    digest: { at: "09:00", days: [mon, tue, wed, thu, fri] }
  C0HUB: { area: deep_work, hub: true }
  C0EMERG: { area: emergency }
emergency:
  channel: C0EMERG
  ack_timeout: 5m
  tiers:
    - [{ slack: U0ADA, phone: "+15555550100" }]
    - [{ slack: U0BOB, phone: "+15555550101" }]
  providers: [twilio_sms, twilio_voice, pagerduty, opsgenie, webhook, slack_dm]
`;
}

/** The sandbox settings for this machine's time zone (UTC when it has none). */
export const SANDBOX_SETTINGS = sandboxSettingsYaml(localTimeZone());
