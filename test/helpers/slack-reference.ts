import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

/** Repository root, and shared/ beside it (the layout of this workplace and of CI's clone). */
export const REPO_DIR = path.resolve(__dirname, '../..');
export const SHARED_DIR = path.resolve(__dirname, '../../../shared');
export const SLACK_REFERENCE_DIR = path.join(SHARED_DIR, 'slack');

export interface ManifestCommand {
  command: string;
  url?: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
}

export interface ManifestShortcut {
  name: string;
  type: 'message' | 'global';
  callback_id: string;
  description: string;
}

/** The parts of a classic (v1) app manifest the tests read; the JSON Schema checks the rest. */
export interface Manifest {
  features?: { slash_commands?: ManifestCommand[]; shortcuts?: ManifestShortcut[] };
  oauth_config?: { redirect_urls?: string[]; scopes?: { bot?: string[]; user?: string[] } };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
}

export interface EventReference {
  name: string;
  description?: string;
  scopes?: string[];
  APIs?: string[];
}

export interface MethodReference {
  /** By token type; an empty object means no scope is needed. Missing for methods without docs JSON. */
  scopes?: Partial<Record<'bot' | 'user' | 'configuration' | 'seamless_user', string[]>> | string | null;
  required_args?: string[];
  optional_args?: string[];
  in_slack_web_api_8_2_0?: boolean;
}

export type MethodsIndex = Record<string, MethodReference>;

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Parses YAML strictly: a duplicate key or a syntax error throws instead of silently winning. */
export function parseYamlStrict(text: string, name: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new Error(`${name}: ${problems.map((p) => p.message).join('\n')}`);
  return doc.toJS();
}

export function loadManifest(): Manifest {
  return parseYamlStrict(readFileSync(path.join(REPO_DIR, 'manifest.yml'), 'utf8'), 'manifest.yml') as Manifest;
}

export function loadMethodsIndex(): MethodsIndex {
  return readJson<{ methods: MethodsIndex }>(path.join(SLACK_REFERENCE_DIR, 'web-api/methods-index.json')).methods;
}

export function loadEvents(): Map<string, EventReference> {
  const events = readJson<EventReference[]>(path.join(SLACK_REFERENCE_DIR, 'events/events.json'));
  return new Map(events.map((e) => [e.name, e]));
}

/** Slack's events.json spells one scope "app_mentions.read"; the OAuth scope is "app_mentions:read". */
export function normaliseScope(scope: string): string {
  return scope.includes(':') ? scope : scope.replace(/\.(read|write|history)$/, ':$1');
}

/**
 * Slack lists one scope per conversation type (channels:, groups:, im:, mpim:) for events and methods that
 * span them; a token needs the scope of the conversations it touches, so any one listed scope is enough.
 */
export function grantsAny(granted: ReadonlySet<string>, needed: readonly string[]): boolean {
  return needed.length === 0 || needed.some((s) => granted.has(normaliseScope(s)));
}
