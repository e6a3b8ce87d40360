import { readFileSync } from 'node:fs';

/** One entry of shared/slack/web-api/methods-index.json (only the fields the strict check reads). */
interface IndexEntry {
  required_args: string[];
  optional_args: string[];
  json_input_supported: boolean;
}

export type ViolationKind = 'unknown_method' | 'unknown_argument' | 'missing_argument' | 'json_not_supported';

export interface Violation {
  method: string;
  kind: ViolationKind;
  argument?: string;
  at: number;
}

/**
 * Slack's own list of methods and their arguments. In strict mode the fake refuses any call that
 * real Slack would not understand, so a typo in an argument name fails a test instead of being
 * silently ignored (as Slack ignores it) in production.
 */
export class MethodsIndex {
  private constructor(private readonly methods: Record<string, IndexEntry>) {}

  static load(path: string): MethodsIndex {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { methods?: Record<string, IndexEntry> };
    if (!parsed.methods || typeof parsed.methods !== 'object') throw new Error(`${path} has no "methods" object; is it shared/slack/web-api/methods-index.json?`);
    return new MethodsIndex(parsed.methods);
  }

  has(method: string): boolean {
    return Object.hasOwn(this.methods, method);
  }

  /**
   * What is wrong with a call. `token` counts as given when it came in the Authorization header,
   * which is where web-api sends it.
   */
  check(method: string, args: Record<string, unknown>, options: { tokenInHeader: boolean; json: boolean }): Array<Omit<Violation, 'at'>> {
    const entry = this.methods[method];
    if (!entry) return [{ method, kind: 'unknown_method' }];
    const out: Array<Omit<Violation, 'at'>> = [];
    if (options.json && !entry.json_input_supported) out.push({ method, kind: 'json_not_supported' });
    const known = new Set([...entry.required_args, ...entry.optional_args, 'token']);
    for (const name of Object.keys(args)) {
      if (!known.has(name)) out.push({ method, kind: 'unknown_argument', argument: name });
    }
    for (const name of entry.required_args) {
      if (name === 'token' && options.tokenInHeader) continue;
      if (args[name] === undefined || args[name] === '') out.push({ method, kind: 'missing_argument', argument: name });
    }
    return out;
  }
}
