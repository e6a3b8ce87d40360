import { checkView } from './block-kit-check';
import type { Delivery } from './transport';
import type { Workspace } from './workspace';
import type { EphemeralMessage, Json, StoredMessage } from './model';

function isOk(delivery: Delivery): boolean {
  return delivery.status >= 200 && delivery.status <= 299;
}

/**
 * What Slack shows for a slash command's ack body: JSON `{text, blocks, response_type}` or plain
 * text, as an ephemeral for the user unless `response_type` is `in_channel` (FACTS.md §2).
 */
export function showCommandAck(ws: Workspace, delivery: Delivery, userId: string, channelId: string): { ephemeral: EphemeralMessage } | { message: StoredMessage } | undefined {
  if (!isOk(delivery) || !delivery.body) return undefined;
  const reply = (delivery.json && typeof delivery.json === 'object' ? delivery.json : { text: delivery.body }) as Json;
  const text = typeof reply.text === 'string' ? reply.text : '';
  const blocks = Array.isArray(reply.blocks) ? (reply.blocks as Json[]) : undefined;
  if (!text && !blocks) return undefined;
  if (reply.response_type === 'in_channel') return { message: ws.post({ channel: channelId, user: ws.bot.userId, text, blocks }) };
  return { ephemeral: ws.addEphemeral({ channel: channelId, user: userId, text, blocks, via: 'command_ack' }) };
}

/**
 * A view_submission ack applied as Slack applies it (payloads/view_submission.responses.json):
 * `errors` keeps the modal open with messages, `update` / `push` change the stack, `clear` closes
 * all, and an empty body closes the submitted view.
 */
export function applyViewResponse(ws: Workspace, userId: string, viewId: string, delivery: Delivery): { responseAction?: string; errors?: Record<string, string> } {
  if (!isOk(delivery)) return {};
  const body = (delivery.json && typeof delivery.json === 'object' ? delivery.json : {}) as Json;
  const action = typeof body.response_action === 'string' ? body.response_action : undefined;
  switch (action) {
    case 'errors': {
      const errors = (body.errors ?? {}) as Record<string, string>;
      ws.views.setErrors(viewId, errors);
      return { responseAction: action, errors };
    }
    case 'update':
      ws.views.replaceTop(userId, acceptableView(body.view, action));
      return { responseAction: action };
    case 'push':
      ws.views.push(userId, acceptableView(body.view, action));
      return { responseAction: action };
    case 'clear':
      ws.views.closeAll(userId);
      return { responseAction: action };
    default:
      ws.views.closeTop(userId);
      return {};
  }
}

/** Slack checks a view sent back in the ack as it checks views.update; a bad one leaves the person with an error. */
function acceptableView(view: unknown, action: string): Json {
  const problems = checkView(view);
  if (problems.length) throw new Error(`Slack would refuse the view in response_action ${action}: ${problems.join('; ')}`);
  return view as Json;
}
