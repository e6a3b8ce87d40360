/**
 * The phrase families the classifier looks for, as data. Each cue feeds one signal; scoring
 * (classify-score.ts) weighs signals per area. Families are written for meaning, not for single
 * sentences: several phrasings, typos people make, and the common words in de/es/fr/hu.
 *
 * Pattern syntax, matched against tokens (see classify-text.ts, so `can't` is `cant`):
 *   `word`        one exact token
 *   `word*`       a token starting with `word` (inflections: `crash*` is crashes, crashing, crashed)
 *   `a b`         consecutive tokens
 *   `a ~ b`       `b` within six tokens after `a` (`cant ~ login` covers "can't even log in")
 * A cue marked `negatable` counts as negated when a negator sits up to three tokens before it.
 */

import { DATE_WORDS } from './classify-date-mention';

export const SIGNALS = [
  // emergency evidence
  'severe', 'incident', 'alarmWord', 'symptom', 'problem', 'down', 'scope', 'blocked', 'live', 'ongoing', 'prod', 'customer', 'action', 'security', 'drill',
  // what takes an alarm word back
  'past', 'resolved', 'doc', 'docWeak', 'casual', 'advice', 'praise', 'limited', 'calm', 'hypothetical',
  // meetings
  'call', 'meeting', 'callLink', 'talk', 'soon',
  // in-person
  'offsite', 'event', 'social', 'travel', 'inPerson', 'absence',
  // deep work
  'proposal', 'musing', 'strategy', 'decision', 'comments', 'hub', 'planning', 'knowledge',
  // daily operations
  'review', 'question', 'update', 'thanks', 'support', 'request', 'fyi', 'feedback', 'ci',
  // flags
  'urgentWord', 'important', 'trivial', 'routine', 'deadline', 'past_ref',
  // dates (where is classify-date-mention's job, when classify-dates')
  'dateWord',
  // matched only to hide other cues ("on call" is not a call)
  'masked',
] as const;
export type Signal = (typeof SIGNALS)[number];
/** Each signal's index into the count arrays, for array lookups in hot code (`counts[SIG.severe]`). */
export const SIG = Object.fromEntries(SIGNALS.map((s, i) => [s, i])) as { readonly [K in Signal]: number };

export interface Cue {
  signal: Signal;
  /** Reason shown to people when this cue decides the verdict. */
  label: string;
  patterns: string[];
  negatable?: boolean;
  /** Cues of these signals that start inside this cue's match are ignored ("api call" is no call). */
  masks?: Signal[];
}

// "nothing is being delivered", "no SMS codes are going out", "ne partent plus": a function that stopped.
const NEGATIONS = ['not', 'no', 'nothing', 'nobody', 'none', 'cant', 'cannot', 'wont', 'doesnt', 'dont', 'isnt', 'arent', 'stopped', 'longer', 'never', 'ne', 'nem', 'nicht', 'kein', 'keine', 'niemand', 'nadie', 'personne', 'senki'];
const FUNCTIONS = [
  'work', 'works', 'working', 'load', 'loads', 'loading', 'log in', 'login', 'sign in', 'send', 'sending', 'sent', 'deliver', 'delivered',
  'delivering', 'receive', 'receiving', 'received', 'going out', 'go out', 'gone out', 'open', 'opens', 'connect', 'connecting', 'pay',
  'order', 'process', 'processed', 'processing', 'respond', 'responding', 'reach', 'access', 'upload', 'download', 'render', 'rendering',
  'sync', 'syncing', 'boot', 'start', 'starting', 'partent', 'reçoivent', 'reçoit', 'fonctionne', 'marche', 'funktioniert', 'funciona',
  'működik', 'tud*', 'kommt', 'lädt', 'carga', 'cargan', 'anda', 'charge', 'forwarding', 'routing', 'ringing', 'printing', 'dispatching', 'alerting', 'goes thru', 'go thru', 'goes through', 'go through',
];
const STOPPED = NEGATIONS.flatMap((neg) => FUNCTIONS.map((fn) => `${neg} ~ ${fn}`));
// Verbs of a counter or a gate ("can't print a single ticket"), after a negation that says it cannot, since "no need
// to print" and "not boarding yet" are no failure.
const CANNOT = ['cant', 'cannot', 'wont', 'doesnt', 'nobody', 'stopped'];
const COUNTER_WORK = ['print', 'scan', 'check in', 'board', 'book', 'sell', 'ship', 'dispatch'];
const CANNOT_WORK = CANNOT.flatMap((neg) => COUNTER_WORK.map((fn) => `${neg} ~ ${fn}`));
// German puts the verb first ("der Login geht seit heute früh nicht mehr"); "nicht mehr" alone is any "no longer"
// ("finde ich sie nicht mehr").
const GERMAN_VERBS = ['geht', 'gehen', 'funktioniert', 'funktionieren', 'läuft', 'laufen', 'lädt', 'laden', 'antwortet', 'antworten', 'reagiert', 'reagieren', 'startet', 'starten', 'klappt', 'kommt', 'kommen'];
const GERMAN_STOPPED = GERMAN_VERBS.flatMap((verb) => [`${verb} ~ nicht mehr`, `${verb} ~ nicht`, `${verb} ~ kein`, `${verb} ~ keine`, `${verb} ~ keiner`]);

// Someone else's data in front of the wrong people: "another company's contacts", "some other customer's invoice PDF".
const OTHER_OWNERS = ['customer', 'company', 'client', 'tenant', 'user', 'org', 'account', 'school', 'clinic', 'patient'];
const THEIR_DATA = ['data', 'projects', 'workspaces', 'tickets', 'contacts', 'invoice*', 'pdf*', 'records', 'files', 'documents', 'details', 'orders', 'emails', 'messages', 'reports', 'dashboard*', 'names', 'addresses', 'card*', 'payslip*', 'salar*', 'chart*', 'results', 'photos'];
// All-clears that end in "again": a fix ("working again"), unless the rest is still down ("..., but", "the other 11").
const FIXED_AGAIN = ['working again', 'works again', 'can sign in again', 'back up again', 'sending again', 'receiving again', 'flowing again', 'syncing again', 'loading again'];
// The same told from the viewer's side: "I can see appointments from another tenant", "project names that aren't theirs".
// Only owners a product keeps apart: "a question from another customer" or "from another team" is no leak.
const CROSS_TENANT = [
  ...['another', 'a different', 'some other', 'the wrong'].flatMap((who) =>
    ['tenant', 'org', 'organization', 'organisation', 'workspace'].flatMap((owner) => ['can see', 'i see', 'we see', 'seeing'].map((see) => `${see} ~ from ${who} ${owner}`)),
  ),
  ...['include', 'includes', 'including', 'can see', 'see'].flatMap((see) => [`${see} ~ that arent theirs`, `${see} ~ that are not theirs`]),
];
// A caller posing as IT, and someone who already gave them a password or a code: "Judit already gave him her password + a code from her phone".
const IMPOSTOR_FROM = ['it', 'it provider', 'helpdesk', 'help desk', 'it support', 'security team', 'bank'];
const POSED_AS_IT = ['saying', 'says', 'said', 'claiming', 'claims', 'claimed'].flatMap((says) =>
  ['he s from our', 'she s from our', 'he was from our', 'she was from our', 'they re from our', 'to be from our'].flatMap((from) => IMPOSTOR_FROM.map((it) => `${says} ${from} ${it}`)),
);
const GAVE_AWAY = [
  ...['gave', 'already gave', 'read out', 'told'].flatMap((gave) => ['him', 'them', 'the caller'].flatMap((to) => ['her', 'his', 'my', 'their', 'the'].map((whose) => `${gave} ${to} ${whose} password`))),
  ...['a', 'the'].flatMap((a) => ['her', 'his', 'my'].map((whose) => `password ~ ${a} code from ${whose} phone`)),
];
const OTHERS_DATA = ['another', 'other'].flatMap((who) => OTHER_OWNERS.flatMap((owner) => THEIR_DATA.map((data) => `${who} ${owner} s ~ ${data}`)));

export const CUES: Cue[] = [
  { signal: 'dateWord', label: 'names a date', patterns: [...DATE_WORDS, 'next week', 'next month', 'this week', 'this afternoon', 'end of day', 'end of the week'] },
  // ---- emergency: the incident itself
  // A war room booked for a sales weekend is a plan, not an incident. Listed before the incident cues: a mask must come first at the same word.
  { signal: 'masked', label: '', patterns: ['war room is in person', 'war room will be', 'war room schedule', 'war room shifts', 'war room shift'], masks: ['severe'] },
  // A rollout at 100% is done, not a disk at 100%; listed before the failure cues for the same reason.
  { signal: 'masked', label: '', patterns: ['at 100% rollout', 'is at 100% rollout', '100% rollout', 'rollout at 100%', 'rolled out to 100%', 'rollout is at 100%'], masks: ['symptom'] },
  {
    signal: 'severe',
    label: 'reads like a live incident',
    patterns: [
      'sev1', 'sev0', 'sev 1', 'sev 0', 'p0', 'not a drill', 'war room', 'incident bridge', 'bridge is open', 'bridge for the', 'bridge is on', 'all hands on deck',
      'crashloopbackoff', 'nothing is serving', 'nothing works', 'nothing loads', 'fell over', 'fallen over', 'falling over', 'borked',
      'hosed', 'everything is broken', 'everything broke', 'everything is down', 'all down', 'total outage', 'full outage', 'major outage',
      'we re dark', 'went dark', 'is dark', 'on the bridge', 'join the bridge', 'to the bridge', 'no recovery', 'not recovered yet', 'on fire in prod', 'prod is on fire', 'burning down',
      'incident en cours', 'se cayó', 'se cayo', 'se ha caído', 'se ha caido', 'está caída', 'está caído', 'esta caida', 'esta caido',
      'está caído', 'no anda nada', 'leállt', 'halott', 'lehalt', 'összeomlott', 'en panne', 'hors service', 'tout est cassé',
      'ne marche plus', 'ne fonctionne plus', 'ausgefallen', 'ist down', 'komplett down', 'totalausfall', 'störung', 'geht gar nichts',
      'abgestürzt',
    ],
  },
  {
    signal: 'severe',
    label: 'mentions data loss',
    patterns: [
      'data loss', 'lost data', 'lost customer data', 'lost real customer data', 'losing data', 'data is gone', 'everything since', 'is gone',
      'dropped two drives', 'dropped 2 drives', 'lost two drives', 'lost 2 drives', 'raid is degraded', 'raid degraded', 'raid failed', 'raid ~ dropped', 'array wont mount', 'raid ~ wont mount',
      'are gone', 'hard deleting', 'deleting active', 'dropped the', 'wiped', 'deleted the', 'deleted all', 'deleted every', 'by mistake',
      'accidentally deleted', 'accidentally dropped', 'overwrote', 'overwritten', 'truncated', 'corrupted', 'corrupt', 'no backup', 'no backups',
      'versioning was off', 'backups have been failing', 'datenverlust', 'gelöscht', 'pérdida de datos', 'borró', 'borrado', 'perte de données',
      'dropped ~ on prod', 'dropped ~ on the prod', 'dropped ~ in prod', 'dropped ~ in production', 'dropped ~ on production', 'dropped the table', 'dropped a table', 'dropped a prod', 'dropped the prod', 'table got dropped', 'table was dropped', 'restore from backup', 'restore from the backup', 'restore the latest snapshot', 'the latest snapshot', 'stopped all writers',
      'supprimé', 'adatvesztés', 'törölte', 'törlődött', 'törli', 'törlik', 'tűnt el', 'tűntek el', 'eltűntek', 'elvesztek', 'elveszett', 'is deleting', 'are deleting', 'deleting projects', 'deleting data', 'deleting customer',
      'went out blank', 'throws away', 'throws more away', 'thrown away', 'throwing away', 'silently dropp*', 'silently discard*', 'been dropping events', 'been dropping requests', 'been dropping messages', 'been dropping every', 'rate limited to 0', 'rate limited to zero', 'throttled to 0', 'throttled to zero', 'been deleting', 'keeps deleting', 'still deleting', 'has no versioning', 'no versioning', 'stale', 'duplicat*', 'wrong numbers', 'wrong data', 'wrong figures', 'wrong totals', 'wrong values', 'wrong prices', 'charged twice', 'overpaid', 'overpaying', 'overpayment', 'underpaid', 'underpaying', 'paid 100x', 'paid 100 times', ...['reads', 'charged', 'billed', 'paid', 'shows', 'showing', 'sends', 'sent'].flatMap((verb) => [`${verb} ~ pence as pounds`, `${verb} ~ cents as dollars`, `${verb} ~ cents as euros`]), 'dos veces', 'doppelt', 'deux fois', 'kétszer',
    ],
  },
  {
    signal: 'security',
    label: 'mentions a security breach',
    patterns: [
      'deploy key ~ repos', 'ssh key ~ repos', 'with s token', 'logs belong to another', 'logs belong to a different', 'belong to another customer', 'belong to another org', 'logs of another customer', 'their env vars', 'key without the org id', 'key without the tenant id', 'cache key without', 'without the tenant id', 'another customer s env', 'other customer s env', 'another org s logs', 'other org s logs', 'another org s data', 'other org s data', 'another org s secrets',
      'anyone can open without logging in', 'anyone can open it without logging in', 'anyone can see it without logging in', 'open without logging in', 'with names and sick notes', 'sick notes', 'medical notes',
      'every other merchant s', 'another merchant s', 'other merchants transactions', 'every other tenant s', 'another tenant s', 'other tenants data',
      'files renamed to', 'files were encrypted', 'files got encrypted', 'encrypted our files', 'encrypted all our',
      'a stranger s billing', 'strangers billing', 'a stranger s card', 'someone else s card', 'wrong customer s card',
      'breach', 'breached', 'ransomware', 'ransom', 'ddos', 'hacked', 'hacker', 'compromised', 'account takeover', 'taken over', 'took over',
      'leaked', 'leak', 'leaking', 'exposed', 'exposing', 'phishing', 'phished', 'malware', 'stolen', 'intrusion', 'unauthorized',
      'unauthorised', 'signed into', 'logged into', 'secret key', 'api key', 'aws keys', 'private key', 'credentials', 'credential stuffing',
      'brute force', 'private dashboards', 'crawler', 'exploit*', 'suspicious login*', 'impersonat*', 'exfiltrat*', 'can read any',
      'can see any', 'can see other', 'can access other', 'other customers', 'other people s', 'someone else s', 'other users',
      'wrong users', 'wrong customers', 'wrong people', 'unencrypted', 'encrypted', 'angriff', 'gehackt', 'hackeado', 'filtrado',
      'piratage', 'piraté', 'feltörték', 'kiszivárgott', 'attack', 'attacks', 'attacker', 'attackers', 'attacking', 'card testing', 'fraud',
      'fraudulent', 'other tenants', 'other accounts', 'other companies', 'other orgs', 'wrong tenant', 'wrong account', 'spoof*', 'angreifer',
      'ataque', 'attaque', 'támadás', 'public internet', 'publicly', 'publicly accessible', 'public bucket', 'without a password', 'without auth*',
      'no auth', 'unprotected', 'open to the internet', 'world readable', 'öffentlich', 'ungeschützt', 'público', 'públicos', 'sin contraseña',
      'publiquement', 'nyilvános*', 'former employee', 'ex employee', 'still has admin', 'still has access', 'signing secret', 'client secret',
      'webhook secret', 'secrets', 'pulling my laptop', 'pulled my laptop', 'tokens leaked', 'token leaked', 'customer data', 'customer list', 'personal email', 'personal gmail', 'dlp',
      'public link', 'anyone with the link', 'db dump', 'database dump', 'full dump', 'as me', 'wasnt me', 'not me', 'not by any of us', 'none of us did', 'wasnt us', 'not one of us', 'super admin', 'identity provider', 'rogue', 'backdoor', 'ransom note', 'lockbit', 'decrypt*', 'off the network', 'network cable', 'from an ip', 'unknown ip', 'unknown device', 'defaced', 'hijack*', 'redirects to', 'connection string', 'gist', 'public docs', 'public repo', 'pasted into', 'committed to', 'printed in', 'kundendaten', 'datos de clientes', 'données client*', 'ügyféladat*',
    ],
  },
  // Where leaked data turns up is no narrow scope: "posted in a customer forum" is not "a customer". Nor is one
  // customer's data in front of another: "another company's contacts", "some other customer's invoice".
  {
    signal: 'security',
    label: 'mentions a security breach',
    patterns: [
      ...OTHERS_DATA,
      'ex contractor', 'former contractor', 'never disabled', 'never deactivated', 'cloning repos', 'cloning our', 'mass download*',
      'ssh key', 'new ssh key', 'org admin token', 'org admin scope', 'admin scope', 'cross tenant data', 'cross tenant access', 'cross tenant leak', 'didnt request', 'did not request', 'keys were changed', 'ssh keys', 'password was changed', 'email was changed', 'unexpected mfa', 'mfa push i',
      'default root password', 'with the default password', 'with default passwords', 'still has the default password', 'telnet open', 'debug firmware', 'ssh open to',
      'postinstall', 'remote script', 'malicious package', 'malicious version', 'malicious code', 'malicious script', 'supply chain attack', 'account of someone who left', 'someone who left in', 'account of a former', 'departed employee',
      'publishing our internal', 'published our internal', 'publishing internal', 'published internal', 'exposing our internal', 'salary bands', 'interviewer notes',
      'unplugging my laptop', 'unplugged my laptop', 'unplug my laptop', 'files are being encrypted', 'files are getting encrypted',
      'typed my okta password', 'password into a fake', 'password on a fake', 'fake login page', 'fake sign in page', 'approved the mfa push', 'approved the okta push', 'approved an mfa push', 'sessions from a location', 'sign ins from a location', 'location i ve never been', 'location ive never been', 'kulcs kikerült', 'kulcsa kikerült', 'token kikerült', 'jelszó kikerült', 'jelszavak kikerült', 'publikus github repó*', 'idegen ip', 'new inbox rule', 'inbox rule forwarding', 'forwarding all my mail', 'forwarding all my email', 'forwards all my mail', 'forwards all my email', 'forwarding rule', 'says im signed in from', 'says i am signed in from', 'shows me signed in from', 'sign in from an unknown', 'login from an unknown', 'unrecognized sign in', 'unrecognised sign in',
      'a customer forum', 'customer forum', 'a community forum', 'community forum', 'a public forum', 'public forum', 'forum thread', 'pastebin', 'still resolves', 'still accessible', 'still reachable', 'still publicly',
      ...CROSS_TENANT,
      ...POSED_AS_IT,
      ...['view only', 'read only', 'support login', 'support role'].flatMap((role) => ['able to delete', 'can delete', 'could delete'].map((act) => `${role} ~ ${act}`)),
      'privilege escalation', 'escalate privileges', 'escalated privileges',
      'phoned support as', 'called support as', 'called in pretending', 'pretended to be', 'never requested the change', 'never asked for the change',
      'mfa pushes i', 'mfa prompts i', 'mfa requests i', 'pushes i didnt', 'prompts i didnt', 'tapped approve', 'tapped accept', 'approved one by accident', 'approved it by accident',
      ...GAVE_AWAY,
    ],
    masks: ['limited'],
  },
  {
    signal: 'severe',
    label: 'reports a danger in the office',
    patterns: [
      'water is pouring', 'water pouring', 'pouring through', 'through the ceiling', 'ceiling is leaking', 'burst pipe', 'pipe burst', 'shut off valve', 'shutoff valve',
      'gas smell', 'smell of gas', 'smells like gas', 'smell gas', 'gas odor', 'gas odour', 'gasgeruch', 'riecht nach gas', 'olor a gas', 'huele a gas', 'odeur de gaz', 'gázszag', 'get people out', 'get everyone out',
      'elevator is stuck', 'elevator stuck', 'lift is stuck', 'lift stuck', 'stuck in the elevator', 'stuck in the lift', 'trapped in the elevator', 'trapped in the lift', 'hit their head', 'hit his head', 'hit her head', 'slipped on the stairs', 'slipped and fell', 'fell down the stairs', 'someone collapsed', 'has collapsed', 'just collapsed', 'unconscious', 'not breathing', 'is bleeding', 'bleeding badly', 'bleeding heavily', 'heart attack', 'seizure', 'first aider', 'first aiders', 'call 112', 'call 911', 'called 112', 'called 911',
      'he collapsed and', 'she collapsed and', 'he has collapsed', 'she has collapsed', 'volunteer collapsed', 'guest collapsed', 'visitor collapsed', 'patient collapsed', 'colleague collapsed', 'coworker collapsed', 'driver collapsed', 'worker collapsed', 'pantry collapsed',
      'hurt themselves', 'hurt himself', 'hurt herself', 'harm themselves', 'harm himself', 'harm herself', 'self harm', 'suicidal', 'kill themselves', 'contact the authorities', 'call the police', 'called the police',
      'fell off a ladder', 'fell off the ladder', 'fell off the scaffold*', 'cant move his arm', 'cant move her arm', 'cant move his leg', 'cant move her leg', 'collapsed in the kitchen', 'ambulance is on the way', 'ambulance is called', 'ambulance has been called',
      '911 is on the way', '911 is coming', 'paramedics are on the way', 'paramedics are here', 'called the paramedics', 'call the paramedics', 'paramedics ~ arrived', 'his emergency contact', 'her emergency contact', 'bus hasnt moved', 'van hasnt moved', 'truck hasnt moved', 'not answering the radio', 'isnt answering the radio', 'no radio contact', 'child is missing', 'student is missing', 'kid is missing', 'child went missing', 'lost a child',
      'smoke', 'evacuat*', 'actually on fire', 'literally on fire', 'real fire', 'injured', 'ambulance', 'gas leak', 'fire department', 'fire brigade', 'flooding', 'flooded', 'water leak', 'power is out', 'no power', 'füst', 'rauch', 'humo', 'fumée'],
    // "actually on fire" is no praise; "collapsed in the kitchen" is no office trifle.
    masks: ['praise', 'casual'],
  },
  // A plant, lab or kitchen losing what keeps its product safe, while it runs.
  {
    signal: 'severe',
    label: 'reports a failure that costs more every minute',
    patterns: [
      'lost positive pressure', 'lost pressure', 'pressure loss', 'production line is down', 'lot is at risk', 'reads ~ and climbing', 'degrees and climbing',
      'ran against prod', 'ran against production', 'ran on prod instead', 'nobody has started a restore',
      'paid double', 'paid twice', 'double payment', 'double payments', 'duplicate payment', 'duplicate payments', 'sent to the wrong account', 'wired to the wrong',
      'or it auto renews', 'frist ~ läuft ~ ab', 'läuft heute ~ ab', 'penalty clause applies', 'notification window closes',
      'temperature excursion', 'temp excursion', 'freezer ~ climbing', 'freezer ~ rising', 'freezer is failing', 'freezer failed', 'fridge ~ climbing', 'cold room ~ climbing', 'samples are thawing', 'samples thawing',
    ],
  },
  // Said to make sure nobody takes it for one: "this is not a test".
  { signal: 'severe', label: 'reads like a live incident', patterns: ['this is not a test', 'not an exercise', 'this is not ~ test', 'this is not ~ drill'], masks: ['limited', 'drill'] },
  { signal: 'masked', label: '', patterns: ['this is real'], masks: ['limited', 'drill'] },
  {
    signal: 'problem',
    label: 'reports a problem',
    patterns: [
      'problem', 'problems', 'issue', 'issues', 'wrong', 'bad', 'expired', 'revoked', 'blocked', 'block', 'blocks', 'blocking', 'empty',
      'at zero', 'to zero', 'dropped to', 'lost', 'deleted', 'charged', 'charges', 'cards hit', 'customers hit', 'users hit', 'spike', 'surge',
      'weird', 'broke', 'slow', 'super slow', 'very slow', 'twice', 'duplicates',
      'water', 'server room', 'serious', 'critical', 'severe', 'major', 'really wrong', 'very wrong', 'badly', 'baj', 'ernstes', 'ernst', 'grave', 'graves', 'súlyos',
      'gros problème', 'problema', 'probléma', 'probléma*', 'problème', 'nur noch ~ 500*', 'nur noch ~ 502*', 'nur noch ~ 503*', 'nur noch ~ 504*', 'nur noch ~ fehler*', 'nur noch ~ error*', 'nur noch ~ leer*', 'nur noch ~ weiß*', 'nur noch ~ timeout*', 'supprim*', 'gelöscht', 'borr*', 'törl*', 'hibás',
      'falsch', 'mauvais', 'incorrecto', 'rossz', 'lorem ipsum', 'seeing test data', 'see test data', 'staging build to production',
    ],
    negatable: true,
  },
  { signal: 'incident', label: 'mentions an outage', patterns: ['outage', 'outages', 'incident', 'incidents', 'sev', 'sev2', 'sev3', 'caída', 'caida', 'panne', 'ausfall', 'leállás', 'kiesés'], negatable: true },
  // The word people use most casually ("printer emergency"), so it weighs least on its own.
  { signal: 'alarmWord', label: 'calls it an emergency', patterns: ['emergency', 'emergencies', 'notfall', 'urgence', 'vészhelyzet', 'emergencia'], negatable: true },
  {
    signal: 'down',
    label: 'says something is down',
    patterns: [
      'all donw', 'servres all donw', 'no audio for', 'no audio or video', 'gets audio', 'black and silent', 'black silent', 'every call drops', 'calls drop after', 'drops after roughly', 'hibát ad', 'hibát dob', 'egyetlen rendelés sem', 'sem ment át',
      'nothing resolves', 'doesnt resolve anymore', 'doesn t resolve anymore', 'does not resolve anymore', 'no longer resolves', 'stopped resolving', 'not resolving anymore', 'registrar parking page', ...['site', 'app', 'login', 'checkout', 'homepage', 'website', 'status page'].flatMap((what) => [`${what} shows a parking page`, `${what} show a parking page`, `${what} is a parking page`]), 'our domain expired', 'domain has expired', 'domain just expired', 'domain lapsed', 'renewal lapsed', 'nxdomain', 'lines drop', 'all inbound lines', 'calls reach agents', 'is down', 'are down', 'went down', 'goes down', 'gone down', 's down', 'is donw', 'down for', 'down again', 'completely down',
      'totally down', 'stil down', 'fully down', 'site down', 'app down', 'api down', 'prod down', 'db down', 'down right now', 'still down', 'down since',
      'is dead', 's dead', 'are dead', 'is broken', 'are broken', 'is unavailable', 'is offline', 'went offline', 'stopped working',
      'funktioniert nicht', 'nem megy', 'no abre', 'no responde', 'lädt nicht', 'kaputt',
    ],
    negatable: true,
  },
  {
    signal: 'symptom',
    label: 'reports failing requests',
    patterns: [
      'see the debug screen', 'see a debug screen', 'debug screen in production', 'see test data', 'seeing test data', 'page is blank', 'screen is blank', 'is blank for', 'are blank for', 'shows a blank', 'blank for every', 'blank for all', '500', '502', '503', '504', '500s', '502s', '503s', '504s', '5xx', '404s', '403s', 'error rate', 'errors', 'erroring', 'errored', 'error',
      'failing', 'fails', 'fail', 'failed', 'failure', 'failures', 'crash*', 'timeout*', 'timing out', 'times out', 'unreachable', 'unresponsive',
      'not responding', 'not reachable', 'not loading', 'doesnt load', 'wont load', 'does not load', 'cant load', 'blank page', 'white page',
      'blank screen', 'white screen', 'blank unstyled', 'default page', 'broken for', 'broken', 'brokn', 'borken', 'stuck', 'evicting', 'rejects', 'rejecting', 'reject every', 'rejected every', 'reject all',
      'rejected', 'refus*', 'denied', 'throwing', 'bad gateway', 'fatal', 'accessdenied', 'splash screen', 'thrown back', 'nonstop',
      'growing', 'piling up', 'backlog', 'zero results', 'double charg*', 'charged twice', 'captured twice', 'overcharg*', 'refunding', 'paid out',
      'for free', 'dead', 'died', 'dying', 'latency', 'barely loads', 'melting', 'spiking', 'degraded', 'wrong column', 'wrong branch',
      'disk full', 'is full', 'at 100%', 'out of memory', 'oom', 'oomkilled', 'exhausted', 'maxed out', 'saturated', 'hammered', 'flooded',
      'packet loss', 'time out', 'haywire', 'runaway', 'out of control', 'burning', 'unusable', 'hanging', 'hangs', 'frozen', 'freezes', 'spinning', 'endless', 'infinite loop', 'in a loop', 'missing', 'disappeared', 'vanished',
      'nicht erreichbar', 'fehlermeldungen', 'fehlermeldung', 'fehler', 'lädt endlos', 'endlos', 'hängt', 'no cargan', 'error de', 'errores',
      'fallan', 'falla', 'fallo', 'fallando', 'rechaza', 'roto', 'rota', 'inaccesible', 'inaccessible', 'erreur', 'erreurs', 'plante',
      'planté', 'tourne en boucle', 'en boucle', 'bloqué', 'bloqués', 'nem elérhető', 'hibát', 'hiba', 'hibaüzenet*', 'dob', ...GERMAN_STOPPED,
      'keine bestellungen', 'nem tölt*', ...['2x', '3x', '4x', '5x', '6x', '10x', 'times'].flatMap((n) => [`${n} longer`, `${n} slower`]), 'page not found', 'printing blank', 'prints blank', 'print blank', 'printed blank', 'no se guardan', 'no se guarda', 'no guarda', 'no guardan', 'go out without', 'goes out without', 'going out without', 'went out without', 'sent out without', 'partent sans', 'part sans', 'sont parties sans', 'envoyées sans', 'nem csinál semmit', 'semmit sem csinál', 'button does nothing', 'buttons do nothing', 'clicking does nothing', 'tapping does nothing', '500er', '404er', 'les da error', 'da error', 'dan error',
    ],
  },
  {
    signal: 'scope',
    label: 'affects everyone',
    patterns: [
      'everyone', 'evryone', 'everyon', 'everone', 'evry', 'evrey', 'everybody', 'everything', 'every', 'every user', 'every users', 'all users', 'every page', 'every request', 'every customer',
      'all customers', 'all tenants', 'every account', 'all accounts', 'for all', 'nobody', 'no one', 'noone', 'none of', 'no customer', 'filling up with the same', 'piling up with the same', 'all some version of', 'no ~ user can', 'no ~ users can', 'no ~ customer can', 'no ~ customers can',
      'no sign', 'every api', 'every pod', 'every search', 'every file', 'every card', 'all outgoing', 'any document',
      'any user', 'any customer', 'all of them', 'all of support', 'whole', 'entire', '100%', 'for everyone', 'all affected', 'every static',
      'every logged', 'for every', 'zero', 'any page', 'all clients', 'every single', 'all plans', 'all cards', 'most users', 'most customers',
      'all regions', 'all our', 'all the', 'on everything', 'completely', 'totally', 'entirely',
      'senki', 'senkinek', 'senkinél', 'senkit', 'egyetlen', 'minden', 'mindenki', 'mindenkit', 'összes', 'az egész', 'nadie', 'ningún', 'ningun', 'ninguno', 'ninguna', 'todos', 'todo',
      'todas', 'alle', 'allen', 'alles', 'keiner', 'kein kunde', 'niemand', 'komplett', 'plus aucun', 'plus personne', 'aucun', 'tous',
      'toutes', 'personne', 'whole campus', 'entire campus', 'campus wide', 'everyone on campus',
    ],
  },
  {
    signal: 'blocked',
    label: 'users are blocked',
    patterns: [
      'cant ~ log', 'cant ~ login', 'cant ~ sign', 'cant ~ pay', 'cant ~ access', 'cant ~ conect', 'cant ~ connect', 'cant ~ open',
      'cant ~ attach', 'cant ~ checkout', 'cant ~ complete', 'cant ~ use', 'cant ~ get', 'cant ~ load', 'cant ~ buy', 'cant ~ order',
      'cant ~ upload', 'cant ~ download', 'cant ~ send', 'cant ~ reach', 'cant ~ save', 'cant ~ place', 'cannot ~ log', 'cannot ~ access',
      'cannot ~ pay', 'cannot ~ use', 'cannot ~ connect', 'unable to', 'locked out', 'no sign up has completed', 'has completed',
      'can no longer', 'customers blocked', 'users blocked', 'kicked out', 'kicking out', 'kicks out', 'kicked back', 'logged out',
      'logs us out', 'logs them out', 'logs everyone out', 'können ~ keine', 'können ~ nicht', 'kann ~ nicht', 'kommt mehr', 'kommt keiner',
      'kann sich', 'no pueden', 'no puede', 'no podemos', 'nem tud', 'nem tudnak', 'nem tudunk', 'sem tud', 'ne peut', 'ne peuvent',
      'ne peut plus', 'ne pouvons', 'impossible de', 'doesnt get past', 'cant get', 'cant even', 'no payouts', 'zero payouts',
      'processed since', 'none ~ can', 'nobody ~ can', 'no one ~ can', 'noone ~ can', 'no customer ~ can', 'no user ~ can', 'not a single',
      'nobody is able', 'no one is able', 'not able to', 'blocked from', 'kiléptet*', 'kidob*', 'niemand ~ kann', 'keiner ~ kann',
      'no se puede', 'nadie puede', 'personne ne peut', 'on ne peut', 'block the', 'blocks the', 'blocking all', 'blocking every',
    ],
  },
  { signal: 'blocked', label: 'says something stopped working', patterns: [...STOPPED, ...CANNOT_WORK] },
  // An app nobody can get into, a screen that loops for ever: stopped for whoever meets it.
  { signal: 'blocked', label: 'says something stopped working', patterns: ['just spins', 'keeps spinning', 'spins forever', 'spinning forever', 'spins for every', 'customers cant install', 'users cant install', 'nobody can install', 'removed from sale', 'removed from the app store', 'pulled from the app store', 'cant get into', 'cannot get into', 'cant get in', 'cannot get in', 'nobody can get into', 'no one can get into', 'no ~ can get into', 'loops forever', 'loops for ever', 'stuck in a loop', 'infinite loop', 'endless loop', 'boot loop', 'bootloop'] },
  // "Reports success but nothing lands": only after nothing/never, since "no worries, it arrives Monday" is no failure.
  { signal: 'blocked', label: 'says something stopped working', patterns: ['nothing', 'never'].flatMap((none) => ['lands', 'landed', 'arrives', 'arrived', 'shows up', 'showed up', 'comes through', 'came through', 'gets through', 'got through'].map((verb) => `${none} ~ ${verb}`)) },
  {
    signal: 'live',
    label: 'is happening right now',
    patterns: [
      'right now', 'now', 'currently', 'since', 'in progress', 'as we speak', 'ago', 'past hour', 'last hour', 'this morning', 'just now',
      'happening', 'live right now',
      'gerade', 'seit', 'desde', 'hace', 'ahora', 'depuis', 'maintenant', 'en cours', 'óta', 'perce', 'órája', 'azonnal', 'jelenleg',
      'most', 'sofort', 'heute früh', 'ahorita', 'so far', 'as of', 'at the moment', 'en este momento', 'en ce moment', 'im moment',
    ],
  },
  {
    signal: 'ongoing',
    label: 'is still going on',
    patterns: [
      'still', 'stil', 'ongoing', 'keeps', 'keeps happening', 'still going', 'still happening', 'happening again', 'again', 'not fixed', 'not resolved',
      'still broken', 'still down', 'still failing', 'and counting', 'so far and counting', 'immer noch', 'todavía', 'sigue', 'toujours', 'még mindig', 'továbbra is',
    ],
  },
  {
    signal: 'prod',
    label: 'affects production',
    patterns: [
      'prod', 'production', 'prd', 'prdo', 'prods', 'live site', 'api', 'app', 'apps', 'site', 'website', 'homepage', 'web', 'web shop',
      'webshop', 'shop', 'store', 'checkout', 'cart', 'payments', 'payment', 'orders', 'login', 'logins', 'log in', 'sign in', 'sign ups',
      'signups', 'auth', 'sso', 'db', 'database', 'postgres', 'mysql', 'redis', 'kafka', 'cluster', 'server', 'servers', 'service', 'services',
      'backend', 'cdn', 'queue', 'dns', 'api gw', 'pods', 'primary', 'region', 'bucket', 's3', 'disk', 'writes', 'emails', 'notifications',
      'dashboard', 'mobile app', 'ios', 'android', 'webhooks', 'invoices', 'billing',
      'produktion', 'produktionsdatenbank', 'producción', 'produccion', 'servidor', 'base de datos', 'pasarela', 'la web', 'éles',
      'rendszer', 'fizetés', 'le site', 'plateforme', 'warenkorb', 'bestellungen', 'paiement', 'commande', 'adatbázis', 'szerver',
      'base de données', 'zahlungsseite', 'zahlung*', 'bejelentkez*', 'iniciar sesión', 'connexion', 'anmeld*', 'signup', 'signup form',
    ],
  },
  {
    signal: 'customer',
    label: 'affects customers',
    patterns: [
      'covers booked', 'covers tonight', 'guests booked',
      'customers', 'users', 'clients', 'tenants', 'accounts', 'people', 'people outside', 'people waiting', 'waiting outside', 'at the gate', 'at the door', 'kunden', 'clientes', 'usuarios', 'ügyfelek', 'ügyfelet', 'ügyfél',
      'felhasználók', 'vásárló', 'client', 'utilisateurs', 'every user', 'logged in user', 'buyers', 'shoppers', 'merchants',
    ],
  },
  {
    signal: 'action',
    label: 'asks for hands now',
    patterns: [
      'how do i stop this', 'how do we stop this', 'stop this right now',
      'rolling back', 'rollback', 'roll back', 'kill it', 'halt', 'who has', 'de guardia', 'rufbereitschaft',
      'ügyelet*', 'need eng', 'need security', 'need someone', 'join now', 'someone look', 'somebody look', 'asap', 'immediately',
      'sofort', 'azonnal', 'urgente', 'hlep', 'do not deploy', 'pager', 'paging', 'page someone', 'acked the page', 'revoking', 'rotating', 'reset credentials',
      'kill their sessions', 'turning', 'stop the', 'pulling', 'call me', 'everyone on', 'nézze meg', 'who can', 'help pls', 'help!',
      'not acked', 'nobody has acked', 'quién está', 'wer hat', 'tout de suite',
    ],
  },
  { signal: 'action', label: 'asks for the on-call', patterns: ['on call', 'oncall', 'whos on call', 'who is on call'], masks: ['call'] },
  {
    signal: 'masked',
    label: '',
    patterns: ['got a call', 'a call from', 'call from', 'call the', 'call them', 'call him', 'call her', 'call our', 'call their', 'call back', 'call support', 'call it', 'getting calls', 'angry calls', 'calls from', 'calls coming', 'calling in', 'phoning in', 'is calling', 'are calling', 'phones are', 'api call', 'same call', 'the call works', 'call works', 'call returns', 'call succeeds', 'function call', 'cold call', 'cold calls', 'judgment call', 'judgement call', 'close call', 'tough call', 'your call', 'good call', 'the call is yours', 'calls to', 'calls the', 'api calls', 'great call', 'bad call', 'right call', 'wrong call', 'smart call', 'call for speakers', 'call for papers', 'call for proposals', 'call for talks', 'call for volunteers', 'call for participants', 'nurse call', 'zoom level', 'resets zoom', 'reset zoom', 'zoom resets', 'pinch zoom', 'zoom out', 'webinar landing', 'webinar page', 'sales calls', 'customer calls', 'customer call', 'custmer call', 'custmer calls', 'in calls', 'on calls', 'calls already', ...['2', '3', '4', '5', '6', '7', '8', '9', '10', 'several', 'many'].map((n) => `in ${n} calls`), 'calendar sync', 'contact sync', 'data sync', 'crm sync', 'sync job', 'sync jobs', 'nightly sync', 'webinar signup*', 'webinar registration*', 'telefon klingelt', 'klingelt das telefon', 'telefone klingeln', 'klingeln die telefone', 'suena el teléfono', 'le téléphone sonne'],
    masks: ['call', 'meeting'],
  },
  // Blocking a calendar is no blockage, "for now" is no "now", a stage at an event is no staging system.
  { signal: 'masked', label: '', patterns: ['block your', 'block the date', 'block the dates', 'block the week', 'block off', 'block out', 'just block', 'please block', 'calendar block*', 'focus block*', 'time block*'], masks: ['problem'] },
  // Reproduced on one's own test account: the bug is general, not narrowed to that account.
  { signal: 'masked', label: '', patterns: ['reproduce ~ test account', 'reproduced ~ test account', 'repro ~ test account', 'reproduce ~ my account', 'reproduced ~ my account'], masks: ['limited'] },
  // "I'd love 20 min with you" asks for time; it praises nothing.
  { signal: 'masked', label: '', patterns: ['would love', 'd love', 'i d love', 'wd love'], masks: ['praise'] },
  // "should we get people out?" after a report asks for help now; it is no "should we" of a proposal.
  { signal: 'action', label: 'asks for hands now', patterns: ['ack the page', 'ack the alert', 'acknowledge the page', 'into maintenance mode', 'in maintenance mode', 'not sure who to tell', 'not sure who to ask', 'not sure what else to do', 'should we get people out', 'should we evacuate', 'should we call'], masks: ['musing', 'hypothetical'] },
  // The staging build served to production users is a production failure, not a staging one.
  { signal: 'masked', label: '', patterns: ['deployed a test build to', 'deployed the test build to', 'test build to production', 'test build to prod', 'debug build to production', 'debug build to prod', 'deployed ~ to production by mistake', 'deployed ~ to prod by mistake', 'not staging', 'not on staging', 'not in staging', 'not the staging', 'not a staging', 'prod instead of staging', 'production instead of staging', 'instead of staging', 'staging ~ production', 'staging ~ prod', 'test data ~ production', 'staging build to', 'staging data to'], masks: ['limited'] },
  // A rollout "on 100% of tablets now" is a release note, not breadth of a failure; a USB hub is no knowledge hub.
  { signal: 'update', label: 'is a status update', patterns: ['on 100% ~ now', 'on 100%', 'to 100%', 'at 100%', 'reached 100%', 'rolled out to'], masks: ['scope', 'live', 'soon', 'urgentWord'] },
  // "declaring a SEV1 for my productivity": the incident words are the joke.
  { signal: 'casual', label: 'uses an alarm word casually', patterns: ['declaring a sev1 for', 'declaring a sev 1 for', 'sev1 for my', 'sev 1 for my', 'p0 for my', 'emergency for my', 'for my productivity', 'for my sanity'], masks: ['severe', 'alarmWord', 'incident'] },
  { signal: 'masked', label: '', patterns: ['usb c hub', 'usb hub', 'usb c hubs', 'usb hubs'], masks: ['hub'] },
  { signal: 'masked', label: '', patterns: ['00 local', '30 local', '15 local', '45 local', 'local time', 'am local', 'pm local'], masks: ['limited'] },
  { signal: 'masked', label: '', patterns: ['for now', 'for the moment', 'is now a', 'is now an', 'is now the'], masks: ['live', 'soon', 'urgentWord'] },
  // A rule that applies from now on ("ab sofort", "effective immediately") is an announcement, not something happening now.
  {
    signal: 'fyi',
    label: 'is an FYI',
    patterns: ['from now on', 'effective immediately', 'effective today', 'going forward', 'ab sofort', 'ab heute', 'ab jetzt', 'von nun an', 'a partir de ahora', 'a partir de hoy', 'desde ahora', 'à partir de maintenant', 'à partir d aujourd hui', 'dès maintenant', 'désormais', 'dorénavant', 'mostantól', 'ettől kezdve'],
    masks: ['live', 'action', 'urgentWord', 'soon', 'ongoing'],
  },
  { signal: 'masked', label: '', patterns: ['on stage', 'on the stage', 'main stage', 'discord stage', 'keynote stage', 'the stage'], masks: ['limited'] },
  // Hungarian "hívás" is a phone call, and also an API call: "idegen IP-kről jönnek hívások".
  { signal: 'masked', label: '', patterns: ['api hívás*', 'jönnek hívások', 'hívások jönnek', 'hívások érkeznek'], masks: ['call'] },
  // Being in a call is why someone cannot do something else, not a call to hold: "he rings and I am in call".
  { signal: 'masked', label: '', patterns: ['i am in call', 'i am in a call', 'i m in a call', 'im in a call', 'i am on a call', 'i m on a call', 'im on a call', 'i am in a meeting', 'i m in a meeting', 'im in a meeting'], masks: ['call', 'meeting'] },
  // Demo hardware and delivery slots are no demo call or talk; calling 311 about a siren test is no call to hold.
  { signal: 'masked', label: '', patterns: ['demo kiosk*', 'demo unit*', 'demo device*', 'demo stand', 'demo booth', 'demo car*'], masks: ['meeting'] },
  { signal: 'masked', label: '', patterns: ['install slot', 'delivery slot', 'loading slot', 'unloading slot'], masks: ['talk'] },
  { signal: 'drill', label: 'is a drill or a test', patterns: ['siren test', 'attack sim', 'attack simulation', 'attack simulations', 'purple team', 'red team exercise', 'red teaming exercise', 'breach simulation'], negatable: true },
  // Never a drill: "someone collapsed, call 911" is the real thing; it is only no call to hold.
  { signal: 'masked', label: '', patterns: ['call 311', 'call 911', 'call 112', 'call 999'], masks: ['call'] },
  { signal: 'masked', label: '', patterns: ['no travel', 'no travelling', 'no traveling', 'no flights', 'no hotel', 'cancel your hotel*', 'cancel your flight*'], masks: ['travel'] },
  // A status page that "still says all green" while things break is part of the outage, not a calm report (one that
  // is "all green now" after a rollback is).
  { signal: 'masked', label: '', patterns: ['status page still ~ green', 'status page still ~ operational', 'status page still ~ healthy', 'status page is still green', 'statuspage still ~ green'], masks: ['calm'] },
  // Restaurants a food-ordering company serves are its customers, not a night out: "orders aren't reaching any restaurant tablet".
  { signal: 'masked', label: '', patterns: ['restaurant tablet*', 'restaurant partner*', 'restaurant app', 'restaurant kitchen*', 'restaurant printer*', 'restaurant pos'], masks: ['social'] },
  // A fix still to come is none: "don't get paid unless it's fixed in the next 3 hours", "once it's resolved we'll say".
  { signal: 'masked', label: '', patterns: ['unless ~ fixed', 'until it s fixed', 'until its fixed', 'until it is fixed', 'till it s fixed', 'once it s fixed', 'once its fixed', 'unless ~ resolved', 'until it s resolved', 'once it s resolved', 'once its resolved', 'needs to be fixed', 'needs fixing', 'need fixing'], masks: ['resolved'] },
  // Checked from a phone too (another network), so not one person's trouble.
  { signal: 'masked', label: '', patterns: ['tried from my phone', 'tried on my phone', 'from my phone too', 'on my phone too', 'my phone too'], masks: ['limited'] },
  // The first day of a term or season is a date, not a new starter.
  { signal: 'masked', label: '', patterns: ['first day of term', 'first day of the term', 'first day of school', 'first day of semester', 'first day of the semester', 'first day of classes', 'first week of term', 'first day of the season', 'first day of the sale'], masks: ['limited'] },
  // A restaurant's kitchen is its production line, not the office kitchen.
  { signal: 'masked', label: '', patterns: ['kitchen is down', 'kitchen is completely down', 'kitchen down', 'kitchens are down', 'kitchen is closed', 'kitchen has no gas', 'no gas in the kitchen'], masks: ['casual', 'trivial'] },
  // The only copy of something is no marketing copy.
  { signal: 'masked', label: '', patterns: ['only copy', 'only copies'], masks: ['trivial', 'routine'] },
  // Calls counted on a phone line are traffic, not a call to hold: "zero calls reach agents".
  { signal: 'masked', label: '', patterns: ['calls reach', 'calls get through', 'zero calls', 'no calls', 'inbound calls', 'inbound lines', 'abandoned calls', 'calls abandoned', 'calls drop', 'calls are dropping', 'calls in queue', 'calls waiting'], masks: ['call', 'meeting'] },
  // "everyone else sees it fine" is the opposite of everyone.
  { signal: 'limited', label: 'affects only one person or a test system', patterns: ['everyone else sees', 'everyone else is fine', 'everyone else can', 'works for everyone else', 'fine for everyone else', 'for everyone else', 'everybody else is fine', 'everybody else can'], masks: ['scope'] },
  // Phoning someone about it is no call to hold: "who do I call", "the bank can cancel if we call before 13:00".
  { signal: 'masked', label: '', patterns: ['who do i call', 'who should i call', 'who do we call', 'who to call', 'if we call', 'we call before', 'call the bank', 'call his wife', 'call her husband', 'call his family', 'call her family', 'call an ambulance'], masks: ['call', 'meeting'] },
  // Someone unreachable in the air is no trip to plan.
  { signal: 'masked', label: '', patterns: ['on a flight until', 'is on a flight', 'is on a plane', 'in the air until', 'flying until'], masks: ['travel'] },
  // Asking for someone trained is no training.
  { signal: 'masked', label: '', patterns: ['anyone with first aid', 'anyone with first-aid', 'who has first aid', 'anyone first aid trained', 'with first aid training'], masks: ['drill'] },
  // Finished without errors: "ya está en producción sin errores".
  { signal: 'calm', label: 'says it can wait', patterns: ['sin errores', 'sin error', 'ohne fehler', 'sans erreur', 'sans erreurs', 'hiba nélkül', 'without errors', 'without any errors'], masks: ['symptom', 'problem'] },
  // Taking a machine off the network is containment, not an office trifle or one person's trouble.
  { signal: 'masked', label: '', patterns: ['off the wifi', 'off wifi', 'off the network', 'pulled the network cable', 'pulled the cable'], masks: ['casual', 'trivial', 'limited'] },
  // Said to make sure nobody worries: "logged as PROD-881, nobody is blocked".
  { signal: 'calm', label: 'says it can wait', patterns: ['nobody is blocked', 'no one is blocked', 'nobody blocked', 'not blocking anyone', 'nobody is affected', 'no one is affected'], masks: ['scope', 'blocked', 'problem'] },
  // A maintenance window that is over while things still fail is no planned maintenance.
  { signal: 'masked', label: '', patterns: ['maintenance window ended', 'maintenance window is over', 'maintenance window was over', 'maintenance ended', 'maintenance is over', 'after the maintenance window', 'since the maintenance window'], masks: ['calm'] },
  // Reproduced "for me" is a way to check it, not one person's trouble.
  { signal: 'masked', label: '', patterns: ['still reproduces for me', 'reproduces for me', 'reproduced it for me', 'i can reproduce it'], masks: ['limited'] },
  // Encryption as a property of the system is no ransomware: "files are encrypted at rest with KMS".
  { signal: 'masked', label: '', patterns: ['encrypted at rest', 'encrypted in transit', 'encrypted with kms', 'encrypted by default', 'end to end encrypted', 'are encrypted with', 'is encrypted with', 'stays encrypted', 'encryption at rest'], masks: ['security'] },
  // Sick notes leaked are health data, not someone off sick.
  { signal: 'masked', label: '', patterns: ['and sick notes', 'sick notes'], masks: ['absence'] },
  // How long ago, not a call to book: "in the last 15 min with <@U>'s token".
  { signal: 'masked', label: '', patterns: ['last ~ min', 'last ~ mins', 'last ~ minutes', 'past ~ min', 'past ~ minutes'], masks: ['call', 'soon'] },
  // In a calls product, calls are the traffic: "every call drops after 60 s" is no call to hold.
  { signal: 'masked', label: '', patterns: ['every call drops', 'call drops', 'calls connect', 'calls conect', 'dial in caller', 'dial in callers', 'any dial in', 'call the police', 'contact the authorities'], masks: ['call', 'meeting'] },
  // A future deadline with its consequence: "renew it before Friday or we can't ship 7.5".
  { signal: 'masked', label: '', patterns: ['or we cant', 'or we can t', 'or we wont be able'], masks: ['blocked'] },
  // A warehouse's label printer is equipment, not the office printer.
  { signal: 'masked', label: '', patterns: ['label printer', 'label printers', 'shipping label printer', 'label printer drivers'], masks: ['casual', 'trivial'] },
  // Lifting a limit and a parked domain are no lift or car park; a mask must come before the casual cue at the same word.
  { signal: 'masked', label: '', patterns: ['lift it', 'lift the', 'lift that', 'lift this', 'can lift', 'to lift', 'please lift', 'parking page', 'parked domain'], masks: ['casual'] },
  // A rule for who may handle customer data is no leak of it: "mandatory for everyone who touches customer data".
  { signal: 'masked', label: '', patterns: ['who touches customer data', 'who touch customer data', 'who handles customer data', 'who handle customer data', 'who works with customer data', 'who work with customer data'], masks: ['security', 'scope'] },
  // Reproduced on a second account, it is no one account's trouble: "I tried with a second test account and I see them too".
  { signal: 'masked', label: '', patterns: ['second test account', 'another test account', 'a fresh test account', 'a new test account', 'a second account', 'second account'], masks: ['limited'] },
  // A hair salon is a customer, not a trade fair ("le salon VivaTech").
  { signal: 'masked', label: '', patterns: ['demo salon', 'our salon', 'the salon', 'a salon', 'salon owner', 'salon owners', 'salon staff', 'salon chain', 'hair salon', 'nail salon', 'beauty salon'], masks: ['event'] },
  // A chart of latency and an app that talks to Zoom are no slowness and no call.
  { signal: 'masked', label: '', patterns: ['latency panel', 'latency graph', 'latency dashboard', 'latency chart', 'latency widget'], masks: ['symptom'] },
  { signal: 'masked', label: '', patterns: ['zoom integration', 'zoom api', 'zoom app', 'zoom marketplace', 'zoom webhook', 'zoom webhooks', 'zoom oauth'], masks: ['call'] },
  // Talk proposals are for a conference's stage, not a chat: "send your talk proposals", "call for papers".
  { signal: 'event', label: 'is an in-person event', patterns: ['talk proposal', 'talk proposals', 'talk submission', 'talk submissions', 'talk abstract', 'talk abstracts', 'call for talks', 'call for papers', 'call for proposals', 'call for speakers'], masks: ['talk', 'call'] },
  // A key rotation by the calendar is routine: "the runbook for rotating the Zoom API key". A leaked key still reads as one ("it was committed to GitHub").
  { signal: 'masked', label: '', patterns: ['rotating the ~ api key', 'rotate the ~ api key', 'rotating the ~ keys', 'rotating our ~ keys', 'runbook for rotating', 'key rotation'], masks: ['security'] },
  // "good news / bad news" announces trouble; "nothing restarted it" is no restart; someone "online" is awake, not in a call;
  // a Jira board is no boarding gate; an in-game event is no outing.
  { signal: 'masked', label: '', patterns: ['good news bad news', 'good news and bad news', 'good news and the bad'], masks: ['resolved'] },
  { signal: 'masked', label: '', patterns: ['nothing restarted it', 'nobody restarted it', 'no one restarted it', 'never restarted', 'didnt restart', 'did not restart'], masks: ['limited'] },
  { signal: 'masked', label: '', patterns: ['team online', 'anyone online', 'anybody online', 'who is online', 'whos online', 'online right now', 'online now', 'still online'], masks: ['meeting', 'call'] },
  { signal: 'masked', label: '', patterns: ['see the board', 'the board of', 'jira board', 'the kanban board', 'project board'], masks: ['blocked'] },
  { signal: 'masked', label: '', patterns: ['in game event', 'ingame event', 'live ops event', 'liveops event', 'seasonal event', 'az event', 'the event shop', 'event pass'], masks: ['event', 'offsite', 'social'] },
  // Where the product prints to kitchens, a kitchen printer is no office trifle and a dinner rush no team dinner.
  { signal: 'masked', label: '', patterns: ['kitchen printer', 'kitchen printers', 'receipt printer', 'receipt printers', 'ticket printer', 'ticket printers'], masks: ['casual'] },
  { signal: 'masked', label: '', patterns: ['dinner rush', 'lunch rush', 'dinner service', 'lunch service', 'breakfast rush'], masks: ['social', 'offsite', 'event'] },
  // "is it just me or is every receipt printer..." asks whether it is everyone's.
  { signal: 'masked', label: '', patterns: ['is it just me or', 'just me or', 'only me or'], masks: ['limited'] },
  { signal: 'scope', label: 'affects everyone', patterns: ['from different restaurants', 'from different customers', 'from different sites', 'from different stores', 'different restaurants', 'different customers'] },
  // Comments that fail to save are a broken feature, not a request for written comments.
  { signal: 'masked', label: '', patterns: ['comentarios no se', 'comments arent saving', 'comments arent saved', 'comments are not saved', 'comments dont save', 'comments wont save', 'comments disappear', 'comments are gone', 'comments not saving', 'kommentare werden nicht', 'kommentare gehen', 'commentaires ne', 'kommentek nem'], masks: ['comments'] },
  // A test message that went out to every user is no test system: "the test push went out to 200k users".
  {
    signal: 'severe',
    label: 'reads like a live incident',
    patterns: [
      ...['test message', 'test email', 'test push', 'test notification', 'test newsletter', 'test sms'].flatMap((test) => ['went out to all', 'went out to every', 'went out to everyone'].map((out) => `${test} ${out}`)),
      'teszt üzenet ment ki', 'teszt e mail ment ki', 'teszt értesítés ment ki',
    ],
    masks: ['limited'],
  },
  // "TEST TEST ignore" is what a test message says, not a test system.
  { signal: 'masked', label: '', patterns: ['test test'], masks: ['limited'] },
  // The writer's own calm is no all-clear when a "but" follows: "no rush from my side, but every customer's help center is down".
  { signal: 'masked', label: '', patterns: ['no rush from my side but', 'no rush on my side but', 'no rush from me but', 'no rush for me but'], masks: ['calm'] },
  // "crash-free sessions back to 99.6%" is a health figure, not a crash.
  { signal: 'masked', label: '', patterns: ['crash free', 'error free', 'crashfree'], masks: ['symptom'] },
  // One part back while the rest is not: "db-3 is working again, the other 11 are down", "syncing again, but deleting every event".
  { signal: 'masked', label: '', patterns: FIXED_AGAIN.flatMap((again) => [`${again} but`, `${again} the other`, `${again} the rest`, `${again} for one`]), masks: ['resolved'] },
  // A send that reached the wrong audience: "a push to 2.1M subscribers ... meant for the QA segment".
  { signal: 'severe', label: 'reads like a live incident', patterns: ['meant for the qa', 'meant for qa', 'meant for the test', 'meant for internal', 'meant for the internal', 'went to the wrong segment', 'sent to the wrong segment', 'went to the wrong list', 'sent to the wrong list'], masks: ['limited'] },
  // Wifi gone for everyone, or for a whole site, is no office trifle.
  { signal: 'masked', label: '', patterns: ['no wifi at all', 'wifi ~ everyone', 'wifi ~ campus', 'wifi ~ whole', 'wifi ~ entire', 'wifi ~ every', 'wifi ~ all floors'], masks: ['casual', 'trivial'] },
  // How often, not how many: "logged out every hour", "fails every time".
  { signal: 'masked', label: '', patterns: ['every hour', 'every day', 'every morning', 'every night', 'every week', 'every time', 'every few', 'every other', 'every now', 'every couple'], masks: ['scope'] },
  // Nobody did a chore yet: "nobody booked a table?? can someone sort it" is no "nobody can".
  { signal: 'masked', label: '', patterns: ['nobody booked', 'no one booked', 'nobody has booked', 'nobody reserved', 'nobody ordered', 'no one ordered', 'nobody signed up', 'no one signed up', 'nobody replied', 'no one replied', 'nobody answered', 'no one answered'], masks: ['blocked', 'scope'] },
  // Where a note was left, not a design doc: "te los dejé marcados en el documento".
  { signal: 'masked', label: '', patterns: ['en el documento', 'dans le document', 'im dokument'], masks: ['proposal'] },
  // A customer "on the Growth plan" is on a price plan, not planning anything; "our growth plan for 2027" is planning.
  {
    signal: 'masked',
    label: '',
    patterns: [
      'free plan', 'pro plan', 'starter plan', 'premium plan', 'enterprise plan', 'basic plan', 'paid plan', 'plus plan', 'pricing plan', 'subscription plan',
      'customer on the * plan', 'customers on the * plan', 'merchant on the * plan', 'merchants on the * plan', 'client on the * plan', 'clients on the * plan', 'account on the * plan', 'accounts on the * plan', 'users on the * plan',
    ],
    masks: ['planning', 'strategy'],
  },
  { signal: 'review', label: 'asks for a review', patterns: ['relire ma pr', 'relire ma mr', 'relire mon pr', 'relire la pr', 'relire ma merge request', 'relire mon code'], masks: ['comments'] },
  // ---- what takes the alarm back
  { signal: 'drill', label: 'is a drill or a test', patterns: ['fire alarm test*', 'fire alarm check*', 'fire alarms will be tested', 'fire alarm drill', 'fire drill', 'drill', 'testing the alarm*', 'testing the fire', 'testing the siren*', 'testing the generator', 'testing the backup generator', 'testing the evacuation', 'testing the sprinkler*', 'alarm test', 'no evacuation', 'fire safety', 'safety training', 'evacuation practice', 'evacuation exercise', 'first aid course', 'first aid training', 'first aid refresher', 'first aid certification', 'first aid session', 'first aid workshop', 'smoke detector test*', 'smoke detector check*', 'smoke detector servic*', 'smoke detector* ~ tested', 'smoke detector* ~ serviced', 'fire alarm* ~ tested', 'smoke alarm* ~ tested', 'smoke alarm test*', 'get serviced', 'being serviced', 'may beep', 'might beep', 'simulated', 'phishing simulation', 'phishing test', 'phishing exercise', 'mock phishing', 'tabletop exercise', 'incident exercise', 'scenario on paper', 'made up ransomware', 'phishing awareness module', 'phishing awareness course', 'phishing awareness training', 'security awareness', 'awareness module', 'awareness training', 'security awareness training'], negatable: true },
  {
    signal: 'past',
    label: 'talks about a past incident',
    patterns: [
      'yesterday', 'yesterdays', 'last week', 'last weeks', 'last month', 'last months', 'in march', 'from this morning', 'earlier today',
      'two weeks ago', 'previous', 'tegnap', 'gestern', 'ayer', 'depuis hier', 'the 14 may', 'from yesterday', 'tuesdays', 'mays', 'was down for', 'were down for', 'was down from', 'was down between', 'was unavailable for', 'was broken for',
    ],
  },
  {
    signal: 'resolved',
    label: 'says it is resolved',
    patterns: ['resolved', 'is fixed', 'are fixed', 'fixed', 'all good now', 'walked them through it', 'talked them through it', 'in prod fixes', 'is live fixes', 'is out fixes', 'this release fixes', 'back to normal', 'recovered', 'all clear', 'is over', 'closing it', 'ticket closed', 'incident closed', 'closed the ticket', 'closed the incident', 'closing the ticket',  'läuft wieder', 'laufen wieder', 'funktioniert wieder', 'funciona de nuevo', 'vuelve a funcionar', 'fonctionne à nouveau', 'remarche', 'újra működik', 'good news', 'mitigated', 'behoben', 'resuelto', 'résolu', 'megoldva', 'resent the', 'sent the right', 'sent the correct', 'corrected it', 'corrected the', 'reverted it', 'rolled it back', 'undid it', 'all sorted', 'sorted now'],
    // "if this isn't fixed by 18:00" is no fix.
    negatable: true,
  },
  // "working again" is a fix, not the "again" of a failure that keeps coming back.
  { signal: 'resolved', label: 'says it is resolved', patterns: FIXED_AGAIN, negatable: true, masks: ['ongoing'] },
  // A postmortem that "is up" is a document published for reading, not an FYI to skim.
  { signal: 'doc', label: 'is a document about it', patterns: ['postmortem is up', 'post mortem is up', 'retro is up', 'retro doc is up', 'rca is up', 'write up is up', 'writeup is up', 'incident review is up'], masks: ['fyi'] },
  {
    signal: 'doc',
    label: 'is a document about it',
    patterns: [
      'postmortem', 'post mortem', 'retro', 'retros', 'retrospective', 'rca', 'root cause', 'follow ups', 'followups', 'action items',
      'runbook', 'playbook', 'severity levels', 'write up', 'wrote up', 'writeup', 'lessons', 'contributing factors', 'incident review',
      'review call', 'retro call', 'retro doc', 'retro notes',
    ],
  },
  { signal: 'docWeak', label: 'is a document about it', patterns: ['review', 'report', 'doc', 'docs', 'document', 'template', 'templates', 'process', 'notes', 'deck', 'slides'] },
  {
    signal: 'casual',
    label: 'uses an alarm word casually',
    patterns: [
      'coffee', 'printer', 'kitchen', 'snack*', 'lol', 'ish', 'jk', 'haha', 'milk', 'pizza', 'cake', 'fridge', 'plants', 'parking', 'toner',
      'jammed', 'wifi', 'guest wifi', 'donuts', 'cookies', 'candy', 'chocolate', 'tea', 'espresso', 'microwave', 'dishwasher', 'aircon',
      'air conditioning', 'elevator', 'lift', 'bathroom', 'toilet', 'mug', 'meme', 'gif', 'playlist', 'fantasy football', 'font', 'fonts',
      'emoji', 'kávé', 'kávégép', 'kaffee', 'café', 'broken link', 'broken links', 'dead link', 'dead links', 'link is dead', 'links are dead', 'link is broken', 'links are broken', 'dead after', 'im dead', 'i m dead', 'so dead', 'dead tired', 'zero visits', 'no visits', 'no traffic', 'zero traffic', 'nobody uses', 'no one uses', 'unused', 'ok if i', 'okay if i', 'mind if i', 'side door', 'door code', 'code for the door', 'code for the side door', 'changed the theme', 'grafana theme', 'dashboard theme', 'is pink now', 'turned pink', 'finally dead', 'finally gone', 'finally died', 'finally decommissioned', 'finally retired', 'finally turned off', 'finally shut down', 'branch is dead', 'branches are dead', 'dead branch', 'dead branches',
    ],
  },
  { signal: 'praise', label: 'uses "fire" as praise', patterns: ['is fire', 'on fire'] },
  { signal: 'praise', label: 'is praise', patterns: ['killer feature', 'killed it', 'crushed it', 'nailed it', 'lifesaver', 'life saver', 'game changer', 'is the bomb', 'was the bomb', 'da bomb', 'killing it', 'crushing it', 'smashing it', 'rocking it', 'great work', 'great job', 'love', 'loved', 'amazing', 'awesome'] },
  {
    signal: 'limited',
    label: 'affects only one person or a test system',
    patterns: [
      'staging', 'stage', 'dev env', 'local', 'locally', 'just me', 'jsut me', 'only me', 'for me', 'or just me', 'my laptop', 'my vpn', 'one customer',
      'a customer', 'one user', 'single user', 'flaky', 'ci', 'the build', 'build', 'tests', 'spec', 'merges are blocked', 'preview',
      'one account', 'for one', 'my staging', 'my pr', 'vpn', 'e2e', 'not blocking', 'workaround', 'they can', 'no blockers',
      'a user', 'not reproducible', 'cant reproduce', 'for others', 'test', 'integration test', 'unit test', 'e2e test',
      'egy ügyfél*', 'egy felhasználó*', 'un cliente', 'un usuario', 'ein kunde', 'einem kunden', 'un client', 'for one customer', 'test env',
      'internal wiki', 'mine is stuck', 'mine is not', 'mine isnt', 'mine wont', 'mine doesnt', 'mine keeps', 'mine stopped', 'her account', 'his account', 'reset her', 'reset his', 'shows her', 'shows him', 'his tablet', 'her tablet', 's tablet', 's laptop', 'tried a reinstall', 'tried reinstalling', 'already reinstalled', 'his laptop', 'her laptop', 'his phone', 'her phone', 'rest of ~ is fine', 'rest of ~ are fine', 'others are fine', 'works on my partner', 'works on my wife', 'works on my husband', 'works on my other', 'works on my colleague', 'works for my colleague', 'works on his phone', 'works on her phone', 'my camera', 'my mic', 'my microphone', 'my audio', 'my video', 'dev environment', 'sandbox', 'not customer facing', 'our internal', 'internal bi', 'not a prod issue', 'not prod', 'not production', 'internal only', 'internal tool', 'on my machine',
      'only my', 'only affects me', 'i can not login', 'i cannot login', 'i cant login', 'i can not log in', 'i cannot log in', 'i cant log in', 'my mfa', 'my 2fa', 'my monitor', 'my second monitor', 'my keyboard', 'my mouse', 'my headset', 'my webcam', 'other cable', 'my tablet', 'my ipad', 'my pc', 'my computer', 'my scanner', 'restarted it', 'restart it', 'let me in', 'lets me in', 'blocked by administrator', 'blocked by the administrator', 'blocked by admin', 'i cannot open', 'i cant open', 'my account is locked', 'my account got locked', 'too many tries', 'too many attempts', 'unlock my', 'my phone', 'authenticator', 'his access', 'her access', 'shadowing', 'changed phone', 'changed my phone', 'change my phone', 'changed phones', 'my okta', 'locked out of my', 'layout only', 'ipad only', 'android only', 'ios only', 'safari only', 'firefox only', 'only on ipad', 'only on android', 'only in safari', 'cosmetic', 'switched phones', 'new phone', 'backup codes', 'my outlook', 'my mailbox', 'my inbox', 'my calendar', 'my badge', 'my access badge', 'my access card', 'my keycard', 'my key card', 'my door card', 'my fob', 'getting by', 'new hire', 'new joiner', 'first day', 'started on the', 'started this morning', 'started today', 'starts ~ today', 'starting today', 'new starter', 'just my', 'my preview', 'preview env', 'review app', 'my branch', 'only there', 'only on their site', 'only on their end', 'only on their side', 'only for them', 'just for them', 'only that customer', 'just that customer', 'qa builds', 'qa build', 'internal builds', 'internal build', 'my emulator', 'my android emulator', 'my simulator', 'my ios simulator', 'my android studio', 'my xcode', 'i am locked out', 'im locked out', 'i m locked out', 'i got locked out', 'i was locked out', 'who start tomorrow', 'who starts tomorrow', 'starts tomorrow', 'start tomorrow', 'starting tomorrow', 'start on monday', 'starts on monday', 'starting monday', 'liegt das an mir', 'liegt es an mir', 'nur bei mir', 'mein build', 'meine pipeline', 'my devkit', 'my dev kit', 'my console', 'my test device', 'my test phone', 'my workstation', 'my desktop', 'my dock', 'my docking station', 'my charger', 'my router', 'my dev box', 'my vm', 'give me access', 'give me the access', 'grant me access', 'my personal phone', 'my personal laptop', 'my own phone', 'might just be me', 'might just be my', 'could just be my', 'probably just my', 'prob just my',
    ],
  },
  // A red main branch stops the team's merges, not the customers: "nobody can merge" is no "nobody can log in".
  {
    signal: 'limited',
    label: 'affects only one person or a test system',
    patterns: ['nobody can merge', 'no one can merge', 'cant merge', 'cannot merge', 'main is red', 'main has been red', 'ci is red', 'build is red', 'pipeline is red', 'release train'],
    masks: ['scope', 'blocked', 'travel'],
  },
  // "nobody else is affected" narrows the trouble; it is no "nobody can log in".
  { signal: 'limited', label: 'affects only one person or a test system', patterns: ['nobody else', 'no one else', 'noone else'], masks: ['scope'] },

  {
    signal: 'advice',
    label: 'warns people to watch out',
    patterns: ['psa', 'dont click', 'do not click', 'be careful', 'watch out', 'beware', 'reminder to', 'never share', 'report suspicious', 'going around', 'security reminder', 'pretending to be', 'nobody has clicked', 'no one has clicked', 'forward anything', 'didnt click', 'did not click', 'forwarded it to', 'flagging in case', 'in case others got', 'gift card*'],
  },
  {
    signal: 'calm',
    label: 'says it can wait',
    patterns: ['no customer impact', 'planned changeover', 'nothing for us to do', 'will fail in that window', 'in that window', 'doing api maintenance', 'is idempotent', 'harmless', 'no harm done', 'went through fine', 'went out fine', 'everyone paid', 'everyone got paid', 'all paid', 'no impact', 'mildly annoying', 'slightly annoying', 'minor annoyance', 'no user reports so far', 'no complaints so far', 'worked as designed', 'as expected', 'no action needed', 'planned maintenance', 'scheduled maintenance', 'maintenance window', 'tervezett karbantartás', 'geplante wartung', 'mantenimiento programado', 'maintenance programmée', 'not urgent', 'no rush', 'nothing burning', 'not a fire', 'when you get a chance', 'when you get a sec', 'when u get a sec', 'rien d urgent', 'nicht dringend', 'no es urgente', 'nem sürgős', 'not time sensitive', 'whenever', 'no hurry', 'low priority', 'could wait', 'can wait', 'nothing to do now', 'no prod impact', 'no production impact', 'no user impact', 'no impact on', 'muted it', 'mute it', 'muted the', 'raise the threshold', 'false alarm', 'false positive', 'noisy alert*', 'no new crash*', 'crash dashboard flat', 'crash rate flat', 'crash rate is flat', 'crashes are flat', 'quiet week', 'no open pages', 'no pages', 'no smoke', 'going off by itself', 'goes off by itself', 'no open delays', 'no delays', 'back in service', 'regenerate your', 'already on main', 'read ~ instead', 'no open incidents', 'no incidents', 'quiet weekend', 'quiet shift', 'not a bug just sentiment', 'not a bug just a feature request', 'not a bug just feedback', 'just sentiment', 'nothing real', 'notfall nein', 'ein notfall nein', 'emergencia no', 'urgence non', 'as intended', 'as planned', 'decided to let it', 'let it lapse', 'no accounts were touched', 'no account was touched', 'no accounts were affected', 'no accounts were accessed', 'nothing was accessed', 'no data was accessed', 'no data was exposed', 'nothing was exposed', 'nothing was leaked', 'prod itself is fine', 'prod is fine', 'production is fine', 'prod is unaffected', 'production is unaffected', 'customers are unaffected', 'users are unaffected', 'version is unaffected', 'nothing user facing is broken', 'nothing customer facing is broken', 'nothing user facing', 'nothing customer facing', ...['delete', 'remove', 'archive', 'turn off', 'shut down'].flatMap((act) => ['someone', 'anyone', 'somebody'].map((who) => `${act} ~ unless ${who} screams`)), 'per their own label', 'quiet night', 'nothing else happened', 'nothing else came in', 'nothing else to report', 'prod is untouched', 'prod untouched', 'prod is fine', 'production is fine', 'prod unaffected', 'production unaffected', 'prod is unaffected', 'not affecting prod', 'inside the slo', 'within the slo', 'within slo', 'for next sprint', 'no errors so far', 'zero errors so far', 'no errors since', 'no errors after', 'error free', 'fine waiting', 'happy to wait', 'ok waiting', 'okay waiting', 'nothing to do here', 'nothing to do for you', 'nothing to do on your side', 'nothing for you to do', 'when someone has a minute', 'when you have a minute', 'when someone has time', 'looks healthy', 'looking healthy', 'all green', 'nothing is wrong', 'nothing wrong', 'nothing is broken', 'nothing broken', 'all systems normal'],
  },
  { signal: 'hypothetical', label: 'is about what could happen', patterns: ['security questionnaire', 'questionnaire asks', 'how we make sure', 'how do we make sure', 'what if', 'could', 'would', 'might', 'if we', 'if we ever', 'ever had', 'in case', 'tabletop', 'simulation', 'game day', 'chaos'] },
  // ---- meetings
  // "got a sec for <PR link>?" asks for a review, not a chat; listed before the chat cues so it masks them.
  {
    signal: 'review',
    label: 'asks for a review',
    patterns: ['got a sec', 'got a min', 'got a minute', 'have a sec', 'have a minute'].flatMap((ask) => ['github', 'gitlab', 'pr', 'pull request', 'mr', 'diff'].map((what) => `${ask} for ~ ${what}`)),
    masks: ['call'],
  },
  {
    signal: 'call',
    label: 'asks for a call',
    patterns: [
      'give me a ring', 'ring me', 'give me a call', 'by voice', 'go through it live', 'go over it live', 'walk through it live', 'discuss it live', 'talk it through live', 'call', 'call?', 'calls', 'video call', 'videocall', 'phone call', 'quick call', 'hop on', 'jump on', 'get on a call', 'huddle', 'huddles', 'hudle', 'huddel',
      'virtual coffee', 'coffee chat', 'donut chat', 'virtual', 'zoom', 'zoom us', 'meet link', 'google meet', 'meet google', 'webex', 'dial in', 'one on one', '1on1', '1on1s', '1 on 1',
      'interview', 'podcast', 'livestream', 'webinar', 'screen sharing', 'screenshare', 'screen share', 'share your screen', 'share my screen', 'zoom waiting room', 'teams lobby', 'zoom lobby', 'meet lobby', 'from the waiting room', 'telefonieren', 'anruf', 'videokonferenz',
      'telko', 'llamada', 'videollamada', 'hívás*', 'videóhívás*', 'telefon*', 'appel', 'visio', 'en visio', 'visioconf*', 'riverside fm', 'teams livestream', 'on teams', 'teams call', 'teams meeting', 'ms teams', 'slack call', 'facetime', 'video session', 'live session', 'zoom session', 'online session', 'video chat', 'meet room', 'zoom room', 'discord call', 'discord stage', 'do it live', 'instead of async', 'rather than async', 'statt async', 'per teams', 'über teams', 'via teams', 'per zoom', 'über zoom', 'via zoom', 'over zoom', 'fully remote', 'remote only', 'all remote', 'remote this year', 'training is remote', 'workshop is remote', 'session is remote', 'sessions are remote', 'held remotely', 'run remotely', 'quick meet', 'a quick meet', 'finalise it live', 'finalize it live', 'agree on it live', 'grab 15', 'grab 20', 'grab 30', 'grab 45', 'grab an hour', 'settle it live', 'discuss it live', 'decide it live', 'on meet', 'is on meet', 'on google meet', 'zoom link*', 'teams link*',
    ],
    negatable: true,
  },
  {
    signal: 'meeting',
    label: 'asks for a meeting',
    patterns: [
      'book an hour to', 'meeting', 'meetings', 'meet', 'invite', 'invites', 'agenda', 'sync', 'standup', 'stand up', 'daily', 'weekly sync', 'online', 'demo', 'kickoff', 'kick off', 'qbr', 'walk through',
      'walkthrough', 'review call', 'sync up', 'catch up', 'catchup', 'besprechung', 'termin', 'reunión', 'reunion', 'réunion',
      'megbeszél*', 'meghívó', 'invitation', 'einladung', 'invitación', 'all hands', 'cameras', 'recording', 'dial', 'join the call',
    ],
    negatable: true,
  },
  {
    signal: 'call',
    label: 'asks for a quick chat',
    patterns: ['free for', 'got a minute', 'got a min', 'got a sec', 'have a minute', 'have a sec', 'got 5', 'got 10', 'have 5', 'have 10', 'you around', 'u around', 'quick chat', 'quick sync', 'min with', 'mins with', 'minutes with you', 'ráérsz', 'hast du kurz', 'tienes un minuto', 't as 5 min', 'tu as 5 min'],
    negatable: true,
  },
  { signal: 'callLink', label: 'shares a call link', patterns: ['zoom us', 'meet google', 'teams microsoft', 'whereby', 'webex com', 'around co'] },
  { signal: 'talk', label: 'wants to talk it through', patterns: ['talk', 'talk through', 'rather talk', 'easier to explain', 'faster to talk', 'a slot', 'slot', 'jump in', 'beszélni', 'átbeszélni', 'hablar', 'parler', 'sprechen', 'durchgehen', 'explain'], negatable: true },
  { signal: 'soon', label: 'starts soon', patterns: ['now', 'in 5', 'in 10', 'in 15', 'in a few', 'in 5 min', 'today', 'this afternoon', 'tonight', 'asap', 'right away', 'free for', 'at 30', 'few min', 'ma', 'heute', 'hoy', 'aujourd', 'délután', 'before my', 'in an hour', 'starting'] },
  // ---- in person
  {
    signal: 'offsite',
    label: 'is an in-person company event',
    patterns: [
      'offsite', 'off site', 'retreat', 'seminar', 'workshop', 'onboarding week', 'design sprint', 'in person planning', 'customer visit',
      'client visit', 'site visit', 'advisory board', 'all hands in person', 'séminaire', 'seminaire', 'atelier', 'onsite interviews',
    ],
  },
  {
    signal: 'event',
    label: 'is an in-person event',
    patterns: [
      'conference', 'conferences', 'conf', 'summit', 'kubecon', 'devopsdays', 'saastr', 're invent', 'reinvent',
      'meetup', 'trade show', 'tradeshow', 'expo', 'booth', 'hackathon', 'save the date',
      'festival', 'lunch learn', 'team event', 'teamevent', 'sommerfest', 'weihnachtsfeier', 'betriebsausflug', 'ausflug', 'konferenz',
      'tagung', 'firmenfeier', 'conferencia', 'congreso', 'excursión', 'excursion', 'team building', 'teambuilding', 'csapatépítő*',
      'konferenci*', 'kirándul*', 'rendezvény*', 'conférence', 'salon', 'jsconf', 'roadshow', 'company trip', 'field trip', 'speaker', 'on stage', 'keynote', 'cfp', 'hackweek', 'hack week', 'hackday', 'hack day', 'feria', 'stand', 'messe', 'vásár*',
      'kiállítás*', 'fair',
    ],
  },
  {
    signal: 'social',
    label: 'is a team get-together',
    patterns: [
      'team lunch', 'team breakfast', 'lunch at', 'breakfast', 'frühstück', 'desayuno', 'reggeli', 'petit déjeuner', 'gala', 'ceremony',
      'awards night', 'banquet', 'a table at', 'restaurant', 'rooftop', 'marathon', 'race', 'tournament', 'as a team', 'game night',
      'escape room', 'cooking class', 'wine tasting', 'ski trip', 'football', 'sports day', 'yoga', 'concert', 'cinema', 'movie night',
      'dinner', 'party', 'bbq', 'barbecue', 'bowling', 'karaoke', 'pub', 'drinks', 'happy hour', 'picnic', 'outing', 'volunteer*', 'clean up',
      'beach', 'hiking', 'marshmallows', 'fire pit', 'boat', 'dress code', 'pizza on us', 'food at', 'abendessen', 'feier', 'cena', 'fiesta',
      'vacsora*', 'buli*', 'dîner', 'diner', 'soirée', 'fête', 'apéro', 'quiz', 'games night', 'potluck', 'brunch', 'celebration',
    ],
  },
  {
    signal: 'travel',
    label: 'involves travel',
    patterns: [
      'flight*', 'flying', 'fly', 'flew', 'hotel*', 'airbnb', 'travel', 'travelling', 'traveling', 'trip', 'train', 'bus', 'venue', 'visa', 'airport',
      'accommodation', 'rate code', 'per diem', 'vuelo*', 'viaje', 'autobús', 'autobus', 'reise*', 'flug*', 'zug', 'billets', 'voyage*',
      'déplacement', 'hôtel', 'utaz*', 'szálloda*', 'repül*', 'vonat*', 'busz*', 'lodging', 'crates', 'swag', 'passes', 'seats', 'rsvp',
      'registration', 'tickets', 'lanes',
    ],
  },
  {
    signal: 'inPerson',
    label: 'happens in person',
    patterns: ['in person', 'on site', 'onsite', 'at the office', 'office', 'hq', 'headquarters', 'studio', 'vor ort', 'büro*', 'oficina', 'sur place', 'présentiel', 'en personne', 'iroda*', 'személyesen', 'presencial', 'floor', 'desks', 'at their', 'leaves the office', 'in the office', 'visiting', 'site visit', 'customer visit', 'visit their', 'visitamos', 'kundenbesuch', 'visite client'] },
  { signal: 'absence', label: 'is an out-of-office note', patterns: ['out tomorrow', 'out today', 'ooo', 'pto', 'vacation', 'sick', 'day off', 'im out', 'i m out', 'covers my', 'school play', 'doctor', 'dentist', 'urlaub', 'arzt', 'vacaciones', 'médico', 'no estoy', 'congé', 'médecin', 'szabadság*', 'orvos*', 'parental leave', 'maternity leave', 'paternity leave', 'on leave', 'sabbatical', 'elternzeit', 'mutterschutz', 'baja', 'congé parental', 'logging off', 'signing off', 'back tmrw', 'back tomorrow'] },
  // ---- deep work
  {
    signal: 'proposal',
    label: 'is a proposal or design doc',
    patterns: [
      'rfc', 'rfc*', 'adr', 'proposal', 'propose', 'proposed', 'proposing', 'design doc', 'design document', 'one pager', 'memo',
      'whitepaper', 'white paper', 'draft', 'entwurf', 'vorschlag', 'konzept', 'propuesta', 'documento de diseño', 'javaslat*',
      'proposition', 'note de cadrage', 'cadrage', 'richtlinie', 'policy', 'guideline*', 'spec', 'architecture review', 'architecture',
      'brainstorm', 'conventions', 'principles', 'framework', 'documento', 'dokumentum*', 'tervezet', 'koncepció',
    ],
  },
  {
    signal: 'musing',
    label: 'shares thinking for async reading',
    patterns: [
      'long read', 'tl dr', 'tldr', 'i think we should', 'why we should', 'we should stop', 'we should start', 'thinking about', 'been thinking',
      'put together', 'drafted', 'rubric', 'essay', 'thesis', 'manifesto', 'north star', 'decision log', 'the case for', 'the case against',
      'exploration', 'analysis', 'evaluation', 'comparison', 'investigation', 'thought experiment', 'open question', 'open questions',
      'food for thought', 'where should we be', 'what should our', 'how should we', 'should we', 'felvázoltam', 'átgondoltam', 'überlegungen',
      'philosophy', 'handbook', 'pushback', 'wrote down', 'written down', 'our approach', 'approach to', 'long doc', 'read when', 'how we handle',
      'how we do', 'in writing', 'agree on', 'discussion doc', 'narrative',
      'reflexión', 'réflexion', 'pistes',
    ],
  },
  { signal: 'strategy', label: 'is about strategy and planning', patterns: ['strategy', 'strategic', 'vision', 'roadmap', 'okr', 'okrs', 'h1', 'h2', 'q1', 'q2', 'q3', 'q4', 'hiring plan', 'migration plan', 'budget', 'pricing', 'upmarket', 'bets', 'objectives', 'competitive', 'teardown', 'research', 'annual', 'long term', 'strategie', 'estrategia', 'stratégi*', 'stratégie', 'hoja de ruta', 'feuille de route', 'series b', 'sunset', 'deprecate', 'migrate', 'invest', 'investment', 'pricing model', 'business model', 'cost model', 'costs', 'market', 'positioning', 'go to market', 'gtm', 'years', '3 year', 'multi year', 'retention policy', 'governance', 'org design', 'költség*', 'kosten', 'costes', 'coûts', 'long term', 'longer term', 'mid term'] },
  { signal: 'decision', label: 'asks for a decision', patterns: ['decision', 'decide', 'decided', 'options', 'option', 'recommend', 'recommendation', 'recommendations', 'rationale', 'alternatives', 'trade offs', 'tradeoffs', 'pros and cons', 'objections', 'entscheiden', 'entscheidung', 'decisión', 'decidir', 'döntés*', 'döntünk', 'décision', 'décider'] },
  {
    signal: 'comments',
    label: 'asks for written comments over days',
    patterns: [
      'comments by', 'comment by', 'comments welcome', 'comments open', 'comment in', 'comments in', 'async review', 'async comments', 'written thoughts',
      'read it when', 'over the next', 'poke holes', 'feedback welcome', 'add your pick', 'as a comment', 'in the doc', 'your input', 'comments',
      'kommentieren', 'kommentare', 'comentarios', 'commenter', 'commentaires', 'relire', 'véleményeteket', 'véleményeket', 'vélemény*',
      'por escrito', 'par écrit', 'schriftlich', 'discuss async', 'async first', 'no meeting needed', 'settle it', 'eyes on',
      'async feedback', 'feedback this week', 'add thoughts', 'add your thoughts', 'thoughts welcome', 'synthesize', 'synthesise', 'summarise',
      'summarize', 'cluster them', 'looking for comments', 'looking for feedback', 'asynchronously', 'async', 'kommenteket', 'feedback bitte',
      'comentad', 'vos retours', 'vos avis', 'rückmeldungen', 'visszajelzés*',
    ],
  },
  { signal: 'hub', label: 'is for the hub', patterns: ['hub', 'hubban', 'hubba', 'wiki', 'confluence', 'notion', 'notion so', 'docs', 'in the hub', 'im hub', 'en el hub'] },
  { signal: 'planning', label: 'is planning work', patterns: ['planning', 'plan', 'plans', 'quarterly', 'next quarter', 'next year', 'h2', 'roadmap', 'hiring', 'headcount', 'budget lines', 'tervez*', 'planificación', 'planung'] },
  { signal: 'knowledge', label: 'shares knowledge', patterns: ['retro is up', 'retro is out', 'postmortem is up', 'postmortem is out', 'post mortem is up', 'rca is up', 'rca is out', 'write up is up', 'kb article', 'knowledge base', 'how to read', 'worked example*', 'explained', 'how our', 'how it works', 'actually works', 'wrote up', 'written up', 'write up', 'deep dive', 'explainer', 'learned', 'lessons', 'knowledge', 'diagrams', 'documented'] },
  // ---- daily operations
  // "Ya revisé la propuesta, dejé dos comentarios": a review done, not a proposal shared.
  { signal: 'review', label: 'asks for a review', patterns: ['revisé ~ propuesta', 'dejé ~ comentarios', 'dejé un comentario', 'j ai relu ~ proposition', 'ich habe ~ kommentare hinterlassen'], masks: ['proposal', 'comments'] },
  { signal: 'review', label: 'asks for a review', patterns: ['comments on the pr', 'comments on your pr', 'comments on the mr', 'left a few comments', 'left some comments', 'left comments', 'left two comments', 'left three comments'], masks: ['comments'] },
  { signal: 'review', label: 'asks for a review', patterns: ['pr', 'prs', 'pull request', 'review', 'merged', 'merge', 'lgtm', 'approve', 'approved', 'rebase', 'diff', 'github com', 'dependabot', 'revisé', 'aprobé', 'lo apruebo', 'echarle un vistazo', 'échale un vistazo', 'jeter un œil', 'drüberschauen', 'draufschauen', 'ránéz*', 'átnéz*'] },
  { signal: 'question', label: 'is a small question', patterns: ['quick question', 'quick q', 'what s the ~ called', 'whats the ~ called', 'keep losing it', 'kleine frage', 'quelqu un sait', 'savez vous', 'je ne le retrouve plus', 'je ne la retrouve plus', 'je ne trouve plus', 'quick one', 'cant find it', 'cannot find it', 'which dashboard', 'which board', 'kurze frage', 'petite question', 'pregunta', 'kérdés*', 'anyone know', 'does anyone', 'where do', 'where is', 'how do', 'who knows', 'wer kümmert', 'quelqu un sait', 'alguien sabe', 'again?', 'question', 'quick decision', 'reply here', 'hol van', 'hol találom', 'valaki tudja', 'tudja valaki', 'weiß jemand', 'wo finde ich', 'wo ist', 'dónde está', 'dónde encuentro', 'où est', 'où trouver', 'where can i find', 'where do i find'] },
  { signal: 'update', label: 'is a status update', patterns: ['update', 'status', 'finished', 'done', 'shipped', 'deployed', 'released', 'is live', 'went out', 'changelog', 'handing over', 'handover', 'handoff', 'hand off', 'fertig', 'feltöltöttem', 'riport', 'report', 'weekly', 'is on main', 'green', 'rollout', 'closing', 'closed', 'completed', 'uploaded', 'swapping', 'is updated', 'migrated', 'moved', 'renamed', 'kész', 'terminé', 'listo', 'abgeschlossen', 'erledigt', 'completado', 'completada', 'terminado', 'terminée', 'befejeződött', 'befejeztük'] },
  { signal: 'thanks', label: 'is a short acknowledgement', patterns: ['thanks', 'thank you', 'thx', 'ty', 'ok', 'okay', 'lgtm', 'merged', 'done', 'ack', 'noted', 'cheers', 'köszi', 'danke', 'gracias', 'merci', 'ping', 'ping?', 'kk', 'sure', 'yes', 'nope'] },
  { signal: 'support', label: 'is a support request', patterns: ['ticket', 'tickets', 'zd', 'zendesk', 'jira', 'bug', 'repro', 'screenshot', 'invoice', 'invoices', 'refund', 'customer asks', 'customer reports', 'customer wants', 'customer says', 'customer asked', 'explained', 'demande', 'fragt', 'pregunta si', 'kérdezi', 'asks if', 'feature request', 'workaround', 'rechnung*', 'factura', 'facture', 'számla*', 'jegy*', 'qa', 'export', 'csv', 'vat', 'access', 'password', 'creds', '1password', 'reset the mfa', 'reset my mfa', 'reset the 2fa', 'reset my 2fa', 'mfa reset'] },
  { signal: 'request', label: 'asks someone to do something', patterns: ['schicken', 'senden', 'enviar', 'envoyer', 'küld*', 'can someone', 'could someone', 'can you', 'could you', 'can u', 'please', 'pls', 'plz', 'who can', 'anyone', 'send me', 'add', 'help', 'kérlek', 'bitte', 'por favor', 's il vous plaît', 'merci de'] },
  { signal: 'fyi', label: 'is an FYI', patterns: ['fyi', 'heads up', 'reminder', 'note', 'maintenance', 'karbantartás', 'wartung', 'mantenimiento', 'announcement', 'timesheet*', 'zur info', 'para tu información', 'pour info', 'new', 'is up', 'is out'] },
  { signal: 'feedback', label: 'is feedback', patterns: ['feedback', 'survey', 'confused', 'confusing', 'loved it', 'great offsite', 'thanks all for', 'thanks everyone', 'kudos', 'shoutout', 'shout out', 'advisory panel', 'customer advisory', 'brought it up', 'without being asked', 'user interviews', 'in interviews', 'focus group', 'usability test*'] },
  { signal: 'ci', label: 'is about CI or tooling', patterns: ['ci', 'build', 'pipeline', 'eslint', 'npm', 'lint', 'tests', 'spec', 'main', 'branch', 'rebase', 'staging', 'docker', 'helm chart', 'terraform'] },
  // ---- priority flags
  { signal: 'urgentWord', label: 'asks for it soon', patterns: ['urgent', 'urgently', 'asap', 'eod', 'end of day', 'today', 'tonight', 'right away', 'before lunch', 'first day today', 'now', 'immediately', 'dringend', 'urgente', 'sürgős', 'this afternoon', 'visitor is at reception', 'blocked', 'sofort'], negatable: true },
  {
    signal: 'important',
    label: 'matters to customers or goals',
    patterns: [
      'customer', 'customers', 'client', 'clients', 'account', 'accounts', 'renewal', 'churn*', 'contract', 'legal', 'security', 'hiring',
      'candidate', 'interview', 'new hire', 'board', 'investors', 'investor', 'ceo', 'cfo', 'cto', 'revenue', 'deal', 'seats', 'budget',
      'decision', 'decide', 'reorg', 'kickoff', 'agency', 'qbr', 'strategy', 'roadmap', 'gdpr', 'compliance', 'audit', 'pricing', 'sso',
      'kunde', 'kunden', 'kundentermin', 'cliente', 'clientes', 'ügyfél*', 'vásárló*', 'szerződés*', 'angebot', 'ajánlat*', 'presupuesto',
      'recrutement', 'contratación', 'vertrag*', 'contrato', 'contrat', 'partner', 'auditors', 'soc2', 'launch', 'migration', 'objectives', 'objetivos', 'goals', 'okrs', 'execs',
      'globex', 'initech', 'hooli', 'acme', 'umbrella', 'wayne', 'stark', 'wonka', 'cyberdyne', 'soylent', 'vandelay', 'pied piper',
      'dunder mifflin', 'pro customer', 'enterprise', 'all hands', 'company', 'onboarding', 'incident', 'outage', 'postmortem', 'retro',
      'rfc', 'architecture', 'new hire', 'first day', 'maintenance', 'deadline', 'sev1', 'sev2', 'data', 'payments', 'invoice', 'vat',
      'renew', 'procurement', 'dpa', 'webinar', 'pilot', 'vp', 'head of', 'director', 'walk them through', 'walk their', 'competitor', 'competitors',
      'sla', 'kpi', 'fire warden', 'first aid',
    ],
  },
  {
    signal: 'trivial',
    label: 'is a small thing',
    patterns: [
      'typo', 'one line', 'small', 'minor', 'tiny', 'wifi', 'dark mode', 'logo', 'emoji', 'snacks', 'no rush', 'not urgent',
      'quick one', 'nit', 'cosmetic', 'tooltip', 'cut off', 'overlaps', 'alignment', 'misaligned', 'padding', 'css', 'color', 'colour', 'copy',
      'wording', 'font',
    ],
  },
  {
    signal: 'routine',
    label: 'is routine logistics',
    patterns: [
      'moved to', 'moving', 'same link', 'link changed', 'new link', 'rescheduled', 'pushing', 'dry run', 'optional', 'cameras optional',
      'planning poker', 'standup link', 'instead of this', 'copy', 'virtual coffee', 'haven t caught up', 'design review', 'venue', 'flaky',
      'staging', 'internal', 'changelog', 'release notes', 'rollout at', 'swag', 'passes', 'tickets', 'booth duty', 'logistics', 'bus leaves',
      'praise', 'meme', 'typo', 'footer',
    ],
  },
  { signal: 'deadline', label: 'has a deadline', patterns: ['by friday', 'by fri', 'by monday', 'by eod', 'by end of', 'before the', 'by the', 'deadline', 'due', 'until', 'bis', 'hasta', 'd ici', 'végéig', 'ig'] },
  // "Back from the offsite": the event is over, what is left is catching up.
  {
    signal: 'past_ref',
    label: 'looks back',
    patterns: ['back from', 'got back from', 'home from', 'returned from', 'zurück vom', 'zurück von', 'de vuelta de', 'de retour de'].flatMap((back) =>
      ['offsite', 'off site', 'retreat', 'conference', 'conf', 'summit', 'kubecon', 'workshop', 'seminar', 'meetup', 'trade show', 'expo', 'hackathon', 'trip', 'customer visit', 'site visit', 'konferenz', 'conferencia', 'conférence', 'séminaire'].map((event) => `${back} ~ ${event}`),
    ),
    masks: ['offsite', 'event', 'travel', 'social'],
  },
  // Notes of a call that happened: no call to join.
  { signal: 'past_ref', label: 'looks back', patterns: ['call recap', 'call notes', 'call summary', 'meeting recap', 'meeting notes', 'meeting summary', 'sync notes', 'notes from the call', ...['feedback from', 'takeaways from', 'learnings from'].flatMap((from) => ['qbr', 'call', 'meeting', 'demo', 'sync', 'review'].map((meeting) => `${from} ~ ${meeting}`)), 'from the call', 'after the call', 'on yesterday s call'], masks: ['call', 'meeting'] },
  { signal: 'past_ref', label: 'looks back', patterns: ['thanks all for a great', 'thanks for a great', 'was great', 'went well', 'last year', 'recap', 'photos from', 'thanks everyone', 'was a blast', 'who came', 'thanks for coming', 'went fine', 'winners announced', 'back from the', 'back from my', 'got back from', 'receipts from', 'expense report*', 'travel expense*', 'expense', 'expenses', 'expense claim*', 'reimburse*', 'was the bomb', 'was amazing', 'was awesome', 'was fantastic', 'was brilliant', 'reisekosten*', 'gastos de viaje', 'frais de déplacement', 'note de frais', 'notes de frais', 'útiköltség*'] },
];
