/** A Web API refusal: the fake answers HTTP 200 `{ ok: false, error: code }` like Slack does. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    /** Slack's `response_metadata.messages` ("[ERROR] ..."), which web-api logs. */
    readonly messages: string[] = [],
  ) {
    super(code);
    this.name = 'SlackApiError';
  }
}
