import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { xmlIssues } from './xml-check';

/**
 * Request validators compiled from the providers' own API definitions (shared/providers/, see its
 * SOURCES.md). The sandbox ships without ../shared and may run without Ajv (a dev dependency), so
 * both are optional: without them a fake falls back to its structural checks and says so in `source`.
 */

export type Validate = (data: unknown) => string[];

export interface ProviderSpecs {
  source: 'spec' | 'structural';
  twilio?: { createMessage: Validate; createCall: Validate; updateCall: Validate; messageParams: Set<string>; callParams: Set<string>; updateCallParams: Set<string> };
  pagerduty?: { createEvent: Validate };
  opsgenie?: { createAlert: Validate; acknowledgeAlert: Validate; closeAlert: Validate };
}

export function defaultSpecDir(): string {
  return path.resolve(process.cwd(), '../shared/providers');
}

interface AjvLike {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null };
}
type AjvConstructor = new (options: object) => AjvLike;

function loadAjv(): AjvConstructor | undefined {
  try {
    // Required lazily: the sandbox must start where dev dependencies are not installed.
    const mod = require('ajv') as { default?: AjvConstructor };
    return mod.default ?? (mod as unknown as AjvConstructor);
  } catch {
    return undefined;
  }
}

const E164_OR_SENDER = /^(\+[1-9]\d{1,14}|[A-Za-z0-9 ]{1,11}|[a-z]+:.+)$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Twilio's custom formats (SOURCES.md asks for them to be registered); the ones we never send pass. */
const FORMATS: Record<string, true | ((value: string) => boolean)> = {
  'phone-number': (v) => E164_OR_SENDER.test(v),
  endpoint: (v) => E164_OR_SENDER.test(v) || /^(client|sip):/.test(v),
  twiml: (v) => xmlIssues(v).length === 0,
  uri: isHttpUrl,
  url: isHttpUrl,
  'date-time': (v) => ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
  'http-method': true,
  'date-time-rfc-2822': true,
  currency: true,
  'uri-map': true,
  float: true,
  int32: true,
  int64: true,
};

function wrap(validate: ReturnType<AjvLike['compile']>): Validate {
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`));
}

function readJson(file: string): Record<string, any> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
}

const cache = new Map<string, ProviderSpecs>();

/** Loads and compiles once per directory; `null` asks for structural checks only. */
export function loadProviderSpecs(dir: string | null = defaultSpecDir()): ProviderSpecs {
  const key = dir ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const specs = compile(dir);
  cache.set(key, specs);
  return specs;
}

function compile(dir: string | null): ProviderSpecs {
  const Ajv = loadAjv();
  const files = dir && {
    twilio: path.join(dir, 'twilio/twilio_api_v2010.paging-subset.json'),
    pagerduty: path.join(dir, 'pagerduty/events-v2.openapiv3.json'),
    opsgenie: path.join(dir, 'opsgenie/alert.paging-subset.json'),
  };
  if (!Ajv || !files || !Object.values(files).every((f) => existsSync(f))) return { source: 'structural' };

  // OpenAPI and Swagger carry keywords JSON Schema lacks (nullable, discriminator, x-*): strict off ignores them.
  const base = { strict: false, allErrors: true, logger: false, formats: FORMATS };
  const json = new Ajv(base);
  // Form values arrive as strings and repeated keys as arrays; coercion turns "30" into 30 before checking.
  const form = new Ajv({ ...base, coerceTypes: 'array' });

  const twilio = readJson(files.twilio);
  const formSchema = (p: string) => twilio.paths[p].post.requestBody.content['application/x-www-form-urlencoded'].schema as Record<string, any>;
  const message = formSchema('/2010-04-01/Accounts/{AccountSid}/Messages.json');
  const call = formSchema('/2010-04-01/Accounts/{AccountSid}/Calls.json');
  const callUpdate = formSchema('/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json');

  const pagerduty = readJson(files.pagerduty);
  const event = pagerduty.paths['/enqueue'].post.requestBody.content['application/json'].schema as object;

  const opsgenie = readJson(files.opsgenie);
  const definition = (name: string) => wrap(json.compile({ $ref: `#/definitions/${name}`, definitions: opsgenie.definitions }));

  return {
    source: 'spec',
    twilio: {
      createMessage: wrap(form.compile({ ...message, components: twilio.components })),
      createCall: wrap(form.compile({ ...call, components: twilio.components })),
      updateCall: wrap(form.compile({ ...callUpdate, components: twilio.components })),
      messageParams: new Set(Object.keys(message.properties)),
      callParams: new Set(Object.keys(call.properties)),
      updateCallParams: new Set(Object.keys(callUpdate.properties)),
    },
    pagerduty: { createEvent: wrap(json.compile({ ...event, components: pagerduty.components })) },
    opsgenie: {
      createAlert: definition('CreateAlertPayload'),
      acknowledgeAlert: definition('AcknowledgeAlertPayload'),
      closeAlert: definition('CloseAlertPayload'),
    },
  };
}

/** A form body as the schema expects it: repeated keys become arrays. */
export function formToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    out[name] = values.length === 1 ? values[0]! : values;
  }
  return out;
}
