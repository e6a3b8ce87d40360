import type { Deps } from '../deps';

export interface MessageJob {
  team: string;
  eventId: string;
  event: Record<string, unknown>;
}

/** Classifies a channel message and applies the enforcement policy. */
export async function handleMessageJob(_deps: Deps, _job: MessageJob): Promise<void> {
  // Wired to the policy once src/core/policy.ts lands.
}
