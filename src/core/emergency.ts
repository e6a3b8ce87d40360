/** An emergency's life: declared -> acknowledged -> resolved, or closed as not an emergency. */
export const EMERGENCY_STATUSES = ['open', 'acknowledged', 'resolved', 'not_emergency'] as const;
export type EmergencyStatus = (typeof EMERGENCY_STATUSES)[number];
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Emergency {
  id: string;
  team: string;
  /** Four digits people type in an SMS reply ("ACK 4821"). Unique among open emergencies. */
  code: string;
  text: string;
  severity: Severity;
  reporter: string;
  /** Where it was declared: a channel id, "api" or "cli". */
  origin: string;
  originTs?: string;
  declaredAt: number;
  status: EmergencyStatus;
  /** The escalation step claimed last (0 = first tier at declaration). */
  step: number;
  /**
   * False while the claimed step's pages are going out (from the declaration on, for step 0); a retried job, or
   * the first-tier check for step 0, pages it again rather than lose it.
   */
  stepPaged?: boolean;
  /** The step "Escalate now" asked for and no job has claimed yet; a repeat of the same request is no change. */
  escalateTo?: number;
  ackBy?: string;
  ackAt?: number;
  closedBy?: string;
  closedAt?: number;
  /** The message in the emergency channel, once posted. */
  post?: { channel: string; ts: string };
}

export type EmergencyAction = 'acknowledge' | 'resolve' | 'not_emergency' | 'escalate_now';

export type TransitionOutcome =
  | { ok: true; next: Emergency; changed: boolean }
  | { ok: false; reason: 'already_closed' };

export interface TransitionOptions {
  /**
   * "Escalate now": the step the person saw when they pressed (the button carries it). A press for a step
   * already passed, or already asked for, changes nothing: a double click escalates one tier, not two.
   */
  seenStep?: number;
}

/** What an action does to an emergency; pure, so the store can apply it atomically and tests can table it. */
export function transition(e: Emergency, action: EmergencyAction, by: string, at: number, options: TransitionOptions = {}): TransitionOutcome {
  const closed = e.status === 'resolved' || e.status === 'not_emergency';
  if (closed) return { ok: false, reason: 'already_closed' };
  switch (action) {
    case 'acknowledge': {
      if (e.status === 'acknowledged') return { ok: true, next: e, changed: false };
      // An "Escalate now" nobody has claimed yet is cancelled with the rest of the escalation, so a later
      // press asks for it again instead of being taken for a repeat.
      const { escalateTo: _cancelled, ...rest } = e;
      return { ok: true, next: { ...rest, status: 'acknowledged', ackBy: by, ackAt: at }, changed: true };
    }
    case 'resolve':
      return { ok: true, next: { ...e, status: 'resolved', closedBy: by, closedAt: at }, changed: true };
    case 'not_emergency':
      return { ok: true, next: { ...e, status: 'not_emergency', closedBy: by, closedAt: at }, changed: true };
    case 'escalate_now': {
      const target = Math.max(options.seenStep ?? e.step, 0) + 1;
      if (e.step >= target || (e.escalateTo ?? 0) >= target) return { ok: true, next: e, changed: false };
      // Escalating an acknowledged emergency means "I need more hands": it re-opens paging.
      return { ok: true, next: { ...e, status: 'open', escalateTo: target }, changed: true };
    }
  }
}

export function isPaging(e: Emergency): boolean {
  return e.status === 'open';
}

export function isClosed(e: Emergency): boolean {
  return e.status === 'resolved' || e.status === 'not_emergency';
}

export type ClaimOutcome = { ok: true; next: Emergency } | { ok: false; reason: 'not_paging' | 'already_paged' };

/**
 * An escalation job's right to page `step`. Taken atomically by the store before any page goes out, so an
 * acknowledgement that lands first always wins; a step whose pages never finished (a crashed worker) can be
 * claimed again, because paging twice beats paging nobody.
 */
export function claimStep(e: Emergency, step: number): ClaimOutcome {
  if (!isPaging(e)) return { ok: false, reason: 'not_paging' };
  if (e.step > step || (e.step === step && e.stepPaged !== false)) return { ok: false, reason: 'already_paged' };
  const { escalateTo, ...rest } = e;
  return { ok: true, next: { ...rest, step, stepPaged: false, ...(escalateTo !== undefined && escalateTo > step ? { escalateTo } : {}) } };
}

/**
 * The record that `step`'s pages have all settled; undefined when there is nothing to mark, because a later step
 * was claimed meanwhile ("Escalate now", a short ack timeout) and its own pages are what the flag now tracks.
 */
export function finishStep(e: Emergency, step: number): Emergency | undefined {
  return e.step === step && e.stepPaged === false ? { ...e, stepPaged: true } : undefined;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  error: 'High',
  warning: 'Medium',
  info: 'Low',
};
