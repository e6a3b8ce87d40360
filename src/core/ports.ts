import type { Item, ItemStatus } from './item';
import type { WorkspaceSettings } from '../config/settings';

/**
 * Ports the flows depend on. Adapters (store/, pagers/, slack/) implement them; connections,
 * key layouts and wire formats stay in the adapters.
 */

/** Stores items. Adding an item with an id that exists stores it once and returns the stored one. */
export interface ItemStore {
  add(item: Item): Promise<{ item: Item; created: boolean }>;
  get(team: string, id: string): Promise<Item | undefined>;
  /** The item filed from this source message, if any. */
  findBySource(team: string, channel: string, ts: string): Promise<Item | undefined>;
  update(team: string, id: string, patch: Partial<Item>): Promise<Item | undefined>;
  setStatus(team: string, id: string, status: ItemStatus, at: number): Promise<Item | undefined>;
  /** Open items waiting for a digest channel, oldest first. */
  listOpen(team: string, digestChannel: string): Promise<Item[]>;
  listByUser(team: string, user: string): Promise<Item[]>;
}

/** Workspace settings. `get` never fails for a known workspace: missing settings read as defaults. */
export interface SettingsStore {
  get(team: string): Promise<WorkspaceSettings>;
}

/** One on-call person as a pager sees them. */
export interface PageTarget {
  slack: string;
  phone?: string;
}

/** What a pager is asked to deliver. */
export interface PageRequest {
  team: string;
  emergencyId: string;
  /** Short code people reply with ("ACK 4821"). */
  code: string;
  /** Plain text, already stripped of Slack markup. */
  summary: string;
  severity: 'critical' | 'error' | 'warning' | 'info';
  reporter: string;
  /** Link to the emergency message in Slack, when known. */
  link?: string;
  tier: number;
  /** Marked test pages ("/quadrant oncall test") say so in every channel they use. */
  test?: boolean;
}

export type PageResult =
  | { ok: true; provider: string; target?: string; reference?: string }
  | {
      ok: false;
      provider: string;
      target?: string;
      retryable: boolean;
      reason: string;
      /** Another try is already scheduled (a per-emergency provider, retried from the queue): not given up yet. */
      retryLater?: boolean;
    };

/** What a provider is told when someone acknowledges or resolves. */
export interface FollowUpRequest extends Pick<PageRequest, 'team' | 'emergencyId'> {
  /** The emergency's voice calls so far (Twilio call sids), for hanging up phones still ringing. */
  calls?: readonly string[];
  /**
   * When the acknowledgement or resolution happened (epoch ms): an emergency re-opened by "Escalate now" can be
   * acknowledged again, and that is a new event, not a retry of the first.
   */
  at?: number;
}

/**
 * A paging provider. `perPerson` pagers get one call per target; per-emergency ones (PagerDuty, Opsgenie)
 * get one call per emergency and page their own responders. Implementations never throw: every outcome
 * is a PageResult, and they give up at their own timeout.
 */
export interface Pager {
  readonly id: string;
  readonly perPerson: boolean;
  page(request: PageRequest, target?: PageTarget): Promise<PageResult>;
  acknowledge?(request: FollowUpRequest): Promise<PageResult>;
  resolve?(request: FollowUpRequest): Promise<PageResult>;
}
