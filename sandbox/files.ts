import { createIdSequence } from './ids';
import { SlackApiError } from './slack-api-error';
import type { Workspace } from './workspace';
import type { Block, Json } from './model';

export interface SandboxFile {
  id: string;
  filename: string;
  title: string;
  /** Declared in files.getUploadURLExternal. */
  length: number;
  /** What reached the upload URL, if anything yet. */
  bytes?: Buffer;
  completed: boolean;
  channels: string[];
  created: number;
}

/**
 * Slack's three-step upload (files.getUploadURLExternal, POST to the returned URL,
 * files.completeUploadExternal), as web-api's filesUploadV2 drives it.
 */
export class FileStore {
  private readonly files = new Map<string, SandboxFile>();
  private readonly nextId = createIdSequence('F0SB', 6);

  constructor(private readonly ws: Workspace) {}

  get(id: string): SandboxFile | undefined {
    return this.files.get(id);
  }

  list(): SandboxFile[] {
    return [...this.files.values()];
  }

  reserve(filename: string, length: number): SandboxFile {
    const file: SandboxFile = { id: this.nextId(), filename, title: filename, length, completed: false, channels: [], created: Math.floor(this.ws.now() / 1000) };
    this.files.set(file.id, file);
    return file;
  }

  receive(id: string, bytes: Buffer): boolean {
    const file = this.files.get(id);
    if (!file || file.completed) return false;
    file.bytes = bytes;
    return true;
  }

  /** Completes uploads and, with a channel, shares them there in one bot message like Slack. */
  complete(entries: Array<{ id: string; title?: string }>, share: { channel?: string; threadTs?: string; initialComment?: string; blocks?: Block[] }): SandboxFile[] {
    const files = entries.map((entry) => {
      const file = this.files.get(entry.id);
      if (!file || !file.bytes) throw new SlackApiError('file_not_found');
      return { file, title: entry.title };
    });
    const channel = share.channel ? this.ws.mustChannel(share.channel) : undefined;
    if (channel && !channel.members.includes(this.ws.bot.userId)) throw new SlackApiError('not_in_channel');
    for (const { file, title } of files) {
      file.completed = true;
      if (title) file.title = title;
      if (channel) file.channels.push(channel.id);
    }
    if (channel) {
      this.ws.post({
        channel: channel.id,
        user: this.ws.bot.userId,
        text: share.initialComment ?? '',
        blocks: share.blocks,
        thread_ts: share.threadTs,
        files: files.map(({ file }) => this.toJson(file)),
      });
    }
    return files.map(({ file }) => file);
  }

  toJson(file: SandboxFile): Json {
    return {
      id: file.id,
      created: file.created,
      timestamp: file.created,
      name: file.filename,
      title: file.title,
      mimetype: 'application/octet-stream',
      filetype: file.filename.split('.').pop() ?? 'binary',
      user: this.ws.bot.userId,
      size: file.bytes?.length ?? file.length,
      url_private: `https://files.slack.com/files-pri/${this.ws.team.id}-${file.id}/${encodeURIComponent(file.filename)}`,
      permalink: `https://${this.ws.team.domain}.slack.com/files/${this.ws.bot.userId}/${file.id}/${encodeURIComponent(file.filename)}`,
      channels: file.channels,
    };
  }
}
