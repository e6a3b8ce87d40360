import type { PageRequest } from '../../../src/core/ports';
import { callTwiml, voiceGatherUrl } from '../../../src/pagers/twilio-voice';
import { xmlIssues } from '../../../sandbox/fakes/xml-check';

const request: PageRequest = {
  team: 'T0TEAM', emergencyId: 'E42', code: '4821', summary: 'db <disk> full & "writes" fail', severity: 'critical', reporter: 'Ada', tier: 1,
};

describe('callTwiml', () => {
  // Twilio refuses TwiML over 4,000 characters or not well-formed; summaries are user text of any length.
  test.each([
    ['a short summary, no public URL', request, undefined],
    ['a short summary, with a gather URL', request, 'https://quadrant.example.com'],
    ['a 10,000-character summary full of XML specials', { ...request, summary: '<&>"\' '.repeat(2_000) }, 'https://quadrant.example.com'],
  ])('%s: well-formed and within 4,000 characters', (_label, req, publicUrl) => {
    const twiml = callTwiml(req, publicUrl);
    expect(twiml.length).toBeLessThanOrEqual(4_000);
    expect(xmlIssues(twiml)).toEqual([]);
  });

  test('reads the code digit by digit and escapes the summary', () => {
    const twiml = callTwiml(request);
    expect(twiml).toContain('code 4 8 2 1');
    expect(twiml).toContain('db &lt;disk&gt; full &amp; &quot;writes&quot; fail');
    expect(twiml).toContain('Open Slack to acknowledge.');
    expect(twiml).not.toContain('<Gather');
  });

  test('asks for a key only when there is a public URL to send it to', () => {
    expect(callTwiml(request, 'https://quadrant.example.com/')).toContain(
      '<Gather numDigits="1" action="https://quadrant.example.com/hooks/twilio/voice?team=T0TEAM&amp;emergency=E42&amp;code=4821" method="POST"',
    );
  });
});

test('voiceGatherUrl encodes the emergency into the query', () => {
  expect(voiceGatherUrl('https://q.example.com/', { team: 'T0TEAM', emergencyId: '17.5 & x', code: '4821' })).toBe(
    'https://q.example.com/hooks/twilio/voice?team=T0TEAM&emergency=17.5+%26+x&code=4821',
  );
});
