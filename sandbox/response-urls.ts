import { createIdSequence } from './ids';
import type { Workspace } from './workspace';
import type { Block, EphemeralMessage, Json } from './model';

/** Slack: a response_url takes at most 5 posts within 30 minutes (FACTS.md §2). */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export interface ResponseUrlSource {
  user: string;
  channel: string;
  /** Set for buttons on a message: the message `replace_original` / `delete_original` act on. */
  message?: { ts: string; ephemeral: boolean };
  threadTs?: string;
}

interface Entry extends ResponseUrlSource {
  id: string;
  createdAt: number;
  uses: number;
  /** For commands: the last ephemeral this URL posted, which `replace_original` replaces. */
  lastEphemeral?: EphemeralMessage;
}

export interface ResponseUrlPost {
  id: string;
  at: number;
  body: unknown;
  status: number;
  error?: string;
}

export interface ResponseUrlAnswer {
  status: number;
  body: Json;
}

/**
 * The response_urls handed out with commands, shortcuts and message buttons, served by the fake
 * at POST /response/<id>. The error answers (HTTP 404 with `used_url` / `expired_url`) follow
 * what Slack is reported to send; an app should only rely on the status not being 2xx.
 */
export class ResponseUrls {
  readonly posts: ResponseUrlPost[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly nextId = createIdSequence('R0SB', 8);

  constructor(
    private readonly ws: Workspace,
    private readonly baseUrl: () => string,
  ) {}

  issue(source: ResponseUrlSource): string {
    const id = this.nextId();
    this.entries.set(id, { ...source, id, createdAt: this.ws.now(), uses: 0 });
    return `${this.baseUrl()}/response/${this.ws.team.id}/${id}`;
  }

  post(id: string, body: unknown): ResponseUrlAnswer {
    const answer = this.apply(id, body);
    this.posts.push({ id, at: this.ws.now(), body, status: answer.status, ...(answer.body.ok ? {} : { error: String(answer.body.error) }) });
    return answer;
  }

  private apply(id: string, raw: unknown): ResponseUrlAnswer {
    const entry = this.entries.get(id);
    if (!entry) return fail(404, 'invalid_url');
    if (this.ws.now() - entry.createdAt > RESPONSE_URL_TTL_MS) return fail(404, 'expired_url');
    if (entry.uses >= RESPONSE_URL_MAX_USES) return fail(404, 'used_url');
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(400, 'invalid_payload');
    const body = raw as Json;
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? (body.blocks as Block[]) : undefined;
    if (body.delete_original !== true && !text && !blocks) return fail(400, 'no_text');
    entry.uses += 1;

    if (body.delete_original === true) {
      this.deleteOriginal(entry);
      return ok();
    }
    if (body.replace_original === true && this.replaceOriginal(entry, text, blocks)) return ok();
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : entry.threadTs;
    if (body.response_type === 'in_channel') {
      this.ws.post({ channel: entry.channel, user: this.ws.bot.userId, text, blocks, thread_ts: threadTs, asBotMessage: true });
    } else {
      entry.lastEphemeral = this.ws.addEphemeral({ channel: entry.channel, user: entry.user, text, blocks, thread_ts: threadTs, via: 'response_url' });
    }
    return ok();
  }

  private deleteOriginal(entry: Entry): void {
    if (entry.message && !entry.message.ephemeral) {
      if (this.ws.findMessage(entry.channel, entry.message.ts)) this.ws.remove(entry.channel, entry.message.ts);
      return;
    }
    const ephemeral = entry.message ? this.ws.findEphemeral(entry.user, entry.message.ts) : entry.lastEphemeral;
    if (ephemeral) this.ws.deleteEphemeral(ephemeral);
  }

  /** False when there is nothing to replace (a command's first reply), so a new reply is posted. */
  private replaceOriginal(entry: Entry, text: string, blocks: Block[] | undefined): boolean {
    if (entry.message && !entry.message.ephemeral) {
      if (!this.ws.findMessage(entry.channel, entry.message.ts)) return false;
      this.ws.update(entry.channel, entry.message.ts, { text, blocks: blocks ?? [] }, this.ws.bot.userId);
      return true;
    }
    const ephemeral = entry.message ? this.ws.findEphemeral(entry.user, entry.message.ts) : entry.lastEphemeral;
    if (!ephemeral) return false;
    this.ws.replaceEphemeral(ephemeral, { text, blocks });
    return true;
  }
}

function ok(): ResponseUrlAnswer {
  return { status: 200, body: { ok: true } };
}

function fail(status: number, error: string): ResponseUrlAnswer {
  return { status, body: { ok: false, error } };
}
