import { SlackApiError } from '../slack-api-error';
import type { Tokens } from '../tokens';
import type { Json } from '../model';
import { BOT } from '../directory';
import { str } from './args';

/**
 * oauth.v2.access: the only method called without a token. Client credentials come in the body
 * (as @slack/oauth sends them) or as HTTP Basic auth; the code must be one the fake issued.
 */
export function oauthV2Access(tokens: Tokens, args: Record<string, unknown>, basicAuth: { id: string; secret: string } | undefined, scopes: string): Json {
  const clientId = str(args, 'client_id') ?? basicAuth?.id;
  const clientSecret = str(args, 'client_secret') ?? basicAuth?.secret;
  if (clientId !== tokens.oauthClient.clientId) throw new SlackApiError('invalid_client_id');
  if (clientSecret !== tokens.oauthClient.clientSecret) throw new SlackApiError('bad_client_secret');
  const code = str(args, 'code');
  if (!code) throw new SlackApiError('invalid_code');
  const { info, installer } = tokens.exchange(code);
  return {
    ok: true,
    app_id: BOT.appId,
    authed_user: { id: installer },
    scope: scopes,
    token_type: 'bot',
    access_token: info.token,
    bot_user_id: info.userId,
    team: { id: info.teamId, name: info.teamName },
    enterprise: null,
    is_enterprise_install: false,
  };
}
