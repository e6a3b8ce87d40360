import { performance } from 'node:perf_hooks';
import { signRequest } from './sign';

/** Slack gives up on an acknowledgement after 3 seconds (FACTS.md §2). */
export const ACK_DEADLINE_MS = 3000;

export type DeliveryKind = 'event' | 'command' | 'interaction' | 'url_verification' | 'ssl_check';

export interface Delivery {
  kind: DeliveryKind;
  /** HTTP status of the app's answer; 0 when the request failed or was not sent. */
  status: number;
  /** Milliseconds until the app answered. */
  ackMs: number;
  /** The answer's body as text (an ack body: a command reply, a view_submission response_action). */
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  contentType: string;
  /** What was sent, byte for byte, so it can be sent again as a retry. */
  requestBody: string;
  requestContentType: string;
  eventId?: string;
  retryNum?: number;
  /** Set when the sandbox did not send it: the app does not subscribe to this event. */
  skipped?: string;
  /** A network error, when status is 0. */
  error?: string;
}

export interface TransportWarning {
  kind: 'slow_ack' | 'http_status' | 'network';
  detail: string;
  delivery: Delivery;
}

export interface SendOptions {
  kind: DeliveryKind;
  body: string;
  /** Exactly as Slack sends it: Bolt 5.1 compares the form type without parameters (FIELDS.md). */
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  eventId?: string;
  retry?: { num: number; reason: string };
  /** Leave the signature off (the SSL check) or break it (to test rejection). */
  signature?: 'none' | 'wrong';
}

/**
 * Sends signed requests to the app's Request URL as Slack does, and measures the acknowledgement.
 * It does not give up after 3 seconds (a test may want to see a late answer); it records a warning.
 */
export class Transport {
  readonly deliveries: Delivery[] = [];
  readonly warnings: TransportWarning[] = [];

  constructor(
    private readonly requestUrl: string,
    private readonly signingSecret: string,
    private readonly clockSec: () => number,
  ) {}

  async send(options: SendOptions): Promise<Delivery> {
    const headers: Record<string, string> = { 'content-type': options.contentType, 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)' };
    if (options.signature !== 'none') {
      const signed = signRequest(options.signature === 'wrong' ? `${this.signingSecret}-wrong` : this.signingSecret, options.body, this.clockSec());
      Object.assign(headers, signed);
    }
    if (options.retry) {
      headers['x-slack-retry-num'] = String(options.retry.num);
      headers['x-slack-retry-reason'] = options.retry.reason;
    }
    const delivery: Delivery = {
      kind: options.kind,
      status: 0,
      ackMs: 0,
      body: '',
      contentType: '',
      requestBody: options.body,
      requestContentType: options.contentType,
      ...(options.eventId ? { eventId: options.eventId } : {}),
      ...(options.retry ? { retryNum: options.retry.num } : {}),
    };
    const started = performance.now();
    try {
      // A generous cap so a hung app fails the test instead of hanging it.
      const res = await fetch(this.requestUrl, { method: 'POST', headers, body: options.body, signal: AbortSignal.timeout(30_000) });
      delivery.body = await res.text();
      delivery.status = res.status;
      delivery.contentType = res.headers.get('content-type') ?? '';
      if (delivery.body) {
        try {
          delivery.json = JSON.parse(delivery.body);
        } catch {
          // Plain text acks are allowed (a command reply).
        }
      }
    } catch (err) {
      delivery.error = err instanceof Error ? err.message : String(err);
      this.warnings.push({ kind: 'network', detail: delivery.error, delivery });
    }
    delivery.ackMs = Math.round(performance.now() - started);
    if (delivery.ackMs > ACK_DEADLINE_MS) {
      this.warnings.push({ kind: 'slow_ack', detail: `${options.kind} acknowledged after ${delivery.ackMs} ms; Slack gives up after ${ACK_DEADLINE_MS} ms`, delivery });
    }
    if (delivery.status !== 0 && (delivery.status < 200 || delivery.status > 299)) {
      this.warnings.push({ kind: 'http_status', detail: `${options.kind} answered HTTP ${delivery.status}`, delivery });
    }
    this.deliveries.push(delivery);
    return delivery;
  }
}
