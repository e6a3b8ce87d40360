import type { App } from '@slack/bolt';

/**
 * Bolt runs every registered listener's middleware chain for every request, spreading the listener
 * arguments once per middleware. With a few dozen listeners that costs more than everything Quadrant does
 * on the ack path, so each kind of request gets one Bolt listener that looks its handler up here.
 */

// Each handler is typed by its own listener file; the router only matches names, so it holds them loosely.
type Handler = (args: any) => Promise<void>;
export type Route = [match: string | RegExp, handler: Handler];

export interface Routes {
  commands: Route[];
  /** Fallback for a command Slack sends that Quadrant does not know (an old manifest). */
  unknownCommand: Handler;
  events: Route[];
  actions: Route[];
  shortcuts: Route[];
  views: Route[];
}

function find(routes: Route[], name: string): Handler | undefined {
  for (const [match, handler] of routes) if (typeof match === 'string' ? match === name : match.test(name)) return handler;
  return undefined;
}

const ack: Handler = async (args) => {
  await args.ack?.();
};

/** Events about the bot itself that still matter (Bolt's ignoreSelf keeps the same two). */
const OWN_EVENTS_KEPT = new Set(['member_joined_channel', 'member_left_channel']);

/**
 * Bolt's ignoreSelf, which app.ts turns off: each global middleware costs every request a copy of the
 * listener arguments, so the same check runs here, in the one middleware there is. The app's own
 * bot_message, and any other event whose user is the bot, are dropped.
 */
export function isOwnEvent(event: { type: string; user?: unknown; subtype?: string; bot_id?: string }, context: { botId?: string; botUserId?: string }): boolean {
  if (event.type === 'message' && event.subtype === 'bot_message' && event.bot_id === context.botId) return true;
  return context.botUserId !== undefined && event.user === context.botUserId && !OWN_EVENTS_KEPT.has(event.type);
}

/**
 * Routes every request from one global middleware. Bolt hands global middleware the same arguments a
 * listener gets (command, event, action, shortcut or view, plus ack, respond, say, client), and when the
 * middleware does not call next() no listener chain runs at all.
 */
export function routeListeners(app: App, routes: Routes): void {
  app.use(async (args) => {
    const a = args as unknown as Record<string, any> & { body: { type?: string }; next: () => Promise<void> };
    if (a.command) return (find(routes.commands, a.command.command) ?? routes.unknownCommand)(a);
    if (a.event) return isOwnEvent(a.event, a.context) ? undefined : find(routes.events, a.event.type)?.(a);
    // Buttons, shortcuts and views Quadrant does not handle (a link button, a stale modal) are acknowledged
    // so Slack shows no error.
    if (a.action) return (find(routes.actions, a.action.action_id ?? '') ?? ack)(a);
    if (a.shortcut) return (find(routes.shortcuts, a.shortcut.callback_id) ?? ack)(a);
    if (a.view) return (a.body.type === 'view_submission' ? (find(routes.views, a.view.callback_id) ?? ack) : ack)(a);
    return a.next();
  });
}

