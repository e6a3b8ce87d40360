import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
import type { Issue, Outcome } from '../core/errors';
import { Settings, SettingsFile, type WorkspaceSettings } from './settings';

/** Workspace settings from a file: one object for every workspace, or one per team id. */
export interface SettingsSource {
  /** Applies to any workspace without an entry of its own. */
  fallback?: WorkspaceSettings;
  workspaces: Record<string, WorkspaceSettings>;
  /** The file set nothing (empty, only comments, or `{}`): valid, and every workspace gets the defaults. */
  empty?: boolean;
}

/** A YAML syntax problem also knows its column: with the line alone, a misplaced indent is hard to spot. */
export interface SyntaxIssue extends Issue {
  column?: number;
}

/**
 * yaml's prettyErrors message is "<what> at line 2, column 1:" followed by an excerpt of the file; the
 * position is kept as numbers, so the sentence is cut there rather than end on a dangling colon.
 */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/[:.\s]+$/, '');
  return first || 'unreadable YAML';
}

function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number | undefined {
  // Walk up until a node exists: a missing key is reported on its parent's line.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  issues?: Array<{ message: string }>;
}

function wordsFor(issue: RawIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) return `unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  // A bad record key (a channel written as "#ops") carries the key's own problem one level down.
  if (issue.code === 'invalid_key' && issue.issues?.[0]) return issue.issues[0].message;
  return issue.message;
}

function zodIssues(doc: Document, counter: LineCounter, issues: ReadonlyArray<RawIssue>): Issue[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const message = wordsFor(issue);
    const keyPath = issue.code === 'unrecognized_keys' && issue.keys?.[0] ? [...path, issue.keys[0]] : path;
    return { code: issue.code, path, message, line: lineOf(doc, counter, keyPath) };
  });
}

/** The key path down to `node`, from the ancestors visit() gives. */
function pathTo(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  chain.forEach((step, i) => {
    if (isPair(step)) path.push(isScalar(step.key) ? String(step.key.value) : String(step.key));
    else if (isSeq(step)) path.push(step.items.indexOf(chain[i + 1] as never));
  });
  return path;
}

/**
 * doc.toJS(), or the issue that stopped it. Resolving aliases throws (past yaml's alias limit, or an alias with no
 * anchor before it) without saying where, so each alias notes itself as the error passes through it, innermost first.
 */
function toJsOrIssue(doc: Document, counter: LineCounter): { value: unknown } | { issue: Issue } {
  let culprit: { node: Alias; path: (string | number)[] } | undefined;
  visit(doc, {
    Alias(_key, node, ancestors) {
      const noted = <A extends unknown[], R>(call: (...args: A) => R) => (...args: A): R => {
        try {
          return call(...args);
        } catch (err) {
          culprit ??= { node, path: pathTo(ancestors, node) };
          throw err;
        }
      };
      // toJSON reports an alias with no anchor; resolve, which merge keys call directly, the alias limit.
      node.resolve = noted(node.resolve.bind(node));
      node.toJSON = noted(node.toJSON.bind(node));
    },
  });
  try {
    return { value: doc.toJS() };
  } catch (err) {
    const why = String((err as Error)?.message ?? err).split('\n')[0]!;
    const message = why.startsWith('Excessive alias count') ? 'too many aliases (a YAML alias bomb?)' : why;
    const line = culprit?.node.range ? counter.linePos(culprit.node.range[0]).line : undefined;
    // yaml_syntax: a YAML-level problem, and /quadrant import stops there before reading the YAML again itself.
    return { issue: { code: 'yaml_syntax', path: culprit?.path ?? [], message, line } };
  }
}

/** Parses settings YAML text; issues carry the key path and the 1-based line. */
export function parseSettingsYaml(text: string): Outcome<SettingsSource> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e): SyntaxIssue => ({ code: 'yaml_syntax', path: [], message: syntaxMessage(e.message), line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col })),
    };
  }
  const converted = toJsOrIssue(doc, counter);
  if ('issue' in converted) return { ok: false, issues: [converted.issue] };
  const raw: unknown = converted.value ?? {};
  if (!isMap(doc.contents) && raw !== null && typeof raw !== 'object') {
    return { ok: false, issues: [{ code: 'not_a_mapping', path: [], message: 'the settings file must be a YAML mapping of keys to values', line: 1 }] };
  }
  const isMulti = typeof raw === 'object' && raw !== null && 'workspaces' in raw;
  // Validate with the branch the author meant, so errors are about their keys and not the union.
  const parsed = isMulti ? SettingsFile.options[0].safeParse(raw) : Settings.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: zodIssues(doc, counter, parsed.error.issues as never) };
  if (isMulti) return { ok: true, value: { workspaces: (parsed.data as { workspaces: Record<string, WorkspaceSettings> }).workspaces } };
  const empty = typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0;
  return { ok: true, value: { fallback: parsed.data as WorkspaceSettings, workspaces: {}, ...(empty ? { empty } : {}) } };
}

export function loadSettingsFile(path: string): Outcome<SettingsSource> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    return { ok: false, issues: [{ code: 'file_unreadable', path: [], message: `${path}: ${why}` }] };
  }
  return parseSettingsYaml(text);
}

/**
 * How many problems are printed. One slip (a whole file indented, a stray tab) can make the YAML tokenizer
 * report a problem on every line after it; the first few point at the slip, and the rest bury them.
 */
export const MAX_PRINTED_ISSUES = 10;

/** One line per problem, its key path and line beneath, in the manner of zod's prettifyError. */
export function formatIssues(file: string, issues: Issue[], max = MAX_PRINTED_ISSUES): string {
  const lines = [`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`];
  for (const issue of issues.slice(0, max)) {
    const column = (issue as SyntaxIssue).column;
    const position = issue.line ? `line ${issue.line}${column ? `, column ${column}` : ''}` : undefined;
    if (issue.path.length === 0 && issue.code === 'yaml_syntax' && position) {
      lines.push(`  ✖ ${issue.message}`, `    → at ${position}`);
      continue;
    }
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') : '(top level)';
    lines.push(`  ✖ ${issue.message}`, `    → at ${where}${position ? ` (${position})` : ''}`);
  }
  if (issues.length > max) lines.push(`  …and ${issues.length - max} more; fix the first ones and run this again, as later problems often follow from them.`);
  return lines.join('\n');
}
