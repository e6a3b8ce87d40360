import { createHmac, randomBytes } from 'node:crypto';
import { header, startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from './fake-server';
import { formToObject, loadProviderSpecs, type ProviderSpecs } from './provider-specs';
import { xmlIssues } from './xml-check';

/**
 * Twilio's REST API for Messages and Calls (shared/providers/FACTS.md §1): form-encoded POSTs under
 * /2010-04-01/Accounts/{AccountSid}/, HTTP Basic with the Account SID and Auth Token, 201 with the
 * resource, and Twilio's JSON error body ({code, message, more_info, status}) otherwise. Calls keep a
 * status, so UpdateCall (`POST …/Calls/{Sid}.json`) can cancel one that is still queued or ringing.
 */

export interface TwilioFakeOptions {
  accountSid?: string;
  authToken?: string;
  /** shared/providers; null for structural checks only. */
  specDir?: string | null;
  port?: number;
}

export interface TwilioFake extends FakeServer {
  readonly accountSid: string;
  readonly authToken: string;
  readonly specSource: ProviderSpecs['source'];
  /** Created messages and calls, with the decoded form fields. */
  messages(): Array<Record<string, string>>;
  calls(): Array<Record<string, string>>;
  /** Sids of the calls created, oldest first. */
  callSids(): string[];
  /** A created call's status: queued until answered or canceled. */
  callStatus(sid: string): string | undefined;
  /** The person picks up: the call is in progress, and canceling it no longer has an effect. */
  answerCall(sid: string): void;
  /** UpdateCall requests that passed validation, with the call sid from the path. */
  callUpdates(): Array<Record<string, string> & { sid: string }>;
  /** An inbound SMS reply, signed as Twilio signs it, posted to Quadrant's hook. */
  sendSmsReply(options: { url: string; from: string; body: string; to?: string; authToken?: string }): Promise<CallbackAnswer>;
  /** A key press in a call: posts `Digits` to the call's `<Gather action>` (or `url`), signed. */
  sendVoiceKeypress(options: { url?: string; call?: Record<string, string>; digits: string; authToken?: string }): Promise<CallbackAnswer>;
}

export interface CallbackAnswer {
  status: number;
  body: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const twilioDate = (d = new Date()) => d.toUTCString().replace('GMT', '+0000');

function twilioError(status: number, code: number, message: string): FakeAnswer {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

const PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/;
/** UpdateCall. */
const CALL_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/;
/** Fetch an account (FetchAccount): what a credential check without side effects calls. */
const ACCOUNT_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** Twilio's signing, written out here rather than imported, so the fake cannot share a bug with src/. */
function sign(authToken: string, url: string, params: URLSearchParams): string {
  const names = [...new Set(params.keys())].sort();
  let data = url;
  for (const name of names) for (const value of [...new Set(params.getAll(name))].sort()) data += name + value;
  return createHmac('sha1', authToken).update(data).digest('base64');
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What every form POST under an account must get right: method, account, credentials, content type. */
function formPostIssues(request: RecordedRequest, pathAccountSid: string, operation: string): string[] {
  const issues: string[] = [];
  if (request.method !== 'POST') issues.push(`method ${request.method} (${operation} takes POST)`);
  if (!/^AC[0-9a-fA-F]{32}$/.test(pathAccountSid)) issues.push('AccountSid in the path does not match ^AC[0-9a-fA-F]{32}$');
  const auth = header(request, 'authorization') ?? '';
  if (!auth.startsWith('Basic ')) issues.push('no HTTP Basic authorization');
  else if (!Buffer.from(auth.slice(6), 'base64').toString().startsWith(`${pathAccountSid}:`)) issues.push('Basic user is not the AccountSid in the path');
  if (!/^application\/x-www-form-urlencoded\b/i.test(header(request, 'content-type') ?? '')) issues.push('content-type is not application/x-www-form-urlencoded');
  return issues;
}

/** Parameters the operation does not have, then the spec's own schema check. */
function specIssues(fields: Record<string, unknown>, known: ReadonlySet<string>, check: (fields: Record<string, unknown>) => string[]): string[] {
  return [...Object.keys(fields).filter((name) => !known.has(name)).map((name) => `unknown parameter ${name}`), ...check(fields)];
}

export async function startTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  const accountSid = options.accountSid ?? `AC${hex(16)}`;
  const authToken = options.authToken ?? hex(16);
  const specs = loadProviderSpecs(options.specDir);

  function credentialsOk(request: RecordedRequest): boolean {
    const auth = header(request, 'authorization') ?? '';
    return auth === `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  }

  function validate(request: RecordedRequest): string[] {
    const account = ACCOUNT_PATH.exec(request.path);
    if (account) {
      const auth = header(request, 'authorization') ?? '';
      if (request.method !== 'GET') return [`method ${request.method} (FetchAccount is GET)`];
      if (!auth.startsWith('Basic ')) return ['no HTTP Basic authorization'];
      return [];
    }
    const update = CALL_PATH.exec(request.path);
    if (update) return validateUpdate(request, update[1]!, update[2]!);
    const match = PATH.exec(request.path);
    if (!match) return [...(request.method === 'POST' ? [] : [`method ${request.method} (Twilio create takes POST)`]), `unknown path ${request.path}`];
    const [, sid, resource] = match;
    const issues = formPostIssues(request, sid!, 'Twilio create');
    const params = new URLSearchParams(request.body);
    const fields = formToObject(params);
    const isMessage = resource === 'Messages';
    if (specs.twilio) {
      const twilio = specs.twilio;
      issues.push(...specIssues(fields, isMessage ? twilio.messageParams : twilio.callParams, isMessage ? twilio.createMessage : twilio.createCall));
    }
    // Rules the spec leaves out (FACTS.md §1), checked with or without it.
    const to = params.get('To');
    if (!to) issues.push('To is required');
    else if (!E164.test(to)) issues.push('To is not an E.164 number');
    if (isMessage) {
      if (!params.get('From') && !params.get('MessagingServiceSid')) issues.push('a sender (From or MessagingServiceSid) is required');
      if (!params.get('Body') && !params.get('MediaUrl') && !params.get('ContentSid')) issues.push('content (Body, MediaUrl or ContentSid) is required');
      if ((params.get('Body') ?? '').length > 1600) issues.push('Body is over 1,600 characters');
    } else {
      if (!params.get('From')) issues.push('From is required');
      const twiml = params.get('Twiml');
      if (!twiml && !params.get('Url') && !params.get('ApplicationSid')) issues.push('one of Url, Twiml or ApplicationSid is required');
      if (twiml) {
        if (twiml.length > 4000) issues.push('Twiml is over 4,000 characters');
        issues.push(...xmlIssues(twiml).map((i) => `Twiml: ${i}`));
        if (!/^(<\?xml[^?]*\?>)?\s*<Response[\s>]/.test(twiml)) issues.push('Twiml root is not <Response>');
      }
    }
    return issues;
  }

  function validateUpdate(request: RecordedRequest, pathAccountSid: string, callSid: string): string[] {
    const issues = formPostIssues(request, pathAccountSid, 'UpdateCall');
    if (!/^CA[0-9a-fA-F]{32}$/.test(callSid)) issues.push('call Sid in the path does not match ^CA[0-9a-fA-F]{32}$');
    const fields = formToObject(new URLSearchParams(request.body));
    if (specs.twilio) issues.push(...specIssues(fields, specs.twilio.updateCallParams, specs.twilio.updateCall));
    if (Object.keys(fields).length === 0) issues.push('nothing to update');
    return issues;
  }

  const callStatuses = new Map<string, string>();

  /** UpdateCall: `canceled` ends a queued or ringing call and changes nothing once it was answered. */
  function updated(request: RecordedRequest, callSid: string): FakeAnswer {
    const status = callStatuses.get(callSid);
    if (status === undefined) return twilioError(404, 20404, `The requested resource /2010-04-01/Accounts/${accountSid}/Calls/${callSid}.json was not found`);
    const wanted = new URLSearchParams(request.body).get('Status');
    if (wanted === 'canceled' && (status === 'queued' || status === 'ringing')) callStatuses.set(callSid, 'canceled');
    if (wanted === 'completed' && status === 'in-progress') callStatuses.set(callSid, 'completed');
    return { status: 200, body: { account_sid: accountSid, api_version: '2010-04-01', sid: callSid, status: callStatuses.get(callSid), uri: `/2010-04-01/Accounts/${accountSid}/Calls/${callSid}.json` } };
  }

  function created(request: RecordedRequest): FakeAnswer {
    const params = new URLSearchParams(request.body);
    const resource = PATH.exec(request.path)![2];
    const now = twilioDate();
    const base = `/2010-04-01/Accounts/${accountSid}/${resource}`;
    if (resource === 'Messages') {
      const sid = `SM${hex(16)}`;
      // Shape of the spec's CreateMessage 201 example ("createWoService").
      return {
        status: 201,
        body: {
          account_sid: accountSid, api_version: '2010-04-01', body: params.get('Body'), date_created: now, date_sent: null, date_updated: now,
          direction: 'outbound-api', error_code: null, error_message: null, from: params.get('From'), messaging_service_sid: null,
          num_media: '0', num_segments: String(Math.max(1, Math.ceil((params.get('Body') ?? '').length / 153))), price: null, price_unit: 'USD',
          sid, status: 'queued', subresource_uris: { media: `${base}/${sid}/Media.json` }, to: params.get('To'), uri: `${base}/${sid}.json`,
        },
      };
    }
    const sid = `CA${hex(16)}`;
    callStatuses.set(sid, 'queued');
    // Shape of the spec's CreateCall 201 example, as a freshly queued call.
    return {
      status: 201,
      body: {
        account_sid: accountSid, answered_by: null, api_version: '2010-04-01', caller_name: null, date_created: null, date_updated: null,
        direction: 'outbound-api', duration: null, end_time: null, forwarded_from: null, from: params.get('From'), from_formatted: params.get('From'),
        group_sid: null, parent_call_sid: null, phone_number_sid: `PN${hex(16)}`, price: null, price_unit: 'USD', sid, start_time: null,
        status: 'queued', subresource_uris: { notifications: `${base}/${sid}/Notifications.json`, recordings: `${base}/${sid}/Recordings.json` },
        to: params.get('To'), to_formatted: params.get('To'), trunk_sid: null, uri: `${base}/${sid}.json`, queue_time: '0',
      },
    };
  }

  const server = await startFakeServer(
    {
      validate,
      answer(request) {
        const account = ACCOUNT_PATH.exec(request.path);
        if (account && request.method === 'GET') {
          if (!credentialsOk(request) || account[1] !== accountSid) return twilioError(401, 20003, 'Authenticate');
          // Shape of the spec's FetchAccount 200 (api.v2010.account), trimmed to what a check reads.
          return { status: 200, body: { sid: accountSid, friendly_name: 'Sandbox account', status: 'active', type: 'Full', owner_account_sid: accountSid, uri: `/2010-04-01/Accounts/${accountSid}.json` } };
        }
        const update = CALL_PATH.exec(request.path);
        if (!PATH.test(request.path) && !update) return twilioError(404, 20404, 'The requested resource was not found');
        if (request.method !== 'POST') return twilioError(405, 20004, 'Method not allowed');
        if (!credentialsOk(request)) return twilioError(401, 20003, 'Authenticate');
        if (update) return request.issues.length > 0 ? twilioError(400, 21601, 'Invalid parameter') : updated(request, update[2]!);
        if (request.issues.length > 0) {
          const to = new URLSearchParams(request.body).get('To') ?? '';
          if (!E164.test(to)) return twilioError(400, request.path.endsWith('Calls.json') ? 21217 : 21211, `The 'To' number ${to} is not a valid phone number.`);
          return twilioError(400, 21601, 'Invalid parameter');
        }
        return created(request);
      },
      failure(mode) {
        if (mode === 'unauthorized') return twilioError(401, 20003, 'Authenticate');
        if (mode === 'status429') return twilioError(429, 20429, 'Too Many Requests');
        return twilioError(500, 20500, 'An internal server error has occurred');
      },
      commonHeaders: () => ({ 'twilio-request-id': `RQ${hex(16)}` }),
    },
    { port: options.port },
  );

  const created201 = (resource: string) =>
    server.requests
      .filter((r) => r.mode === 'ok' && r.issues.length === 0 && r.path.endsWith(`/${resource}.json`) && credentialsOk(r))
      .map((r) => Object.fromEntries(new URLSearchParams(r.body)));

  async function post(url: string, params: URLSearchParams, token: string): Promise<CallbackAnswer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(token, url, params), 'user-agent': 'TwilioProxy/1.1' },
      body: params.toString(),
    });
    return { status: response.status, body: await response.text() };
  }

  return Object.assign(server, {
    accountSid,
    authToken,
    specSource: specs.source,
    messages: () => created201('Messages'),
    calls: () => created201('Calls'),
    callSids: () => [...callStatuses.keys()],
    callStatus: (sid: string) => callStatuses.get(sid),
    answerCall(sid: string) {
      if (callStatuses.has(sid)) callStatuses.set(sid, 'in-progress');
    },
    callUpdates: () =>
      server.requests
        .filter((r) => r.mode === 'ok' && r.issues.length === 0 && CALL_PATH.test(r.path) && credentialsOk(r))
        .map((r) => ({ ...Object.fromEntries(new URLSearchParams(r.body)), sid: CALL_PATH.exec(r.path)![2]! })),
    sendSmsReply(o: { url: string; from: string; body: string; to?: string; authToken?: string }) {
      const sid = `SM${hex(16)}`;
      const params = new URLSearchParams({
        ToCountry: 'US', ToState: '', SmsMessageSid: sid, NumMedia: '0', ToCity: '', FromZip: '', SmsSid: sid, FromState: '',
        SmsStatus: 'received', FromCity: '', Body: o.body, FromCountry: '', To: o.to ?? '+15005550006', ToZip: '', NumSegments: '1',
        MessageSid: sid, AccountSid: accountSid, From: o.from, ApiVersion: '2010-04-01',
      });
      return post(o.url, params, o.authToken ?? authToken);
    },
    sendVoiceKeypress(o: { url?: string; call?: Record<string, string>; digits: string; authToken?: string }) {
      const action = o.url ?? /<Gather[^>]*\saction="([^"]*)"/.exec(o.call?.Twiml ?? '')?.[1];
      if (!action) throw new Error('sendVoiceKeypress needs a url, or a call whose TwiML has <Gather action>');
      const params = new URLSearchParams({
        AccountSid: accountSid, ApiVersion: '2010-04-01', CallSid: `CA${hex(16)}`, CallStatus: 'in-progress', Called: o.call?.To ?? '',
        Caller: o.call?.From ?? '', Digits: o.digits, Direction: 'outbound-api', FinishedOnKey: '', From: o.call?.From ?? '', To: o.call?.To ?? '',
        msg: 'Gather End',
      });
      return post(unescapeXml(action), params, o.authToken ?? authToken);
    },
  });
}
