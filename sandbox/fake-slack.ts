import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { readBody, parseForm, parseMultipart } from './http-body';
import { MethodsIndex, type Violation } from './methods-index';
import { ResponseUrls } from './response-urls';
import { SlackApiError } from './slack-api-error';
import { Tokens } from './tokens';
import { Workspace } from './workspace';
import type { CallContext, Handler } from './web-api/args';
import { chatMethods } from './web-api/chat';
import { conversationMethods } from './web-api/conversations';
import { miscMethods } from './web-api/misc';
import { oauthV2Access } from './web-api/oauth';
import { viewMethods } from './web-api/views';

const HANDLERS: Record<string, Handler> = { ...chatMethods, ...conversationMethods, ...viewMethods, ...miscMethods };

/**
 * Added by the SDK itself, not by the app: Bolt gives each listener's client a `teamId`, and web-api
 * then puts `team_id` on every call. Slack ignores it where the method has no such argument.
 */
const SDK_ADDED_ARGS = new Set(['team_id']);

export interface RecordedCall {
  method: string;
  /** Decoded arguments: form fields as strings, JSON-encoded ones (blocks, view, ...) as values. */
  args: Record<string, unknown>;
  at: number;
  contentType: string;
  tokenInHeader: boolean;
  status: number;
  response: unknown;
}

/** A scripted misbehaviour. `times` limits how many calls it hits (default: until cleared). */
export interface Fault {
  /** Answer this HTTP status instead (500 for "Slack is down", 429 adds Retry-After). */
  status?: number;
  /** Answer HTTP 200 `{ ok: false, error }`. */
  error?: string;
  /** Answer this raw body (garbage) with status 200 unless `status` says otherwise. */
  body?: string;
  /** Wait this long first (a stall), then answer as scripted or normally. */
  delayMs?: number;
  retryAfterSec?: number;
  times?: number;
}

export interface RateLimit {
  /** Calls allowed per window; beyond it the fake answers 429 with Retry-After. */
  limit: number;
  windowMs?: number;
  /** Count per channel argument (chat.postMessage's "1 per second per channel") or per method. */
  per?: 'channel' | 'method';
  retryAfterSec?: number;
}

export interface FakeSlackOptions {
  botToken: string;
  workspace?: Workspace;
  /** Path of shared/slack/web-api/methods-index.json; turns on strict mode. */
  strictIndexPath?: string;
  port?: number;
  host?: string;
  oauthClient?: { clientId: string; clientSecret: string };
  /** The scope string oauth.v2.access reports. */
  scopes?: string;
}

/**
 * A stand-in for https://slack.com/api: answers `POST /api/<method>` (form or JSON bodies) as Slack
 * does, from the in-memory workspace, and records every call. Also serves the response_urls and
 * file upload URLs it hands out. Tests can switch it to fail, stall or rate-limit.
 */
export class FakeSlack extends EventEmitter {
  readonly workspace: Workspace;
  readonly tokens: Tokens;
  readonly responseUrls: ResponseUrls;
  readonly calls: RecordedCall[] = [];
  /** Strict-mode findings: methods or arguments Slack does not know, required arguments missing. */
  readonly violations: Violation[] = [];
  /** Calls Slack accepts but that probably miss their aim (a reply to a thread that does not exist). */
  readonly warnings: string[] = [];
  private readonly index?: MethodsIndex;
  private readonly faults = new Map<string, Fault[]>();
  private readonly rateLimits = new Map<string, RateLimit>();
  private readonly rateWindows = new Map<string, number[]>();
  private readonly scopes: string;
  private server?: Server;
  private baseUrl = '';

  private constructor(options: FakeSlackOptions) {
    super();
    this.workspace = options.workspace ?? new Workspace();
    this.tokens = new Tokens(options.botToken, options.oauthClient);
    this.responseUrls = new ResponseUrls(this.workspace, () => this.baseUrl);
    this.index = options.strictIndexPath ? MethodsIndex.load(options.strictIndexPath) : undefined;
    this.scopes = options.scopes ?? 'commands,chat:write';
  }

  static async start(options: FakeSlackOptions): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await fake.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    return fake;
  }

  /** e.g. http://127.0.0.1:41234 */
  get url(): string {
    return this.baseUrl;
  }

  /** What SLACK_API_URL should be set to. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  get strict(): boolean {
    return this.index !== undefined;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  // ---- switches for tests

  /** Every API call answers HTTP 500, as when Slack is down. */
  setDown(down: boolean): void {
    if (down) this.faults.set('*', [{ status: 500, body: '<html><body>Slack is down (sandbox)</body></html>' }]);
    else this.faults.delete('*');
  }

  /** `method` answers `{ ok: false, error }` (for `times` calls, or until cleared). */
  failMethod(method: string, error: string, times?: number): void {
    this.fault(method, { error, times });
  }

  fault(method: string | '*', fault: Fault): void {
    const list = this.faults.get(method) ?? [];
    list.push({ ...fault });
    this.faults.set(method, list);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Off by default; e.g. setRateLimit('chat.postMessage', { limit: 1, per: 'channel' }). */
  setRateLimit(method: string, limit: RateLimit | undefined): void {
    if (limit) this.rateLimits.set(method, limit);
    else this.rateLimits.delete(method);
    this.rateWindows.clear();
  }

  /** A code for GET /slack/oauth_redirect?code=...; oauth.v2.access exchanges it once for a bot token. */
  issueOAuthCode(options?: { teamId?: string; teamName?: string; installer?: string }): string {
    return this.tokens.issueCode(options);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ---- HTTP

  private async listen(port: number, host: string): Promise<void> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        this.warnings.push(`fake Slack failed on ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) send(res, 500, { ok: false, error: 'internal_error' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${address.port}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (api) return this.handleApi(api[1]!, req, url, body, res);
    const response = /^\/response\/[A-Z0-9]+\/([A-Z0-9]+)$/.exec(url.pathname);
    if (response && req.method === 'POST') return this.handleResponseUrl(response[1]!, req, body, res);
    const upload = /^\/upload\/v1\/([A-Z0-9]+)$/.exec(url.pathname);
    if (upload && req.method === 'POST') return this.handleUpload(upload[1]!, req, body, res);
    send(res, 404, { ok: false, error: 'not_found' });
  }

  private async handleApi(method: string, req: IncomingMessage, url: URL, raw: Buffer, res: ServerResponse): Promise<void> {
    const contentType = String(req.headers['content-type'] ?? '');
    const isJson = contentType.startsWith('application/json');
    const query = Object.fromEntries(Object.entries(parseQuery(url.search.slice(1))).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v ?? '']));
    let bodyArgs: Record<string, unknown> = {};
    let badJson = false;
    if (isJson) {
      try {
        const parsed: unknown = raw.length ? JSON.parse(raw.toString()) : {};
        bodyArgs = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
      } catch {
        badJson = true;
      }
    } else if (contentType.startsWith('multipart/form-data')) {
      for (const part of parseMultipart(raw, contentType)) bodyArgs[part.name] = part.filename ? part.data : part.data.toString();
    } else {
      bodyArgs = parseForm(raw.toString());
    }
    const args: Record<string, unknown> = { ...query, ...bodyArgs };
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    const call: RecordedCall = { method, args, at: this.workspace.now(), contentType, tokenInHeader: Boolean(bearer), status: 200, response: undefined };
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      call.response = payload;
      this.calls.push(call);
      if (typeof payload === 'string') {
        res.writeHead(status, { 'content-type': 'text/html', ...headers });
        res.end(payload);
      } else {
        send(res, status, payload, headers);
      }
      this.emit('call', call);
    };

    const fault = this.takeFault(method);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && (fault.status !== undefined || fault.error !== undefined || fault.body !== undefined)) {
      const status = fault.status ?? 200;
      const headers: Record<string, string> = status === 429 ? { 'retry-after': String(fault.retryAfterSec ?? 1) } : {};
      if (fault.body !== undefined) return answer(status, fault.body, headers);
      return answer(status, status === 429 ? { ok: false, error: 'ratelimited' } : { ok: false, error: fault.error ?? 'internal_error' }, headers);
    }
    if (badJson) return answer(200, { ok: false, error: 'invalid_json' });

    if (this.index) {
      const found = this.index
        .check(method, Object.fromEntries(Object.entries(args).filter(([k]) => !SDK_ADDED_ARGS.has(k))), { tokenInHeader: Boolean(bearer), json: isJson })
        .map((v) => ({ ...v, at: call.at }));
      if (found.length > 0) {
        this.violations.push(...found);
        const messages = found.map((v) => `[ERROR] strict sandbox: ${v.kind}${v.argument ? ` "${v.argument}"` : ''}`);
        return answer(200, { ok: false, error: found[0]!.kind === 'unknown_method' ? 'unknown_method' : 'invalid_arguments', response_metadata: { messages } });
      }
    }

    try {
      if (method === 'oauth.v2.access') return answer(200, oauthV2Access(this.tokens, args, basicAuth(req), this.scopes));
      const handler = HANDLERS[method];
      if (!handler) return answer(200, { ok: false, error: 'unknown_method' });
      const auth = this.tokens.resolve(bearer ?? (typeof args.token === 'string' ? args.token : undefined));
      const retryAfter = this.rateLimited(method, args);
      if (retryAfter !== undefined) return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      const context: CallContext = { ws: this.workspace, args, auth, baseUrl: this.baseUrl, warn: (text) => this.warnings.push(text) };
      return answer(200, handler(context));
    } catch (err) {
      if (err instanceof SlackApiError) {
        return answer(200, { ok: false, error: err.code, ...(err.messages.length ? { response_metadata: { messages: err.messages } } : {}) });
      }
      // A bug in the fake, not in the app: say so where tests look, and answer as Slack does when it breaks.
      this.warnings.push(`fake Slack failed in ${method}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return answer(200, { ok: false, error: 'internal_error' });
    }
  }

  private async handleResponseUrl(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = String(req.headers['content-type'] ?? '').startsWith('application/json') ? JSON.parse(raw.toString()) : parseForm(raw.toString()).payload;
      if (typeof body === 'string') body = JSON.parse(body);
    } catch {
      body = undefined;
    }
    const answer = this.responseUrls.post(id, body);
    send(res, answer.status, answer.body);
    this.emit('response_url', this.responseUrls.posts.at(-1));
  }

  private async handleUpload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const contentType = String(req.headers['content-type'] ?? '');
    let bytes = raw;
    if (contentType.startsWith('multipart/form-data')) {
      const parts = parseMultipart(raw, contentType);
      bytes = (parts.find((p) => p.filename !== undefined) ?? parts[0])?.data ?? Buffer.alloc(0);
    }
    if (!this.workspace.files.receive(fileId, bytes)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('file not found');
      return;
    }
    // Slack's upload endpoint answers with a plain-text receipt.
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
    this.emit('upload', { fileId, length: bytes.length });
  }

  private takeFault(method: string): Fault | undefined {
    for (const key of [method, '*']) {
      const list = this.faults.get(key);
      const fault = list?.[0];
      if (!fault) continue;
      if (fault.times !== undefined) {
        fault.times -= 1;
        if (fault.times <= 0) list!.shift();
      }
      return fault;
    }
    return undefined;
  }

  /** Seconds to wait when the call is over its limit, else undefined (and the call is counted). */
  private rateLimited(method: string, args: Record<string, unknown>): number | undefined {
    const limit = this.rateLimits.get(method);
    if (!limit) return undefined;
    const windowMs = limit.windowMs ?? 1000;
    const key = limit.per === 'method' ? method : `${method}:${String(args.channel ?? '')}`;
    const now = this.workspace.now();
    const recent = (this.rateWindows.get(key) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= limit.limit) {
      this.rateWindows.set(key, recent);
      return limit.retryAfterSec ?? Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
    }
    recent.push(now);
    this.rateWindows.set(key, recent);
    return undefined;
  }
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(payload));
}

function basicAuth(req: IncomingMessage): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) return undefined;
  const [id, secret] = Buffer.from(m[1]!, 'base64').toString().split(':');
  return id && secret ? { id, secret } : undefined;
}
