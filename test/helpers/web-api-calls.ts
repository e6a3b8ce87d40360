import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { grantsAny, normaliseScope, type MethodsIndex } from './slack-reference';

/** How the call reaches the Web API: a WebClient method, `apiCall('name')`, or Bolt's `say()` (chat.postMessage). */
export type CallVia = 'client' | 'apiCall' | 'say';

export interface WebApiCall {
  method: string;
  via: CallVia;
  file: string;
  line: number;
  /** Keys of the object-literal argument; undefined when the argument is not a literal (a variable, say). */
  keys?: string[];
  /** A spread or computed key: keys seen are checked, but absent ones prove nothing. */
  open: boolean;
}

export interface UnresolvedCall {
  file: string;
  line: number;
  text: string;
}

export interface ScanResult {
  calls: WebApiCall[];
  /** `apiCall(x)` with a method name that is not a string literal, so no check can see it. */
  unresolved: UnresolvedCall[];
}

// A WebClient is reached through a name like client, app.client, webClient or slack; other
// `.users.get(` chains (a Map, a store) must not count as Web API calls.
const CLIENT_NAME = /client|slack|^web(api)?$/i;

/** Helpers of @slack/web-api that are not Web API methods themselves, and the methods they run. */
export const CLIENT_HELPERS: Record<string, string[]> = {
  // web-api 8.2.0 dist/WebClient.js: filesUploadV2 calls these two (and PUTs the bytes to the upload URL).
  'files.uploadV2': ['files.getUploadURLExternal', 'files.completeUploadExternal'],
};

/** Flattens `a.b?.c!.d` to ['a','b','c','d']; a call or index in the chain contributes its callee's name. */
function segments(expr: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(expr)) return [expr.text];
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(expr)) {
    const base = segments(expr.expression);
    return base && [...base, expr.name.text];
  }
  if (ts.isNonNullExpression(expr) || ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isAwaitExpression(expr)) {
    return segments(expr.expression);
  }
  if (ts.isElementAccessExpression(expr)) return segments(expr.expression);
  if (ts.isCallExpression(expr)) {
    const callee = segments(expr.expression);
    return callee && callee.slice(-1);
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

function literalKeys(arg: ts.Expression | undefined): Pick<WebApiCall, 'keys' | 'open'> {
  if (arg === undefined) return { keys: [], open: false };
  if (!ts.isObjectLiteralExpression(arg)) return { keys: undefined, open: true };
  const keys: string[] = [];
  let open = false;
  for (const prop of arg.properties) {
    const name = ts.isSpreadAssignment(prop) || prop.name === undefined ? undefined : propertyName(prop.name);
    if (name === undefined) open = true;
    else keys.push(name);
  }
  return { keys, open };
}

function stringLiteral(arg: ts.Expression | undefined): string | undefined {
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/** Finds Web API calls in one TypeScript source text. `families` are the first segments of method names. */
export function scanSource(source: string, file: string, families: ReadonlySet<string>): ScanResult {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const result: ScanResult = { calls: [], unresolved: [] };
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const segs = segments(node.expression) ?? [];
      const last = segs[segs.length - 1];
      const [first, second] = node.arguments;
      if (last === 'apiCall') {
        const method = stringLiteral(first);
        if (method === undefined) result.unresolved.push({ file, line: lineOf(node), text: node.getText(sf).slice(0, 80) });
        else result.calls.push({ method, via: 'apiCall', file, line: lineOf(node), ...literalKeys(second) });
      } else if (last === 'say') {
        const text = first !== undefined && ts.isStringLiteralLike(first);
        result.calls.push({ method: 'chat.postMessage', via: 'say', file, line: lineOf(node), ...(text ? { keys: ['text'], open: false } : literalKeys(first)) });
      } else {
        for (let i = 1; i < segs.length - 1; i++) {
          if (families.has(segs[i]!) && CLIENT_NAME.test(segs[i - 1]!)) {
            result.calls.push({ method: segs.slice(i).join('.'), via: 'client', file, line: lineOf(node), ...literalKeys(first) });
            break;
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return result;
}

/** Every .ts file (not .d.ts) under the given folders of `root`, as paths relative to it, minus `exclude`. */
export function listSourceFiles(root: string, folders: readonly string[], exclude: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return; // a folder that does not exist yet has no calls
    }
    for (const entry of entries) {
      const child = path.posix.join(rel, entry.name);
      if (exclude.test(child)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(child);
    }
  };
  folders.forEach(walk);
  return out.sort();
}

export type ProblemKind = 'method' | 'args' | 'scope';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

export interface CheckResult {
  problems: Problem[];
  /** Bot scopes some call can use: every listed alternative of every method called. */
  usedScopes: Set<string>;
}

export function methodFamilies(index: MethodsIndex): Set<string> {
  return new Set([...Object.keys(index), ...Object.keys(CLIENT_HELPERS)].map((m) => m.split('.')[0]!));
}

/** Checks calls against Slack's method reference and the bot scopes the manifest grants. */
export function checkCalls(calls: readonly WebApiCall[], index: MethodsIndex, granted: ReadonlySet<string>): CheckResult {
  const problems: Problem[] = [];
  const usedScopes = new Set<string>();
  for (const call of calls) {
    const where = `${call.file}:${call.line} ${call.method}`;
    const helperRuns = call.via === 'client' ? CLIENT_HELPERS[call.method] : undefined;
    const runs = helperRuns ?? [call.method];
    for (const method of runs) {
      const ref = index[method];
      if (!ref) {
        problems.push({ kind: 'method', message: `${where}: ${method} is not a Web API method in methods-index.json` });
        continue;
      }
      if (call.via === 'client' && !helperRuns && !ref.in_slack_web_api_8_2_0) {
        problems.push({ kind: 'method', message: `${where}: not a method of @slack/web-api 8.2.0's WebClient` });
      }
      if (typeof ref.scopes !== 'object' || ref.scopes === null) {
        problems.push({ kind: 'scope', message: `${where}: Slack's reference lists no scopes for ${method}, so it cannot be checked` });
        continue;
      }
      const bot = ref.scopes.bot;
      if (!bot && Object.keys(ref.scopes).length > 0) {
        problems.push({ kind: 'scope', message: `${where}: ${method} needs a user token (${Object.keys(ref.scopes).join(', ')}), not a bot token` });
        continue;
      }
      bot?.forEach((s) => usedScopes.add(normaliseScope(s)));
      if (bot && !grantsAny(granted, bot)) {
        problems.push({ kind: 'scope', message: `${where}: needs one of the bot scopes ${bot.join(', ')}; manifest.yml grants none` });
      }
    }
    // The helper's own arguments are typed by the client, not by the methods it runs.
    if (helperRuns || call.keys === undefined) continue;
    const ref = index[call.method];
    if (!ref) continue;
    const known = new Set([...(ref.required_args ?? []), ...(ref.optional_args ?? [])]);
    const unknown = call.keys.filter((k) => !known.has(k));
    if (unknown.length > 0) problems.push({ kind: 'args', message: `${where}: unknown argument(s) ${unknown.join(', ')}` });
    if (!call.open) {
      // The client sends the token as a header; say() fills in the channel of the event it answers.
      const implied = new Set(call.via === 'say' ? ['token', 'channel'] : ['token']);
      const missing = (ref.required_args ?? []).filter((k) => !implied.has(k) && !call.keys!.includes(k));
      if (missing.length > 0) problems.push({ kind: 'args', message: `${where}: missing required argument(s) ${missing.join(', ')}` });
    }
  }
  return { problems, usedScopes };
}
