import type { FilesGetUploadURLExternalArguments, WebClient } from '@slack/web-api';
import { QuadrantError } from '../../core/errors';

export interface FileToUpload {
  filename: string;
  title: string;
  bytes: Uint8Array;
  /** Screen-reader description (images). */
  altText?: string;
}

/**
 * Slack's current upload flow (files.upload is retired): files.getUploadURLExternal for a URL and file id,
 * the bytes POSTed to that URL, then files.completeUploadExternal to finish and share it in `channel`
 * with `comment` as the message text. Throws a QuadrantError when any step fails; nothing is shared then.
 */
export async function uploadFile(client: WebClient, file: FileToUpload, share: { channel: string; comment?: string }): Promise<{ fileId: string }> {
  // Slack's method spec names the screen-reader text `alt_txt`; web-api 8.2's type says `alt_text`, which Slack ignores.
  const args = { filename: file.filename, length: file.bytes.length, ...(file.altText ? { alt_txt: file.altText.slice(0, 1000) } : {}) } as FilesGetUploadURLExternalArguments;
  const reserved = await client.files.getUploadURLExternal(args);
  if (!reserved.upload_url || !reserved.file_id) throw new QuadrantError('quadrant_slack_error', 'files.getUploadURLExternal returned no upload URL');
  const res = await fetch(reserved.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file.bytes,
    signal: AbortSignal.timeout(30_000),
  });
  // fetch resolves on HTTP errors too; a failed upload must not be completed into an empty file.
  if (!res.ok) throw new QuadrantError('quadrant_slack_error', `file upload answered HTTP ${res.status}`);
  await res.arrayBuffer().catch(() => undefined);
  await client.files.completeUploadExternal({
    files: [{ id: reserved.file_id, title: file.title }],
    channel_id: share.channel,
    ...(share.comment ? { initial_comment: share.comment } : {}),
  });
  return { fileId: reserved.file_id };
}

/** The bot's DM channel with a person, for sharing files privately. */
export async function dmChannel(client: WebClient, user: string): Promise<string> {
  const dm = await client.conversations.open({ users: user });
  if (!dm.channel?.id) throw new QuadrantError('quadrant_slack_error', 'conversations.open returned no channel');
  return dm.channel.id;
}
