import { startConsoleSandbox, type ConsoleSandbox } from '../helpers/console-sandbox';

// The console as a newcomer meets it: lines in, the transcript out, against the real app.

describe('the sandbox console', () => {
  let c: ConsoleSandbox;
  beforeAll(async () => {
    c = await startConsoleSandbox('qt-console');
  });
  afterAll(() => c?.close());
  const type = (line: string, until: RegExp) => c.type(line, until);

  test('/submit answered with response_action errors says which field and why the form stays open', async () => {
    await type('/emergency', /Modal "Declare an emergency"/);
    const shown = await type('/submit text="   "', /\/submit again/);
    expect(shown).toContain('"Declare an emergency" stays open');
    expect(shown).toContain('│ 1 What is happening? (text): Say what is happening, in a sentence.');
    await type('/cancel', /closed/);
  });

  test('/submit answered with response_action update shows the new view by its title', async () => {
    await type('/quadrant import', /Modal "Import settings"/);
    const shown = await type(`/submit yaml="timezone: UTC"`, /Modal "Confirm import"/);
    expect(shown).not.toContain('stays open');
    await type('/cancel', /closed/);
  });

});
