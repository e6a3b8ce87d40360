import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { replyFor } from '../replies';

/** A command Slack routes to us that we do not know (a renamed command in an old manifest): answer, never time out. */
export async function unknownCommand({ ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  await ack({ response_type: 'ephemeral', text: replyFor('quadrant_unknown_command') });
}
