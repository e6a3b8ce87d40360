import { errorCode, type ErrorCode } from '../core/errors';

/** The one place that turns error codes into words people read. Each names the next step. */
const REPLIES: Record<ErrorCode, string> = {
  quadrant_config_invalid: 'The settings are not valid. An admin can check them with `/quadrant config`.',
  quadrant_env_invalid: 'Quadrant is not configured correctly. Ask whoever runs it to check its logs.',
  quadrant_not_admin: 'Only workspace admins and owners, or people listed as Quadrant admins, can do that.',
  quadrant_unknown_command: "I don't know that command. Try `/async help`, `/emergency` or `/quadrant help`.",
  quadrant_empty_text: 'There was nothing to file. Try `/async <what needs doing>`, or `/async` alone to open a form.',
  quadrant_text_too_long: 'That is longer than I can file (4,000 characters at most). Put the details in a doc and file the link.',
  quadrant_item_not_found: "I can't find an item with that id. `/async list` shows your open items and their ids.",
  quadrant_redis_unavailable: "Quadrant's storage is not answering right now, so nothing was filed. Please try again in a minute.",
  quadrant_slack_error: 'Slack refused one of my requests. Please try again; if it keeps happening, tell your Quadrant admin.',
  quadrant_payload_invalid: "I couldn't read that request. Please try again.",
  quadrant_provider_error: 'A paging provider failed. The others were still tried; see the emergency thread.',
  quadrant_provider_rejected_credentials: 'A paging provider rejected its credentials. An admin should check them with `/quadrant oncall test`.',
  quadrant_no_settings: 'Quadrant is not set up in this workspace yet. An admin can run `/quadrant setup`.',
};

export function replyFor(code: ErrorCode | undefined): string {
  return code ? REPLIES[code] : 'Something went wrong on my side, and it has been logged. Please try again in a minute.';
}

/** The words for what a failed request threw: its own code, Redis not answering, or the generic apology. */
export function replyForError(err: unknown): string {
  return replyFor(errorCode(err) ?? (isRedisError(err) ? 'quadrant_redis_unavailable' : undefined));
}

function isRedisError(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as { message?: string })?.message ?? '';
  return /Redis|MaxRetriesPerRequest/.test(name) || /ECONNREFUSED|Connection is closed|Command timed out/.test(message);
}
