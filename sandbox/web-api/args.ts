import { SlackApiError } from '../slack-api-error';
import type { Workspace } from '../workspace';
import type { Json } from '../model';
import type { TokenInfo } from '../tokens';

/** What a method handler gets: decoded arguments, the caller's identity, and the workspace. */
export interface CallContext {
  ws: Workspace;
  args: Record<string, unknown>;
  auth: TokenInfo;
  /** The fake's own base URL, for URLs it hands out (upload URLs). */
  baseUrl: string;
  /** Notes a call Slack accepts but that probably does not do what the app meant. */
  warn: (text: string) => void;
}

export type Handler = (ctx: CallContext) => Json;

/** Form values arrive as strings, JSON values as anything; both read the same here. */
export function str(args: Record<string, unknown>, name: string): string | undefined {
  const v = args[name];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export function need(args: Record<string, unknown>, name: string, error = 'invalid_arguments'): string {
  const v = str(args, name);
  if (v === undefined) throw new SlackApiError(error, [`[ERROR] missing required field: ${name}`]);
  return v;
}

export function bool(args: Record<string, unknown>, name: string): boolean {
  const v = args[name];
  return v === true || v === 'true' || v === '1' || v === 1;
}

export function int(args: Record<string, unknown>, name: string, fallback: number): number {
  const v = Number(str(args, name));
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

/**
 * A non-scalar argument. web-api JSON-encodes these into one form field; a JSON body carries them
 * as values. A string that is not JSON is refused with the method's own error code.
 */
export function json<T = unknown>(args: Record<string, unknown>, name: string, error: string): T | undefined {
  const v = args[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    throw new SlackApiError(error, [`[ERROR] ${name} is not valid JSON`]);
  }
}

/** Strips the sandbox's bookkeeping field so API answers carry Slack's own message shape. */
export function apiMessage<T extends { channel?: string }>(m: T): Omit<T, 'channel'> {
  const { channel: _channel, ...rest } = structuredClone(m);
  return rest;
}

export function requireMember(ws: Workspace, channelId: string, userId: string, error: string): void {
  const channel = ws.mustChannel(channelId);
  if (!channel.members.includes(userId)) throw new SlackApiError(error);
}

