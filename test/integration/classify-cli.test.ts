import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/quadrant.js');

// The compiled CLI is what people pipe into; `npm ci` builds it (prepare script), and so does `npm test`.
const built = existsSync(path.join(ROOT, 'dist/src/cli/main.js'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `quadrant classify` with `stdin` as its input file. With `firstLineOnly` the reader closes its end after the
 * first line, as `| head -1` does.
 */
function classify(stdin: number, firstLineOnly = false): Promise<Run> {
  const child = spawn(process.execPath, [BIN, 'classify'], { stdio: [stdin, 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (firstLineOnly && stdout.includes('\n')) {
      stdout = stdout.slice(0, stdout.indexOf('\n') + 1);
      child.stdout!.destroy();
    }
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

(built ? describe : describe.skip)('quadrant classify, run as a command', () => {
  let dir: string;
  const input = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return openSync(file, 'r');
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'quadrant-classify-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('stops quietly with exit code 0 when the reader closes the pipe early (| head -1)', async () => {
    // Far more output than a pipe buffers, so the command is still writing when the reader goes.
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: i + 1, text: 'prod is down for everyone' }));
    const fd = input('many.jsonl', `${lines.join('\n')}\n`);
    try {
      const run = await classify(fd, true);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ id: 1, area: 'emergency', urgent: true, important: true });
    } finally {
      closeSync(fd);
    }
  });

  // chrono 2.10 turns "u h" and "einige Tage" into NaN spans, and its zone refiner then looped for ever: one
  // such message froze the process. Run as a child process, a regression fails this test instead of hanging Jest.
  test('answers messages whose dates chrono reads as NaN instead of hanging', async () => {
    const texts = ['llamada mañana uh pt', 'llamada mañana, u h ET', 'Call morgen oder in einige Tage, 10 Uhr ET'];
    const fd = input('nan.jsonl', texts.map((text, i) => JSON.stringify({ id: `n${i}`, text })).join('\n') + '\n');
    try {
      const run = await classify(fd);
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string; area: string }).id)).toEqual(['n0', 'n1', 'n2']);
    } finally {
      closeSync(fd);
    }
  }, 30_000);

  test('reads a first record saved with a UTF-8 byte-order mark', async () => {
    const records = `${JSON.stringify({ id: 'a', text: 'prod is down for everyone' })}\n${JSON.stringify({ id: 'b', text: 'can we jump on a call?' })}\n`;
    const fd = input('bom.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(records)]));
    try {
      const run = await classify(fd);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; area: string }).map((l) => [l.id, l.area])).toEqual([
        ['a', 'emergency'],
        ['b', 'online_meeting'],
      ]);
    } finally {
      closeSync(fd);
    }
  });
});
