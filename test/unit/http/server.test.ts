import type { Server } from 'node:http';
import { connect } from 'node:net';
import { closeServer, createHttpServer, listen, sendJson, type Route } from '../../../src/http/server';
import { memoryLogger } from '../../helpers/emergency-stack';

describe('createHttpServer routing', () => {
  const logs: string[] = [];
  const urls: URL[] = [];
  const routes: Route[] = [
    {
      method: 'POST',
      path: '/slack/events',
      handler: (_req, res, url) => {
        urls.push(url);
        sendJson(res, 200, { path: url.pathname, search: url.search });
      },
    },
    { method: 'GET', path: '/health', handler: async (_req, res) => sendJson(res, 200, { ok: true }) },
    { method: 'GET', path: '/api/', handler: async (_req, res, url) => sendJson(res, 200, { prefix: url.pathname }) },
    { method: 'GET', path: '/throws', handler: () => { throw new Error('sync failure') } },
    { method: 'GET', path: '/rejects', handler: async () => { throw new Error('async failure') } },
  ];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createHttpServer(routes, memoryLogger(logs));
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(() => closeServer(server));

  const call = async (method: string, path: string) => {
    const res = await fetch(`${base}${path}`, { method });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test.each([
    ['POST', '/slack/events', 200, { path: '/slack/events', search: '' }],
    // With a query string the exact-path shortcut does not apply; the route is still found, with its query.
    ['POST', '/slack/events?ssl_check=1', 200, { path: '/slack/events', search: '?ssl_check=1' }],
    ['GET', '/health', 200, { ok: true }],
    ['GET', '/api/emergencies/T0/em1', 200, { prefix: '/api/emergencies/T0/em1' }],
    ['GET', '/slack/events', 405, { ok: false, error: 'method_not_allowed' }],
    ['POST', '/slack/events/', 404, { ok: false, error: 'not_found' }],
    ['POST', '/slack//events', 404, { ok: false, error: 'not_found' }],
    ['GET', '/nowhere', 404, { ok: false, error: 'not_found' }],
    ['GET', '/throws', 500, { ok: false, error: 'internal_error' }],
    ['GET', '/rejects', 500, { ok: false, error: 'internal_error' }],
  ])('%s %s answers %i', async (method, path, status, body) => {
    expect(await call(method, path)).toEqual({ status, body });
  });

  test.each(['//', 'http://[', '//[::1'])('a request target no URL parser takes (%s) gets 400 and the server keeps serving', async (target) => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { ok: true } });
  });

  test('an exact route is answered without parsing a URL: its handler gets the one parsed at start-up', async () => {
    urls.length = 0;
    await call('POST', '/slack/events');
    await call('POST', '/slack/events');
    await call('POST', '/slack/events?retry=1');
    expect(urls[0]).toBe(urls[1]);
    expect(urls[2]).not.toBe(urls[0]);
  });

  test('a failing handler is logged with its path, and no stack reaches the client', async () => {
    const res = await fetch(`${base}/throws`);
    expect(await res.text()).not.toContain('sync failure');
    expect(logs.join('\n')).toMatch(/HTTP handler failed.*"path":"\/throws"|"path":"\/throws".*HTTP handler failed/);
  });
});
