import type { RecordedRequest } from './fakes/fake-server';
import type { ProviderFakes } from './fakes/provider-fakes';
import type { Workspace } from './workspace';

export interface Page {
  provider: string;
  to: string;
  text: string;
}

function json(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** XML text as read aloud: the five named entities and numeric ones (&#39; &#x27;); anything else stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (m, dec?: string, hex?: string, name?: string) => {
    if (name) return XML_ENTITIES[name] ?? m;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** What a voice call would say: the <Say> text of its TwiML. */
function spoken(twiml: string): string {
  return [...twiml.matchAll(/<Say[^>]*>([\s\S]*?)<\/Say>/g)].map((m) => decodeXmlText(m[1]!).trim()).join(' ');
}

/** One line for a request a provider fake received, or undefined when it is not a page. */
function describePage(provider: 'twilio' | 'pagerduty' | 'opsgenie' | 'webhook', request: RecordedRequest): Page | undefined {
  if (request.method !== 'POST') return undefined;
  switch (provider) {
    case 'twilio': {
      const form = new URLSearchParams(request.body);
      if (request.path.endsWith('/Messages.json')) return { provider: 'twilio_sms', to: form.get('To') ?? '?', text: form.get('Body') ?? '' };
      if (request.path.endsWith('/Calls.json')) return { provider: 'twilio_voice', to: form.get('To') ?? '?', text: spoken(form.get('Twiml') ?? '') || `(call, TwiML from ${form.get('Url') ?? '?'})` };
      return undefined;
    }
    case 'pagerduty': {
      const body = json(request.body);
      const payload = (body.payload ?? {}) as Record<string, unknown>;
      return { provider: 'pagerduty', to: 'on-call service', text: `${String(body.event_action ?? '?')}: ${String(payload.summary ?? body.dedup_key ?? '')}` };
    }
    case 'opsgenie': {
      const body = json(request.body);
      const action = /\/(acknowledge|close)$/.exec(request.path)?.[1];
      return { provider: 'opsgenie', to: 'on-call team', text: action ? `${action} ${decodeURIComponent(request.path.split('/')[3] ?? '')}` : String(body.message ?? '') };
    }
    case 'webhook': {
      const body = json(request.body);
      const data = (body.data ?? body) as Record<string, unknown>;
      const text = data.text ?? data.summary ?? data.message;
      const shown = typeof text === 'string' ? text : JSON.stringify(data).slice(0, 160);
      return { provider: 'webhook', to: request.path, text: `${String(body.type ?? 'event')}: ${shown}` };
    }
  }
}

/** Announces every page the provider fakes receive as workspace activity, for the console. */
export function watchPages(fakes: ProviderFakes, ws: Workspace): () => void {
  const stops = (['twilio', 'pagerduty', 'opsgenie', 'webhook'] as const).map((provider) =>
    fakes[provider].onRequest((request) => {
      const page = describePage(provider, request);
      if (page) ws.emitActivity({ kind: 'page', ...page });
    }),
  );
  return () => stops.forEach((stop) => stop());
}
