import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { QuadrantError } from '../src/core/errors';

export interface FoundRedis {
  url: string;
  /** Set when the sandbox started its own redis-server. */
  privatePort?: number;
  /** Stops the private server; a no-op for a Redis someone else runs. */
  stop(): Promise<void>;
}

export interface FindRedisOptions {
  url: string;
  /** REDIS_URL was set: never start a private server in its place, say it is unreachable. */
  urlWasSet: boolean;
  /** Test seam: the binary to look for on PATH. */
  serverBinary?: string;
  probeTimeoutMs?: number;
  /** Where progress is reported (the sandbox logger). */
  log?: (message: string) => void;
}

export const HOW_TO_GET_REDIS = [
  'Quadrant needs Redis. Either:',
  '  - start the project\'s Redis:  docker compose up -d redis',
  '  - or install it:              apt-get install redis-server   (Debian/Ubuntu)',
  '                                brew install redis             (macOS)',
  '    and the sandbox starts a private one for you (no persistence, its own port).',
  '  - or point REDIS_URL at a Redis you already run.',
].join('\n');

/** True when something answers PING at the URL; one attempt, no reconnects, so a miss is quick. */
export async function isRedisAnswering(url: string, timeoutMs = 500): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    // ioredis otherwise keeps a refused socket's 2-second disconnect timer, holding the process open.
    disconnectTimeout: 50,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function onPath(binary: string): string | undefined {
  if (binary.includes(path.sep)) return binary;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A port nothing listens on right now (for a private redis-server or the sandbox app). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The Redis the sandbox should use: the given URL if something answers there; else, when REDIS_URL
 * was left unset and redis-server is on PATH, a private server on a free port without persistence,
 * stopped with the sandbox; else an error that says how to get Redis.
 */
export async function findRedis(options: FindRedisOptions): Promise<FoundRedis> {
  const log = options.log ?? (() => {});
  if (await isRedisAnswering(options.url, options.probeTimeoutMs)) return { url: options.url, stop: async () => {} };
  if (options.urlWasSet) {
    throw new QuadrantError('quadrant_redis_unavailable', `Nothing answers at REDIS_URL (${options.url}). Start that Redis, or unset REDIS_URL to let the sandbox find or start one.\n${HOW_TO_GET_REDIS}`);
  }
  const binary = onPath(options.serverBinary ?? 'redis-server');
  if (!binary) {
    throw new QuadrantError('quadrant_redis_unavailable', `Nothing answers at ${options.url} and redis-server is not on PATH.\n${HOW_TO_GET_REDIS}`);
  }
  const port = await freePort();
  log(`no Redis at ${options.url}; starting a private redis-server on port ${port} (no persistence)`);
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-2000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-2000)));
  // If the sandbox dies without stopping, do not leave a redis-server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  const url = `redis://127.0.0.1:${port}`;
  const started = await waitUntilAnswering(url, child);
  if (!started) {
    await stop();
    throw new QuadrantError('quadrant_redis_unavailable', `The private redis-server did not start (${binary}):\n${output.trim()}\n${HOW_TO_GET_REDIS}`);
  }
  return { url, privatePort: port, stop };
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) return false;
    if (await isRedisAnswering(url, 200)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
