import { App, HTTPReceiver, SocketModeReceiver, type Installation, type InstallationQuery, type InstallationStore } from '@slack/bolt';
import type { Deps } from '../deps';
import { createBoltLogger } from './bolt-logger';
import { webClientOptions } from './client';
import { authorizationUrl, oauthCallbackFailure } from './oauth-callback';
import { registerListeners } from './register';
import { slackRequestListener, type SlackRequestListener } from './routes';
import { BOT_SCOPES } from './surface';

/** Slack sends small payloads; a larger body is garbage or an attack. */
const SLACK_BODY_LIMIT = 256 * 1024;

export interface SlackApp {
  app: App;
  /** Set in HTTP, OAuth and sandbox modes: our HTTP server hands Slack's paths to it; it checks signatures. */
  requestListener?: SlackRequestListener;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/**
 * Bolt with only what Quadrant needs on the ack path: no conversation store (we keep our own state in
 * Redis), no token verification per process start (main.ts calls auth.test once and passes the ids), and
 * its signature check and ignoreSelf middleware done more cheaply in routes.ts and router.ts.
 */
export function createSlackApp(deps: Deps, identity: BotIdentity, installationStore?: InstallationStore): SlackApp {
  const { env } = deps;
  const logger = createBoltLogger(deps.logger, 'bolt');
  const clientOptions = webClientOptions(env.SLACK_API_URL, deps.logger);
  const common = {
    logger,
    convoStore: false as const,
    // router.ts drops the bot's own events itself, without a middleware of its own.
    ignoreSelf: false,
    clientOptions,
    // Bolt's developerMode logs whole request bodies; never outside the sandbox.
    developerMode: false,
    extendedErrorHandler: true,
  };

  if (env.mode === 'socket') {
    const receiver = new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, logger });
    const app = new App({ ...common, receiver, token: env.SLACK_BOT_TOKEN, ...identity, tokenVerificationEnabled: false });
    registerListeners(app, deps);
    return { app, start: async () => void (await app.start()), stop: async () => void (await app.stop()) };
  }

  const receiver = new HTTPReceiver({
    signingSecret: env.SLACK_SIGNING_SECRET!,
    endpoints: '/slack/events',
    logger,
    processBeforeResponse: false,
    // Checked before Bolt sees the request, at a fraction of the cost (routes.ts).
    signatureVerification: false,
    ...(env.mode === 'oauth'
      ? {
          clientId: env.SLACK_CLIENT_ID,
          clientSecret: env.SLACK_CLIENT_SECRET,
          stateSecret: env.SLACK_STATE_SECRET,
          scopes: [...BOT_SCOPES],
          installationStore,
          installerOptions: {
            directInstall: true,
            clientOptions,
            authorizationUrl: authorizationUrl(env.SLACK_API_URL),
            callbackOptions: { failure: oauthCallbackFailure(deps.logger) },
          },
        }
      : {}),
  });
  const app = new App({
    ...common,
    receiver,
    ...(env.mode === 'oauth' ? {} : { token: env.SLACK_BOT_TOKEN, ...identity, tokenVerificationEnabled: false }),
  });
  registerListeners(app, deps);
  // The receiver never listens itself: main.ts owns the HTTP server and routes Slack's paths to it.
  const requestListener = slackRequestListener(receiver, { signingSecret: env.SLACK_SIGNING_SECRET!, logger: deps.logger, bodyLimit: SLACK_BODY_LIMIT });
  return { app, requestListener, start: async () => undefined, stop: async () => undefined };
}

export type { Installation, InstallationQuery, InstallationStore };
