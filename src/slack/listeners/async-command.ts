import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseAsyncCommand } from '../../core/async-command';
import { errorCode } from '../../core/errors';
import type { Deps } from '../../deps';
import { fileItem, MAX_ITEM_TEXT } from '../../flows/file-item';
import { markItemDone } from '../../flows/mark-item-done';
import { afterItemFiled } from '../../flows/hub/post-to-hub';
import { hubListMessage } from '../../flows/hub/hub-overview';
import { maybeIntroduce } from '../../flows/intro';
import { ASYNC_HELP } from '../blocks/async-help';
import { asyncModal } from '../blocks/async-modal';
import { filedReply } from '../blocks/filed-reply';
import { itemListMessage } from '../blocks/item-list';
import { replyFor, replyForError } from '../replies';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/async`: everything is answered in the ack body, so the reply costs no extra request to Slack. */
export function asyncCommand(deps: Deps) {
  return async ({ command, ack: rawAck, respond, client, logger }: Args) => {
    const team = command.team_id;
    let acked = false;
    const ack: typeof rawAck = async (response?) => {
      acked = true;
      await rawAck(response as never);
      void maybeIntroduce(deps, { team, user: command.user_id, channel: command.channel_id, via: 'command' });
    };
    deps.metrics.requests.inc({ kind: 'command_async' });
    const parsed = parseAsyncCommand(command.text);
    try {
      switch (parsed.kind) {
        case 'help':
          return await ack({ response_type: 'ephemeral', text: ASYNC_HELP });
        case 'modal':
          await ack();
          await client.views.open({ trigger_id: command.trigger_id, view: asyncModal(command.channel_id) });
          return;
        case 'list': {
          if (parsed.scope === 'hub') {
            // Names may need users.info calls: answer Slack within its 3 s first, then send the list.
            await ack();
            return void (await respond({ response_type: 'ephemeral', ...(await hubListMessage(deps, team)) }));
          }
          return await ack({ response_type: 'ephemeral', ...itemListMessage(await deps.items.listByUser(team, command.user_id)) });
        }
        case 'list_usage':
          return await ack({
            response_type: 'ephemeral',
            text: `I don't know the list \`${parsed.scope}\`. \`/async list\` shows your open items, \`/async list hub\` the hub's. To file it as an item, start with a flag: \`/async +ops list ${parsed.scope}\`.`,
          });
        case 'done_missing_id':
          return await ack({ response_type: 'ephemeral', text: 'Which item? Try `/async done <id>`; `/async list` shows the ids.' });
        case 'done': {
          const outcome = await markItemDone(deps, team, parsed.id, command.user_id);
          return await ack({ response_type: 'ephemeral', text: outcome.ok ? `Marked \`${parsed.id}\` done. Nice.` : replyFor(outcome.code) });
        }
        case 'file': {
          if (parsed.text.length > MAX_ITEM_TEXT) return await ack({ response_type: 'ephemeral', text: replyFor('quadrant_text_too_long') });
          const filed = await fileItem(deps, {
            team,
            author: command.user_id,
            channel: command.channel_id,
            text: parsed.text,
            source: 'command',
            seed: `command-${command.trigger_id}`,
            area: parsed.area,
            priority: parsed.priority,
          });
          const notes = parsed.unknownFlags.length ? [`(I ignored ${parsed.unknownFlags.join(' ')}: see \`/async help\` for the flags I know.)`] : [];
          await ack({ response_type: 'ephemeral', ...filedReply(filed, notes) });
          return void (await afterItemFiled(deps, filed));
        }
      }
    } catch (err) {
      logger.error('async command failed', err);
      deps.metrics.errors.inc({ code: errorCode(err) ?? 'unexpected' });
      const reply = { response_type: 'ephemeral' as const, text: replyForError(err) };
      await (acked ? respond(reply) : ack(reply)).catch(() => undefined);
    }
  };
}
