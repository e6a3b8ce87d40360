import { SlackApiError } from '../slack-api-error';
import type { Json } from '../model';
import { apiMessage, int, json, need, str, type Handler } from './args';

const EMOJI_NAME = /^[a-z0-9_+\-']+$/;

const authTest: Handler = ({ ws, auth }) => ({
  ok: true,
  url: `https://${ws.team.domain}.slack.com/`,
  team: auth.teamName,
  user: ws.bot.name,
  team_id: auth.teamId,
  user_id: auth.userId,
  bot_id: auth.botId,
  is_enterprise_install: false,
});

const usersInfo: Handler = ({ ws, args }) => {
  const user = ws.userObject(need(args, 'user', 'user_not_found'));
  if (!user) throw new SlackApiError('user_not_found');
  return { ok: true, user };
};

const teamInfo: Handler = ({ ws }) => ({
  ok: true,
  team: { id: ws.team.id, name: ws.team.name, domain: ws.team.domain, email_domain: 'sandbox.example.com', icon: { image_34: '', image_44: '', image_68: '', image_88: '', image_102: '', image_132: '', image_default: true } },
});

function reactionTarget(args: Record<string, unknown>) {
  const name = need(args, 'name', 'invalid_name');
  // Names come without colons; ":fire:" is refused by Slack.
  if (!EMOJI_NAME.test(name)) throw new SlackApiError('invalid_name');
  const channel = str(args, 'channel');
  const ts = str(args, 'timestamp');
  if (!channel || !ts) throw new SlackApiError('no_item_specified');
  return { name, channel, ts };
}

const reactionsAdd: Handler = ({ ws, args, auth }) => {
  const { name, channel, ts } = reactionTarget(args);
  ws.addReaction(ws.mustChannel(channel).id, ts, auth.userId, name);
  return { ok: true };
};

const reactionsRemove: Handler = ({ ws, args, auth }) => {
  const { name, channel, ts } = reactionTarget(args);
  ws.removeReaction(ws.mustChannel(channel).id, ts, auth.userId, name);
  return { ok: true };
};

const reactionsGet: Handler = ({ ws, args }) => {
  const channel = ws.mustChannel(need(args, 'channel', 'channel_not_found')).id;
  const ts = need(args, 'timestamp', 'bad_timestamp');
  const message = ws.findMessage(channel, ts);
  if (!message) throw new SlackApiError('message_not_found');
  const permalink = `https://${ws.team.domain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return { ok: true, type: 'message', channel, message: { ...apiMessage(message), permalink } };
};

const getUploadUrl: Handler = ({ ws, args, baseUrl }) => {
  const filename = need(args, 'filename', 'missing_argument');
  const length = int(args, 'length', -1);
  if (length < 0) throw new SlackApiError('missing_argument', ['[ERROR] missing required field: length']);
  const file = ws.files.reserve(filename, length);
  return { ok: true, upload_url: `${baseUrl}/upload/v1/${file.id}`, file_id: file.id };
};

const completeUpload: Handler = ({ ws, args }) => {
  const files = json<Array<{ id: string; title?: string }>>(args, 'files', 'invalid_arguments');
  if (!Array.isArray(files) || files.length === 0) throw new SlackApiError('invalid_arguments', ['[ERROR] missing required field: files']);
  const blocks = json<Json[]>(args, 'blocks', 'invalid_blocks');
  const done = ws.files.complete(files, {
    channel: str(args, 'channel_id') ?? str(args, 'channels')?.split(',')[0],
    threadTs: str(args, 'thread_ts'),
    initialComment: str(args, 'initial_comment'),
    blocks,
  });
  return { ok: true, files: done.map((f) => ({ id: f.id, title: f.title })) };
};

export const miscMethods: Record<string, Handler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'team.info': teamInfo,
  'reactions.add': reactionsAdd,
  'reactions.remove': reactionsRemove,
  'reactions.get': reactionsGet,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
