import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The shared half of every provider fake: a real HTTP server on 127.0.0.1 that records each request,
 * checks it against the provider's rules, and answers the way the provider does, or the way it does on
 * a bad day when a test (or the sandbox) switches the mode.
 */

export const FAKE_MODES = ['ok', 'fail500', 'hang', 'status429', 'garbage', 'drop', 'unauthorized'] as const;
/**
 * ok: real success answers. fail500 / status429 / unauthorized: the provider's own error body for that
 * status. hang: never answers. garbage: 200 with an HTML page (a captive proxy). drop: closes the socket.
 */
export type FakeMode = (typeof FAKE_MODES)[number];

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The mode the fake was in when it answered. */
  mode: FakeMode;
  /** Where the request breaks the provider's spec; empty when it conforms. */
  issues: string[];
}

export interface FakeAnswer {
  status: number;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeBehaviour {
  /** Spec checks; run on every request whatever the mode. */
  validate(request: RecordedRequest): string[];
  /** The answer in 'ok' mode: success, or the provider's own error when the request is wrong. */
  answer(request: RecordedRequest): FakeAnswer;
  /** The provider's body for a status it can be switched to. */
  failure(mode: 'fail500' | 'status429' | 'unauthorized', request: RecordedRequest): FakeAnswer;
  /** Headers the provider puts on every answer. */
  commonHeaders?(): Record<string, string>;
}

export interface FakeServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Requests with spec issues; a test asserts this is empty. */
  validationFailures(): Array<{ method: string; path: string; issues: string[] }>;
  /** Switches the mode; with `times`, back to 'ok' after that many requests. */
  setMode(mode: FakeMode, options?: { times?: number }): void;
  readonly mode: FakeMode;
  onRequest(listener: (request: RecordedRequest) => void): () => void;
  /** Clears recorded requests and the mode (providers clear their own state too). */
  reset(): void;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, answer: FakeAnswer, common: Record<string, string>): void {
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(answer.status, { 'content-type': type, ...common, ...answer.headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

const GARBAGE = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

export async function startFakeServer(behaviour: FakeBehaviour, options: { port?: number } = {}): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const listeners = new Set<(request: RecordedRequest) => void>();
  let mode: FakeMode = 'ok';
  let remaining: number | undefined;

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const current = mode;
        if (remaining !== undefined && --remaining <= 0) {
          mode = 'ok';
          remaining = undefined;
        }
        const request: RecordedRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body, mode: current, issues: [] };
        request.issues = behaviour.validate(request);
        requests.push(request);
        for (const listener of listeners) listener(request);
        const common = behaviour.commonHeaders?.() ?? {};
        switch (current) {
          case 'hang':
            return; // stop() closes the socket
          case 'drop':
            req.socket.destroy();
            return;
          case 'garbage':
            res.writeHead(200, { 'content-type': 'text/html' });
            res.end(GARBAGE);
            return;
          case 'ok':
            send(res, behaviour.answer(request), common);
            return;
          default:
            send(res, behaviour.failure(current, request), common);
        }
      })
      .catch(() => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get mode() {
      return mode;
    },
    validationFailures: () => requests.filter((r) => r.issues.length > 0).map((r) => ({ method: r.method, path: r.path, issues: r.issues })),
    setMode(next, opts) {
      mode = next;
      remaining = opts?.times;
    },
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      requests.length = 0;
      mode = 'ok';
      remaining = undefined;
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging requests would keep close() waiting forever.
        server.closeAllConnections();
      });
    },
  };
}

/** Reads a header that may arrive repeated. */
export function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function isJsonContentType(request: RecordedRequest): boolean {
  return /^application\/json\b/i.test(header(request, 'content-type') ?? '');
}
