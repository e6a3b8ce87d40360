import type { WorkspaceSettings } from '../config/settings';

/** What escalation needs from the emergency settings. */
export type EscalationSettings = Pick<WorkspaceSettings['emergency'], 'tiers' | 'ack_timeout' | 'repeat_last_tier'>;

/** One page in an escalation: which tier, and how long after the declaration. */
export interface EscalationStep {
  step: number;
  /** Index into `tiers` (0 = tier 1). */
  tierIndex: number;
  /** Milliseconds after the emergency was declared. */
  pageAt: number;
  /** True for the extra rounds that page the last tier again. */
  repeat: boolean;
}

/**
 * The page for `step`: step 0 pages tier 1 at declaration, step n pages tier n+1 after n ack timeouts, and
 * once the tiers run out the last tier is paged again `repeat_last_tier` times at the same interval.
 * Undefined when escalation is over (or there are no tiers): paging is bounded so a forgotten emergency
 * stops ringing phones.
 */
export function planEscalation(step: number, settings: EscalationSettings): EscalationStep | undefined {
  const tiers = settings.tiers.length;
  if (tiers === 0 || !Number.isInteger(step) || step < 0 || step >= tiers + settings.repeat_last_tier) return undefined;
  return { step, tierIndex: Math.min(step, tiers - 1), pageAt: step * settings.ack_timeout, repeat: step >= tiers };
}

/** Every step, in order, for help text and the emergency timeline. */
export function escalationSchedule(settings: EscalationSettings): EscalationStep[] {
  const steps: EscalationStep[] = [];
  for (let step = 0; ; step++) {
    const planned = planEscalation(step, settings);
    if (!planned) return steps;
    steps.push(planned);
  }
}

/**
 * The step after the last page (undefined without tiers): its job pages nobody, it tells the channel that
 * nobody acknowledged, one ack timeout after the last tier was paged.
 */
export function escalationEndStep(settings: EscalationSettings): number | undefined {
  return settings.tiers.length === 0 ? undefined : settings.tiers.length + settings.repeat_last_tier;
}
