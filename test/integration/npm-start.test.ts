import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  const dir = mkdtempSync(path.join(tmpdir(), 'qt-npm-start-'));
  // Cleaned up here, not in the test: a test that times out never reaches its finally.
  const runs: Array<{ pid: number; prefix: string }> = [];
  afterEach(async () => {
    for (const { pid, prefix } of runs.splice(0)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await deletePrefix(prefix);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs a shell command line in a process group of its own (so the shell's node child goes with it), to its exit. */
  const runShell = async (commandLine: string): Promise<{ code: number | null; stdout: string; stderr: string }> => {
    const prefix = testPrefix();
    const child = spawn('sh', ['-c', commandLine], {
      env: { PATH: process.env.PATH, REDIS_URL: testRedisUrl(), QUADRANT_REDIS_PREFIX: prefix, PORT: '0', LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    runs.push({ pid: child.pid!, prefix });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    return { code, stdout, stderr };
  };
  const quadrant = (args: string) => runShell(`"${process.execPath}" "${path.join(ROOT, 'bin/quadrant.js')}" ${args} < /dev/null`);

  test('start --help prints its usage and exits 0 without starting anything', async () => {
    const { code, stdout, stderr } = await quadrant('start --help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^usage: quadrant start \[--role web\|worker\|all\]\n/);
    expect(stdout).toContain('-h, --help');
    expect((await quadrant('start -h')).stdout).toBe(stdout);
  });

  test('start with an unknown option says so in one line, then the usage, and exits 2 without starting', async () => {
    const { code, stdout, stderr } = await quadrant('start --rolee web');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toBe('quadrant: unknown option "--rolee" for start');
    expect(stderr).toContain('usage: quadrant start');
    expect((await quadrant('start --role nope')).stderr.split('\n')[0]).toBe('quadrant: --role must be one of web, worker, all (got nope)');
  });

  test('config validate --help prints its usage and exits 0', async () => {
    const { code, stdout, stderr } = await quadrant('config validate --help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^usage: quadrant config validate FILE\n/);
  });

  // A script of console lines, piped or redirected in: each runs in order, its answers print under it, and
  // the end of the script ends the sandbox with 0. (stdin from /dev/null, as above, keeps it serving.)
  const script = '/help\n/async hello\n';
  test.each([
    ['piped', (bin: string) => `printf '${script.replace(/\n/g, '\\n')}' | "${process.execPath}" "${bin}" start`],
    ['redirected from a file', (bin: string) => {
      const file = path.join(dir, 'script.txt');
      writeFileSync(file, script);
      return `"${process.execPath}" "${bin}" start < "${file}"`;
    }],
  ])('runs console lines %s and exits 0 at their end', async (_how, commandLine) => {
    const { code, stdout, stderr } = await runShell(commandLine(path.join(ROOT, 'bin/quadrant.js')));
    // Console mode keeps the app's info logs out of the conversation.
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const help = stdout.indexOf('ada@#ops> /help');
    const asyncLine = stdout.indexOf('ada@#ops> /async hello');
    const answer = stdout.indexOf('Filed as *Daily operations*');
    expect(help).toBeGreaterThan(stdout.indexOf('Quadrant sandbox: a stand-in Slack workspace'));
    expect(stdout.slice(help, asyncLine)).toContain('/click <n|label>');
    expect(answer).toBeGreaterThan(asyncLine);
    expect(stdout.slice(answer, answer + 200)).toContain('> hello');
  }, 40_000);
});
