/**
 * The one-line rules of the framework that Quadrant enforces. Every nudge names the rule behind it, so
 * people see a reason, not a reprimand; `/async help` can list them all.
 */
export const RULES = {
  async_first: 'Async first: if it can wait for the daily digest, let it.',
  broadcasts: 'Save @channel and @here for what cannot wait for the digest.',
  emergencies: 'Emergencies go through /emergency, so the on-call is paged at once.',
  emergency_channel: 'The emergency channel is for emergencies only, so every post there gets full attention.',
  meetings: 'Meet to decide together; share docs, reviews and updates async.',
  lead_time: 'Offline activities need notice, so people can plan travel, cover and focus time.',
  deep_work_hub: 'Deep work lives in the hub, where it can be read and answered over days.',
} as const;

export type RuleId = keyof typeof RULES;
