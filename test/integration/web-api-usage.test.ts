import { readFileSync } from 'node:fs';
import path from 'node:path';
import { grantsAny, loadEvents, loadManifest, loadMethodsIndex, normaliseScope, REPO_DIR } from '../helpers/slack-reference';
import { checkCalls, listSourceFiles, methodFamilies, scanSource, type ProblemKind, type WebApiCall } from '../helpers/web-api-calls';

// Checked against Slack's method reference (shared/slack/web-api/methods-index.json), not memory: a call the
// reference does not know, an argument it does not list, or a scope manifest.yml lacks fails here, not in a workspace.

const index = loadMethodsIndex();
const families = methodFamilies(index);
const manifest = loadManifest();
const granted = new Set(manifest.oauth_config?.scopes?.bot ?? []);

// The sandbox's stand-in for Slack (sandbox/web-api/, and any file named fake) serves the Web API rather than calling it.
const EXCLUDE = /^sandbox\/(web-api\/|(.*\/)?[^/]*fake[^/]*$)/i;

describe('Web API calls in src/ and sandbox/', () => {
  const files = listSourceFiles(REPO_DIR, ['src', 'sandbox'], EXCLUDE);
  const scans = files.map((file) => scanSource(readFileSync(path.join(REPO_DIR, file), 'utf8'), file, families));
  const calls = scans.flatMap((s) => s.calls);
  const checked = checkCalls(calls, index, granted);
  const problems = (kind: ProblemKind) => checked.problems.filter((p) => p.kind === kind).map((p) => p.message);

  test('scans the TypeScript sources', () => {
    expect(files).toContain('src/slack/surface.ts');
  });

  test('names every apiCall method with a string literal', () => {
    expect(scans.flatMap((s) => s.unresolved)).toEqual([]);
  });

  test('calls only methods in Slack\'s reference', () => {
    expect(problems('method')).toEqual([]);
  });

  test('passes only arguments the method accepts, and every required one', () => {
    expect(problems('args')).toEqual([]);
  });

  test('holds a bot scope in manifest.yml for every method it calls', () => {
    expect(problems('scope')).toEqual([]);
  });

  test('declares no bot scope that no called method or subscribed event uses', () => {
    const events = loadEvents();
    const used = new Set(checked.usedScopes);
    for (const name of manifest.settings?.event_subscriptions?.bot_events ?? []) {
      (events.get(name)?.scopes ?? []).forEach((s) => used.add(normaliseScope(s)));
    }
    // Slash commands and shortcuts are delivered only to apps holding `commands`.
    if ((manifest.features?.slash_commands?.length ?? 0) + (manifest.features?.shortcuts?.length ?? 0) > 0) used.add('commands');
    expect([...granted].filter((s) => !used.has(s))).toEqual([]);
  });
});

describe('the Web API call scanner', () => {
  type Found = Pick<WebApiCall, 'method' | 'via' | 'keys' | 'open'>;
  const rows: Array<[label: string, source: string, found: Found[]]> = [
    ['a Bolt listener client', 'client.chat.postMessage({ channel, text: "hi" })', [{ method: 'chat.postMessage', via: 'client', keys: ['channel', 'text'], open: false }]],
    ['app.client with await', 'await app.client.views.open({ trigger_id: t, view })', [{ method: 'views.open', via: 'client', keys: ['trigger_id', 'view'], open: false }]],
    ['a spread argument', 'this.client.conversations.replies({ channel: c, ...page })', [{ method: 'conversations.replies', via: 'client', keys: ['channel'], open: true }]],
    ['a variable argument', 'deps.slackClient.users.info(args)', [{ method: 'users.info', via: 'client', keys: undefined, open: true }]],
    ['a client from a factory, optional chaining', "getClient(team)?.reactions.add({ 'name': n, channel, timestamp: ts })", [{ method: 'reactions.add', via: 'client', keys: ['name', 'channel', 'timestamp'], open: false }]],
    ['a three-part method name', 'web.admin.apps.approve({ app_id })', [{ method: 'admin.apps.approve', via: 'client', keys: ['app_id'], open: false }]],
    ['apiCall with a literal name', "client.apiCall('users.info', { user })", [{ method: 'users.info', via: 'apiCall', keys: ['user'], open: false }]],
    ['say with an object', 'await say({ text: "ok", thread_ts: ts })', [{ method: 'chat.postMessage', via: 'say', keys: ['text', 'thread_ts'], open: false }]],
    ['say with a string', "say('ok')", [{ method: 'chat.postMessage', via: 'say', keys: ['text'], open: false }]],
    ['no argument', 'client.auth.test()', [{ method: 'auth.test', via: 'client', keys: [], open: false }]],
    ['a Map named users', 'this.users.get(id); store.users.list()', []],
    ['a stream, not a client', 'process.stdout.write(line)', []],
    ['a mention in a string or comment', '// client.chat.postMessage(\nconst s = "client.chat.delete({})";', []],
  ];

  test.each(rows)('finds %s', (_label, source, found) => {
    const { calls } = scanSource(source, 'inline.ts', families);
    expect(calls.map(({ method, via, keys, open }) => ({ method, via, keys, open }))).toEqual(found);
  });

  test('reports the file and line of each call', () => {
    const { calls } = scanSource('const a = 1;\n\nclient.chat.update({ channel, ts, text })', 'src/x.ts', families);
    expect(calls.map((c) => `${c.file}:${c.line}`)).toEqual(['src/x.ts:3']);
  });

  test('reports an apiCall whose method name is not a literal', () => {
    const { calls, unresolved } = scanSource('client.apiCall(method, args)', 'inline.ts', families);
    expect(calls).toEqual([]);
    expect(unresolved.map((u) => u.text)).toEqual(['client.apiCall(method, args)']);
  });
});

describe('checking scanned calls against the reference', () => {
  const check = (source: string, scopes: string[]) =>
    checkCalls(scanSource(source, 'x.ts', families).calls, index, new Set(scopes)).problems.map((p) => `${p.kind}: ${p.message}`);

  const rows: Array<[label: string, source: string, scopes: string[], problems: string[]]> = [
    ['a valid call', 'client.chat.postMessage({ channel, text })', ['chat:write'], []],
    ['a method Slack does not have', 'client.chat.send({ channel })', ['chat:write'], ['method: x.ts:1 chat.send: chat.send is not a Web API method in methods-index.json']],
    ['a retired method', 'client.files.upload({ channels, file })', ['files:write'], ["method: x.ts:1 files.upload: not a method of @slack/web-api 8.2.0's WebClient"]],
    ['an unknown argument', 'client.chat.postMessage({ channel, text, colour })', ['chat:write'], ['args: x.ts:1 chat.postMessage: unknown argument(s) colour']],
    ['a missing required argument', 'client.chat.update({ channel, text })', ['chat:write'], ['args: x.ts:1 chat.update: missing required argument(s) ts']],
    ['a spread that may hold the required argument', 'client.chat.update({ channel, ...rest })', ['chat:write'], []],
    ['say, whose channel Bolt fills in', 'say({ text })', ['chat:write'], []],
    ['a scope the manifest lacks', 'client.users.info({ user })', ['chat:write'], ['scope: x.ts:1 users.info: needs one of the bot scopes users:read; manifest.yml grants none']],
    ['one of several conversation-type scopes', 'client.conversations.open({ users })', ['im:write'], []],
    ['a user-token-only method', "client.apiCall('search.messages', { query })", [], ['scope: x.ts:1 search.messages: search.messages needs a user token (user), not a bot token']],
    ['files.uploadV2, checked as the methods it runs', 'client.files.uploadV2({ channel_id, file })', [], [
      'scope: x.ts:1 files.uploadV2: needs one of the bot scopes files:write; manifest.yml grants none',
      'scope: x.ts:1 files.uploadV2: needs one of the bot scopes files:write; manifest.yml grants none',
    ]],
  ];

  test.each(rows)('for %s', (_label, source, scopes, problems) => {
    expect(check(source, scopes)).toEqual(problems);
  });

  test('counts every alternative scope of a called method as used', () => {
    const { usedScopes } = checkCalls(scanSource('client.conversations.info({ channel })', 'x.ts', families).calls, index, new Set());
    expect([...usedScopes].sort()).toEqual(['channels:read', 'groups:read', 'im:read', 'mpim:read']);
  });

  test('knows that app_mention needs app_mentions:read despite the reference spelling it with a dot', () => {
    expect(grantsAny(new Set(['app_mentions:read']), loadEvents().get('app_mention')?.scopes ?? ['missing'])).toBe(true);
  });
});
