/**
 * Stable error and issue codes. They reach logs and job failure reasons, so renaming one is a breaking change.
 * Words for people live in slack/replies.ts and config/describe-issues.ts, never here.
 */
export const ERROR_CODES = [
  'quadrant_config_invalid',
  'quadrant_env_invalid',
  'quadrant_not_admin',
  'quadrant_unknown_command',
  'quadrant_empty_text',
  'quadrant_text_too_long',
  'quadrant_item_not_found',
  'quadrant_redis_unavailable',
  'quadrant_slack_error',
  'quadrant_payload_invalid',
  'quadrant_provider_error',
  'quadrant_provider_rejected_credentials',
  'quadrant_no_settings',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class QuadrantError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QuadrantError';
  }
}

/** After a round trip through Redis or another process the class is gone; branch on the code. */
export function errorCode(err: unknown): ErrorCode | undefined {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) return code as ErrorCode;
  }
  return undefined;
}

export interface Issue {
  code: string;
  path: (string | number)[];
  message: string;
  line?: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
