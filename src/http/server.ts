import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log';

/** `url` is shared by every request to an exact route (see createHttpServer): read it, never change it. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix ending in "/". */
  path: string;
  handler: RouteHandler;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; undefined when it is larger (the caller answers 413), and the request is dropped. */
export function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) =>
    readBodyWithin(
      req,
      limit,
      (body) => {
        if (body === undefined) req.destroy();
        resolve(body);
      },
      reject,
    ),
  );
}

/**
 * Calls back with the body, or with undefined as soon as it grows past the limit (a chunked body has no length
 * to check first), then stops listening. Slack's path calls it directly and answers 413 on a connection it
 * closes; readBody wraps it in a promise for the other routes.
 */
export function readBodyWithin(req: IncomingMessage, limit: number, done: (body: Buffer | undefined) => void, failed?: (err: Error) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = () => req.off('data', onData).off('end', onEnd);
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) return void chunks.push(chunk);
    stop();
    done(undefined);
  };
  const onEnd = () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  // A client that goes away mid-body leaves nothing to answer.
  req.on('data', onData).once('end', onEnd).once('error', (err) => {
    stop();
    failed?.(err);
  });
}

/**
 * One HTTP server per process. Slack's paths go to Bolt's receiver (a POST once its signature is checked); the rest
 * are ours. Unknown paths get 404 and a handler that throws gets a bare 500, never a stack trace.
 */
export function createHttpServer(routes: Route[], logger: Logger): Server {
  // Slack posts to one exact path thousands of times a second: a request for an exact route is matched by
  // its raw target, without parsing a URL or walking the table (the URL it gets was parsed once, here).
  const exact = new Map<string, { route: Route; url: URL }>();
  for (const route of routes) {
    if (!route.path.endsWith('/')) exact.set(`${route.method} ${route.path}`, { route, url: new URL(route.path, 'http://localhost') });
  }
  return createServer((req, res) => {
    const hit = exact.get(`${req.method} ${req.url}`);
    if (hit) return handle(hit.route, req, res, hit.url, logger);
    const url = URL.canParse(req.url ?? '/', 'http://localhost') ? new URL(req.url ?? '/', 'http://localhost') : undefined;
    // A target no URL parser takes ("//", "http://[") is the client's mistake; thrown here it would end the process.
    if (!url) return sendJson(res, 400, { ok: false, error: 'bad_request' });
    const route = routes.find(
      (r) => r.method === req.method && (r.path === url.pathname || (r.path.endsWith('/') && url.pathname.startsWith(r.path))),
    );
    if (!route) {
      const known = routes.some((r) => r.path === url.pathname || (r.path.endsWith('/') && url.pathname.startsWith(r.path)));
      sendJson(res, known ? 405 : 404, { ok: false, error: known ? 'method_not_allowed' : 'not_found' });
      return;
    }
    handle(route, req, res, url, logger);
  });
}

function handle(route: Route, req: IncomingMessage, res: ServerResponse, url: URL, logger: Logger): void {
  const fail = (err: unknown) => {
    logger.error({ err, path: url.pathname }, 'HTTP handler failed');
    if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
    else res.end();
  };
  try {
    route.handler(req, res, url)?.catch(fail);
  } catch (err) {
    fail(err);
  }
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open past the shutdown budget.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}
