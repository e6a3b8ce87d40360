import { checkView } from '../block-kit-check';
import { SlackApiError } from '../slack-api-error';
import type { Workspace } from '../workspace';
import type { Json } from '../model';
import { json, need, str, type Handler } from './args';

function viewArg(args: Record<string, unknown>): Json {
  const view = json<Json>(args, 'view', 'invalid_arguments');
  if (!view) throw new SlackApiError('invalid_arguments', ['[ERROR] missing required field: view']);
  const errors = checkView(view);
  if (errors.length > 0) throw new SlackApiError('invalid_arguments', errors);
  return view;
}

/** views.open and views.push take a trigger_id, or the interactivity_pointer that replaces it. */
function triggerUser(ws: Workspace, args: Record<string, unknown>): string {
  const trigger = str(args, 'trigger_id') ?? str(args, 'interactivity_pointer');
  if (!trigger) throw new SlackApiError('invalid_trigger_id');
  return ws.consumeTrigger(trigger);
}

const open: Handler = ({ ws, args }) => {
  const view = viewArg(args);
  return { ok: true, view: ws.views.open(triggerUser(ws, args), view) };
};

const push: Handler = ({ ws, args }) => {
  const view = viewArg(args);
  return { ok: true, view: ws.views.push(triggerUser(ws, args), view) };
};

const update: Handler = ({ ws, args }) => {
  const view = viewArg(args);
  const viewId = str(args, 'view_id');
  const externalId = str(args, 'external_id');
  if (!viewId && !externalId) throw new SlackApiError('not_found');
  return { ok: true, view: ws.views.update({ viewId, externalId }, view, str(args, 'hash')) };
};

const publish: Handler = ({ ws, args }) => {
  const user = need(args, 'user_id', 'invalid_arguments');
  if (!ws.person(user) || !/^[UW]/.test(user)) throw new SlackApiError('invalid_arguments', [`[ERROR] unknown user_id ${user}`]);
  const view = viewArg(args);
  return { ok: true, view: ws.views.publishHome(user, view, str(args, 'hash')) };
};

export const viewMethods: Record<string, Handler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
