import type { Server } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { createMetrics } from '../../../src/http/metrics';
import { metricsRoute } from '../../../src/http/metrics-route';
import { closeServer, createHttpServer, listen } from '../../../src/http/server';
import { createQueues, type Queues } from '../../../src/queue/queues';
import { bullConnectionOptions } from '../../../src/redis';
import { memoryLogger } from '../../helpers/emergency-stack';

// A scrape during a Redis outage is when the error counters matter most: it must answer, without queue depths.
describe('/metrics while Redis does not answer', () => {
  let server: Server;
  let queues: Queues;
  let connection: Redis;
  let silent: NetServer;
  const sockets: Socket[] = [];
  let base: string;

  beforeAll(async () => {
    // A server that accepts connections and never answers, as a frozen Redis does: BullMQ's connection waits for ever.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    connection = new Redis(bullConnectionOptions(`redis://127.0.0.1:${(silent.address() as AddressInfo).port}`));
    connection.on('error', () => undefined);
    queues = createQueues(connection, 'metrics-test');
    for (const queue of Object.values(queues)) queue.on('error', () => undefined);
    const metrics = createMetrics();
    metrics.errors.inc({ code: 'quadrant_redis_unavailable' });
    server = createHttpServer([metricsRoute(metrics, queues)], memoryLogger([]));
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(async () => {
    await closeServer(server);
    // Queue.disconnect() waits for a connection that never became ready; ending our own ends it.
    connection.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  test('answers 200 with the counters and no depths', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('quadrant_errors_total{code="quadrant_redis_unavailable"} 1');
    expect(text).not.toMatch(/quadrant_queue_depth\{[^}]*\} \d/);
  });
});
