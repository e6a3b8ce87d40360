import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

export async function readBody(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** web-api JSON-encodes these into single form fields (FACTS.md §4); decoded for the call record. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files', 'unfurls']);

/** Form fields as strings, with the JSON-encoded ones decoded when they parse. */
export function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(text))) {
    const v = Array.isArray(value) ? value.join(',') : (value ?? '');
    if (JSON_FIELDS.has(key)) {
      try {
        out[key] = JSON.parse(v);
        continue;
      } catch {
        // Left as text; the method answers with its own invalid_*_format error.
      }
    }
    out[key] = v;
  }
  return out;
}

export interface MultipartPart {
  name: string;
  filename?: string;
  data: Buffer;
}

/** Enough multipart/form-data to read what fetch's FormData sends (web-api's file uploads). */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString();
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      parts.push({ name, filename, data: Buffer.from(part.subarray(headerEnd + 4)) });
    }
    start = next;
  }
  return parts;
}
