import { createIdSequence } from './ids';
import { SlackApiError } from './slack-api-error';
import { BOT, TEAM } from './directory';

export interface TokenInfo {
  token: string;
  teamId: string;
  teamName: string;
  userId: string;
  botId: string;
}

interface OAuthCode {
  teamId: string;
  teamName: string;
  installer: string;
  used: boolean;
}

/**
 * Which tokens the fake accepts: the sandbox bot token, plus bot tokens minted by oauth.v2.access
 * for OAuth install tests. Uninstalling revokes them (Slack then answers token_revoked).
 */
export class Tokens {
  private readonly tokens = new Map<string, TokenInfo & { revoked: boolean }>();
  private readonly codes = new Map<string, OAuthCode>();
  private readonly nextCode = createIdSequence('sbcode', 8);
  private readonly nextToken = createIdSequence('', 10);

  constructor(
    botToken: string,
    /** client_id / client_secret that oauth.v2.access accepts. */
    readonly oauthClient: { clientId: string; clientSecret: string } = { clientId: '0000000000.0000000000', clientSecret: 'sandbox-client-secret' },
  ) {
    this.tokens.set(botToken, { token: botToken, teamId: TEAM.id, teamName: TEAM.name, userId: BOT.userId, botId: BOT.botId, revoked: false });
  }

  /** The caller behind a token, or Slack's error for it. */
  resolve(token: string | undefined): TokenInfo {
    if (!token) throw new SlackApiError('not_authed');
    const info = this.tokens.get(token);
    if (!info) throw new SlackApiError('invalid_auth');
    if (info.revoked) throw new SlackApiError('token_revoked');
    return info;
  }

  revokeAll(teamId = TEAM.id): void {
    for (const info of this.tokens.values()) if (info.teamId === teamId) info.revoked = true;
  }

  /** A code as Slack puts on the redirect after "Allow"; good for one oauth.v2.access exchange. */
  issueCode(options: { teamId?: string; teamName?: string; installer?: string } = {}): string {
    const code = this.nextCode();
    this.codes.set(code, { teamId: options.teamId ?? TEAM.id, teamName: options.teamName ?? TEAM.name, installer: options.installer ?? 'U0ADA', used: false });
    return code;
  }

  exchange(code: string): { info: TokenInfo; installer: string } {
    const entry = this.codes.get(code);
    if (!entry || entry.used) throw new SlackApiError('invalid_code');
    entry.used = true;
    const token = `xoxb-${entry.teamId}-${this.nextToken()}-sandbox`;
    const info: TokenInfo = { token, teamId: entry.teamId, teamName: entry.teamName, userId: BOT.userId, botId: BOT.botId };
    this.tokens.set(token, { ...info, revoked: false });
    return { info, installer: entry.installer };
  }
}
