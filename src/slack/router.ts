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

export function routeListeners(app: App, routes: Routes): void {
  app.command(/.*/, async (args) => {
    await (find(routes.commands, args.command.command) ?? routes.unknownCommand)(args);
  });
  app.event(/.*/, async (args) => {
    await find(routes.events, args.event.type)?.(args);
  });
  app.action(/.*/, async (args) => {
    const id = (args.action as { action_id?: string; callback_id?: string }).action_id ?? '';
    const handler = find(routes.actions, id);
    // Buttons Quadrant does not handle (a link button, a stale message) are acknowledged so Slack shows no error.
    if (handler) await handler(args);
    else await args.ack();
  });
  app.shortcut(/.*/, async (args) => {
    const handler = find(routes.shortcuts, args.shortcut.callback_id);
    if (handler) await handler(args);
    else await args.ack();
  });
  app.view(/.*/, async (args) => {
    const handler = find(routes.views, args.view.callback_id);
    if (handler) await handler(args);
    else await args.ack();
  });
}
