import { formatIssues, parseSettingsYaml } from '../../../src/config/load';

describe('parseSettingsYaml', () => {
  test('reads one settings object for every workspace, with defaults', () => {
    const outcome = parseSettingsYaml('timezone: Europe/Budapest\nemergency: { ack_timeout: 90s }\n');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.fallback?.timezone).toBe('Europe/Budapest');
    expect(outcome.value.fallback?.emergency.ack_timeout).toBe(90_000);
    expect(outcome.value.fallback?.offline_lead_time).toBe(21 * 86_400_000);
  });

  test('reads settings per team id under workspaces:', () => {
    const outcome = parseSettingsYaml('workspaces:\n  T0AAA: { timezone: UTC }\n  T0BBB: { timezone: Asia/Tokyo }\n');
    expect(outcome.ok && Object.keys(outcome.value.workspaces)).toEqual(['T0AAA', 'T0BBB']);
  });

  // Rows pick one mistake of each kind people make, and where the line number must point.
  const cases: Array<[label: string, yaml: string, path: string, line: number, message: RegExp]> = [
    ['an unknown time zone', 'admins: []\ntimezone: Mars/Olympus\n', 'timezone', 2, /IANA time zone/],
    ['an ack timeout below 10s', 'emergency:\n  ack_timeout: 2s\n', 'emergency.ack_timeout', 2, /between 10s and 24h/],
    ['a phone number not in E.164', 'emergency:\n  tiers:\n    - [{ slack: U0ADA, phone: "06 20 123 4567" }]\n', 'emergency.tiers.0.0.phone', 3, /E\.164/],
    ['a channel name instead of an id', 'channels:\n  "#ops": { area: daily_operations }\n', 'channels.#ops', 2, /channel id/],
    ['an unknown key', 'timezone: UTC\nquiet_hourz: { from: "19:00", to: "08:00" }\n', '', 2, /unknown key: quiet_hourz/],
    ['a digest time that is not a time', 'channels:\n  C0OPS:\n    area: daily_operations\n    digest: { at: "9am" }\n', 'channels.C0OPS.digest.at', 4, /24-hour time/],
    ['an unknown area', 'channels:\n  C0OPS: { area: chit_chat }\n', 'channels.C0OPS.area', 2, /Invalid option|expected one of/],
    ['a default digest channel that has no digest', 'default_digest: C0HUB\nchannels:\n  C0HUB: { area: deep_work, hub: true }\n', 'default_digest', 1, /channel with a digest/],
  ];
  test.each(cases)('reports %s with its key path and line', (_label, yaml, path, line, message) => {
    const outcome = parseSettingsYaml(yaml);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const issue = outcome.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(issue.line).toBe(line);
    expect(issue.message).toMatch(message);
  });

  test('reports YAML syntax errors with a line', () => {
    const outcome = parseSettingsYaml('timezone: UTC\nchannels: [unclosed\n');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]!.line).toBeGreaterThan(0);
  });

  // Nine aliases of nine aliases of nine...: a few lines that would expand to millions of values.
  const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');

  test('reports an alias bomb as a YAML problem, with the key path and line where the expansion went too far', () => {
    const outcome = parseSettingsYaml(`timezone: UTC\n${BOMB}\n`);
    expect(outcome).toEqual({ ok: false, issues: [{ code: 'yaml_syntax', path: ['d', 0], message: 'too many aliases (a YAML alias bomb?)', line: 5 }] });
  });

  test('reports an alias with no anchor before it, with its line', () => {
    const outcome = parseSettingsYaml('timezone: UTC\nadmins: [U0ADA, *nobody]\n');
    expect(outcome).toEqual({ ok: false, issues: [{ code: 'yaml_syntax', path: ['admins', 1], message: 'Unresolved alias (the anchor must be set before the alias): nobody', line: 2 }] });
  });

  test('still reads aliases used within reason', () => {
    const outcome = parseSettingsYaml('channels:\n  C0OPS: &ops { area: daily_operations, digest: { at: "09:00" } }\n  C0DEV: *ops\n');
    expect(outcome.ok && outcome.value.fallback?.channels.C0DEV?.area).toBe('daily_operations');
  });

  test('formats every problem on its own line with the path beneath', () => {
    const outcome = parseSettingsYaml('timezone: Nowhere/Land\nemergency: { ack_timeout: 1s }\n');
    if (outcome.ok) throw new Error('expected issues');
    const text = formatIssues('settings.yml', outcome.issues);
    expect(text).toContain('settings.yml: 2 problems');
    expect(text).toContain('→ at timezone (line 1)');
    expect(text).toContain('→ at emergency.ack_timeout (line 2)');
  });
});
