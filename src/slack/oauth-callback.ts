import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';

/** The codes @slack/oauth gives a callback the person (or their browser) got wrong: cancelled, stale or foreign state. */
const VISITOR_CODES = new Set(['slack_oauth_installer_authorization_error', 'slack_oauth_missing_state', 'slack_oauth_invalid_state', 'slack_oauth_missing_code']);
/** What oauth.v2.access says about a code that cannot be exchanged (used twice, expired, another app's). */
const REFUSED_CODES = new Set(['invalid_code', 'code_already_used', 'code_expired', 'bad_redirect_uri', 'oauth_authorization_url_mismatch', 'invalid_client_id']);

interface CallbackError {
  code?: string;
  data?: { error?: string };
}

function page(title: string, text: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family: sans-serif; text-align: center; padding: 2em"><h2>${title}</h2><p>${text}</p></body></html>`;
}

/**
 * Bolt's default answers 500 to a person who pressed Cancel or reused an old link, and logs it as an error:
 * those are the visitor's 400s. Only what fails on Quadrant's side (the installation store) stays a 500.
 */
export function oauthCallbackFailure(logger: Logger) {
  return (error: CallbackError, _options: unknown, _req: IncomingMessage, res: ServerResponse): void => {
    const slackError = error.data?.error;
    const code = slackError ?? error.code ?? 'unknown';
    let status = 500;
    let body = page('Nothing was installed', 'Something went wrong on our side. Please try again in a minute.');
    if (error.code === 'slack_oauth_installer_authorization_error') {
      status = 400;
      body = page('Installation cancelled', 'Nothing was installed. <a href="/slack/install">Start again</a> whenever you like.');
    } else if (VISITOR_CODES.has(error.code ?? '') || REFUSED_CODES.has(slackError ?? '')) {
      status = 400;
      body = page('This installation link has expired', 'It was used already, is too old, or was opened in another browser. <a href="/slack/install">Start again</a>.');
    }
    if (status === 400) logger.warn({ code }, 'Slack install not completed');
    else logger.error({ err: error, code }, 'Slack install failed');
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
}

/** Where "Add to Slack" sends people: Slack's consent page on the host SLACK_API_URL names (GovSlack has its own). */
export function authorizationUrl(apiUrl: string): string {
  return new URL('/oauth/v2/authorize', apiUrl).href;
}
