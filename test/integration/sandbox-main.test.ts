import { createServer, type Server } from 'node:net';
import { parseSettingsYaml } from '../../src/config/load';
import { sandboxPort, SANDBOX_SETTINGS } from '../../sandbox/main';
import { sandboxSettingsYaml } from '../../sandbox/settings';
import { startConsoleSandbox, type ConsoleSandbox } from '../helpers/console-sandbox';

// The sandbox is what `npm start` runs without tokens: the real app, wired to the fake Slack and the
// provider fakes, and reachable from its console. These tests go through the console as a person would.

describe('the sandbox settings', () => {
  test('validate against the settings schema', () => {
    const parsed = parseSettingsYaml(sandboxSettingsYaml('Europe/Budapest'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.fallback?.channels.C0OPS).toMatchObject({ area: 'daily_operations', digest: { at: '09:00' } });
      expect(parsed.value.fallback?.emergency.tiers).toHaveLength(2);
    }
    expect(parseSettingsYaml(SANDBOX_SETTINGS).ok).toBe(true);
  });
});

describe("the sandbox app's port", () => {
  test('is PORT when set, any free port for PORT=0, and the default (unset or set to it) unless something listens there', async () => {
    const said: string[] = [];
    const log = (m: string) => said.push(m);
    expect(await sandboxPort('4321', log)).toBe(4321);
    expect(await sandboxPort('0', log)).toBeGreaterThan(0);
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const busy = (taken.address() as { port: number }).port;
    try {
      const port = await sandboxPort(undefined, log, busy);
      expect(port).not.toBe(busy);
      expect(port).toBeGreaterThan(0);
      expect(said).toEqual([`port ${busy} is in use; the app listens on ${port} instead (set PORT to choose one)`]);
      // PORT=3000 from a copied .env.example is the default, not a demand.
      expect(await sandboxPort(String(busy), log, busy)).not.toBe(busy);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    // Free again, so the default is used.
    expect(await sandboxPort(undefined, log, busy)).toBe(busy);
  });
});

describe('a running sandbox, driven from its console', () => {
  let c: ConsoleSandbox;
  beforeAll(async () => {
    c = await startConsoleSandbox('qt-sandbox');
  });
  afterAll(() => c?.close());

  const waitForOutput = (pattern: RegExp) => c.sandbox.driver.waitFor(() => pattern.test(c.printed()), { what: `console output ${pattern}` });

  test("the banner says where the app listens and where its health check is", async () => {
    await waitForOutput(/health check/);
    expect(c.printed()).toContain(`The app listens at ${c.sandbox.appUrl} (health check: ${c.sandbox.appUrl}/health).`);
  });

  test('/async from the console reaches the app and its ephemeral answer is printed', async () => {
    c.write('/async Please review the Q3 handoff doc by Friday');
    await c.sandbox.driver.waitFor(() => c.sandbox.driver.ephemeralsFor('ada', '#ops').length > 0, { what: 'an ephemeral answer to /async' });
    await waitForOutput(/only visible to you/);
    expect(c.sandbox.slack.violations).toEqual([]);
    expect(c.sandbox.driver.warnings.filter((w) => w.kind !== 'slow_ack')).toEqual([]);
  });

  test('switching user and channel changes who posts where', async () => {
    c.write('/as bob');
    c.write('/in #hub');
    c.write('Draft RFC: move the billing service to event sourcing');
    // Found by its text: the bot may post in #hub meanwhile (piped lines wait for the app to go quiet).
    const message = await c.sandbox.driver.waitFor(() => c.sandbox.driver.messagesIn('#hub').find((m) => m.text.startsWith('Draft RFC')), { what: "bob's message in #hub" });
    expect(message).toMatchObject({ user: 'U0BOB', channel: 'C0HUB' });
  });
});

describe('the end of piped input', () => {
  test('before any line (stdin from /dev/null, `npm start &` in a script) leaves the sandbox running, without a console', async () => {
    const c = await startConsoleSandbox('qt-noinput');
    try {
      c.endInput();
      await c.sandbox.driver.waitFor(() => (c.printed().includes('the console is off') ? true : undefined), { what: 'the console-off line' });
      const outcome = await Promise.race([c.sandbox.stopped.then(() => 'stopped'), new Promise((resolve) => setTimeout(() => resolve('running'), 300))]);
      expect(outcome).toBe('running');
      expect((await fetch(`${c.sandbox.appUrl}/health`)).status).toBe(200);
    } finally {
      await c.close();
    }
  });

  test('after a script ends the sandbox once its lines have run', async () => {
    const c = await startConsoleSandbox('qt-script');
    try {
      c.write('/async review the onboarding copy');
      c.endInput();
      await c.sandbox.stopped;
      expect(c.printed()).toMatch(/Filed/);
    } finally {
      await c.close();
    }
  });
});
