import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deletePrefix, testPrefix, testRedisUrl } from '../helpers/redis';

const ROOT = path.resolve(__dirname, '../..');
const built = existsSync(path.join(ROOT, 'dist/src/cli/main.js'));

// The README's first command: with no Slack variables, `npm start` (= quadrant start) serves the sandbox.
(built ? describe : describe.skip)('quadrant start with no Slack tokens', () => {
  test('runs the sandbox, answers /health with 200, and stops cleanly on SIGTERM', async () => {
    const prefix = testPrefix();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/quadrant.js'), 'start'], {
      env: { PATH: process.env.PATH, REDIS_URL: testRedisUrl(), QUADRANT_REDIS_PREFIX: prefix, PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up line:\n${stderr}`)), 25_000);
        child.stderr.on('data', () => {
          const line = stderr.split('\n').find((l) => l.includes('Quadrant is running'));
          if (line) {
            clearTimeout(timer);
            resolve((JSON.parse(line) as { port: number }).port);
          }
        });
      });
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', role: 'all', mode: 'sandbox', redis: 'ok' });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // Machine output only on stdout; the sandbox's logs stay on stderr.
      expect(stderr).toContain('Quadrant stopped');
    } finally {
      child.kill('SIGKILL');
      await deletePrefix(prefix);
    }
  }, 40_000);
});
