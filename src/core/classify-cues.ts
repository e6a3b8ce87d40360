/**
 * The phrase families the classifier looks for, as data. Each cue feeds one signal; scoring
 * (classify-score.ts) weighs signals per area. Families are written for meaning, not for single
 * sentences: several phrasings, typos people make, and the common words in de/es/fr/hu.
 *
 * Pattern syntax, matched against tokens (see classify-text.ts, so `can't` is `cant`):
 *   `word`        one exact token
 *   `word*`       a token starting with `word` (inflections: `crash*` is crashes, crashing, crashed)
 *   `a b`         consecutive tokens
 *   `a ~ b`       `b` within four tokens after `a` (`cant ~ login` covers "can't even log in")
 * A cue marked `negatable` counts as negated when a negator sits up to three tokens before it.
 */

export const SIGNALS = [
  // emergency evidence
  'severe', 'incident', 'symptom', 'down', 'scope', 'blocked', 'live', 'prod', 'customer', 'action', 'security', 'drill',
  // what takes an alarm word back
  'past', 'resolved', 'doc', 'casual', 'praise', 'limited', 'calm', 'hypothetical',
  // meetings
  'call', 'meeting', 'callLink', 'talk', 'soon',
  // in-person
  'event', 'social', 'travel', 'inPerson', 'absence',
  // deep work
  'proposal', 'strategy', 'decision', 'comments', 'hub', 'planning', 'knowledge',
  // daily operations
  'review', 'question', 'update', 'thanks', 'support', 'request', 'fyi', 'feedback', 'ci',
  // flags
  'urgentWord', 'important', 'trivial', 'deadline', 'past_ref',
  // matched only to hide other cues ("on call" is not a call)
  'masked',
] as const;
export type Signal = (typeof SIGNALS)[number];

export interface Cue {
  signal: Signal;
  /** Reason shown to people when this cue decides the verdict. */
  label: string;
  patterns: string[];
  negatable?: boolean;
  /** Cues of these signals that start inside this cue's match are ignored ("api call" is no call). */
  masks?: Signal[];
}

export const CUES: Cue[] = [
  // ---- emergency: the incident itself
  {
    signal: 'severe',
    label: 'reads like a live incident',
    patterns: [
      'sev1', 'sev0', 'sev 1', 'sev 0', 'p0', 'not a drill', 'war room', 'incident bridge', 'bridge is open', 'all hands on deck',
      'crashloopbackoff', 'nothing is serving', 'nothing works', 'fell over', 'fallen over', 'borked', 'hosed', 'on fire in prod',
      'everything is broken', 'everything broke', 'everything is down', 'all down', 'total outage', 'full outage', 'major outage',
      'incident en cours', 'se cayó', 'se cayo', 'se ha caído', 'se ha caido', 'está caída', 'está caído', 'esta caida', 'esta caido',
      'leállt', 'halott', 'en panne', 'hors service', 'ausgefallen', 'ist down', 'komplett down', 'totalausfall', 'störung',
    ],
  },
  { signal: 'severe', label: 'mentions data loss', patterns: ['data loss', 'lost data', 'lost customer data', 'lost real customer data', 'losing data', 'data is gone', 'everything since', 'is gone', 'are gone', 'hard deleting', 'deleting active', 'dropped the', 'wiped', 'datenverlust', 'pérdida de datos', 'perte de données', 'adatvesztés'] },
  {
    signal: 'security',
    label: 'mentions a security breach',
    patterns: [
      'breach', 'breached', 'ransomware', 'ransom', 'ddos', 'hacked', 'compromised', 'account takeover', 'leaked', 'leak', 'leaking',
      'exposed', 'phishing', 'malware', 'stolen', 'intrusion', 'unauthorized', 'unauthorised', 'signed into', 'logged into', 'secret key',
      'api key', 'aws keys', 'credentials', 'private dashboards', 'crawler', 'angriff', 'gehackt', 'hackeado', 'piratage', 'piraté',
      'feltörték', 'encrypted', 'other customers', 'unencrypted',
    ],
  },
  { signal: 'incident', label: 'mentions an outage', patterns: ['outage', 'outages', 'incident', 'incidents', 'sev', 'sev2', 'sev3', 'emergency', 'emergencies', 'notfall', 'urgence', 'vészhelyzet', 'emergencia', 'caída', 'caida', 'panne', 'ausfall', 'leállás'], negatable: true },
  {
    signal: 'down',
    label: 'says something is down',
    patterns: ['is down', 'are down', 'went down', 'goes down', 'gone down', 's down', 'is donw', 'down for', 'down again', 'completely down', 'totally down', 'fully down', 'down?', 'down!', 'site down', 'app down', 'api down', 'prod down', 'db down', 'down right now'],
    negatable: true,
  },
  {
    signal: 'symptom',
    label: 'reports failing requests',
    patterns: [
      '500', '502', '503', '504', '500s', '502s', '503s', '504s', '5xx', '404s', 'error rate', 'errors', 'erroring', 'failing', 'fails', 'fail',
      'failures', 'crash*', 'timeout*', 'timing out', 'times out', 'unreachable', 'unresponsive', 'not responding', 'not reachable',
      'not loading', 'doesnt load', 'wont load', 'does not load', 'blank page', 'white page', 'blank unstyled', 'broken for', 'stuck',
      'evicting', 'rejects', 'rejecting', 'throwing', 'bad gateway', 'fatal', 'accessdenied', 'access denied', 'splash screen',
      'thrown back', 'keeps', 'nonstop', 'growing', 'zero results', 'double charg*', 'charged twice', 'captured twice', 'refunding',
      'paid out', 'dead', 'died', 'latency', 'barely loads', 'melting', 'spiking', 'spike', 'degraded', 'timeouts', 'wrong column',
      'nicht erreichbar', 'fehlermeldungen', 'fehler', 'lädt endlos', 'endlos', 'no responde', 'no carga', 'no funciona', 'no cargan',
      'inaccesible', 'inaccessible', 'erreur', 'erreurs', 'plante', 'nem működik', 'nem elérhető', 'hibát', 'hiba', 'dob', 'funktioniert nicht',
      'geht nicht', 'nicht mehr', 'keine bestellungen', 'fallan', 'falla', 'fallando', 'rechaza',
    ],
  },
  {
    signal: 'scope',
    label: 'affects everyone',
    patterns: [
      'everyone', 'every user', 'every users', 'all users', 'every page', 'every request', 'every customer', 'all customers', 'all tenants',
      'every account', 'all accounts', 'for all', 'nobody', 'no one', 'noone', 'none of', 'no customer', 'no sign', 'every api', 'every pod',
      'every search', 'every file', 'every card', 'all outgoing', 'for anyone', 'any document', 'all of them', 'whole', 'entire', '100%',
      'for everyone', 'all affected', 'every static', 'every logged', 'for every', 'zero', 'any page', 'all clients', 'every single',
      'senki', 'egyetlen', 'minden', 'mindenki', 'nadie', 'ningún', 'ningun', 'ninguno', 'todos los', 'alle kunden', 'alle', 'keiner',
      'niemand', 'plus aucun', 'aucun', 'tous les', 'personne', 'todo',
    ],
  },
  {
    signal: 'blocked',
    label: 'users are blocked',
    patterns: [
      'cant ~ log', 'cant ~ login', 'cant ~ sign', 'cant ~ pay', 'cant ~ access', 'cant ~ conect', 'cant ~ connect', 'cant ~ open',
      'cant ~ attach', 'cant ~ checkout', 'cant ~ complete', 'cant ~ use', 'cant ~ get', 'cant ~ load', 'cannot ~ log', 'cannot ~ access',
      'cannot ~ pay', 'unable to', 'locked out', 'no sign up has completed', 'has completed', 'can no longer', 'customers blocked',
      'users blocked', 'kick*', 'können ~ keine', 'können ~ nicht', 'kommt mehr', 'kann sich', 'no pueden', 'no puede', 'nem tud',
      'nem tudnak', 'sem tud', 'ne peut', 'ne peuvent', 'ne peut plus', 'impossible de', 'doesnt get past', 'cant get', 'cant even',
      'no payouts', 'zero payouts', 'processed since', 'none ~ can', 'nobody ~ can', 'no one ~ can', 'noone ~ can', 'no customer ~ can',
      'no user ~ can', 'not a single', 'nobody is able', 'no one is able',
    ],
  },
  {
    signal: 'live',
    label: 'is happening right now',
    patterns: [
      'right now', 'now', 'currently', 'since', 'still', 'ongoing', 'in progress', 'as we speak', 'ago', 'past hour', 'last hour',
      'this morning', 'minutes', 'min', 'mins', 'just', 'keeps', 'still going', 'still happening', 'gerade', 'seit', 'desde', 'hace',
      'ahora', 'depuis', 'maintenant', 'en cours', 'óta', 'perce', 'órája', 'azonnal', 'jelenleg', 'sofort',
    ],
  },
  {
    signal: 'prod',
    label: 'affects production',
    patterns: [
      'prod', 'production', 'prd', 'prdo', 'prods', 'live site', 'api', 'app', 'apps', 'site', 'website', 'web shop', 'webshop', 'shop',
      'checkout', 'payments', 'payment', 'login', 'log in', 'sign in', 'sign ups', 'db', 'database', 'cluster', 'server', 'servers', 'service',
      'cdn', 'queue', 'dns', 'api gw', 'pods', 'primary', 'produktion', 'produktionsdatenbank', 'producción', 'produccion', 'servidor',
      'pasarela', 'éles', 'rendszer', 'fizetés', 'le site', 'plateforme', 'warenkorb', 'webhooks', 'ios', 'android',
    ],
  },
  {
    signal: 'customer',
    label: 'affects customers',
    patterns: ['customers', 'users', 'clients', 'tenants', 'accounts', 'kunden', 'clientes', 'ügyfelek', 'ügyfél', 'felhasználók', 'vásárló', 'client', 'utilisateurs', 'every user', 'logged in user'],
  },
  {
    signal: 'action',
    label: 'asks for hands now',
    patterns: [
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
    patterns: ['api call', 'function call', 'cold call', 'cold calls', 'judgment call', 'judgement call', 'close call', 'tough call', 'your call', 'good call', 'the call is yours', 'calls to', 'calls the', 'api calls'],
    masks: ['call'],
  },
  // ---- what takes the alarm back
  { signal: 'drill', label: 'is a drill or a test', patterns: ['fire alarm*', 'fire drill', 'drill', 'testing the', 'alarm test', 'no evacuation'], negatable: true },
  {
    signal: 'past',
    label: 'talks about a past incident',
    patterns: [
      'yesterday', 'yesterdays', 'last week', 'last weeks', 'last month', 'last months', 'in march', 'from this morning', 'earlier today',
      'two weeks ago', 'previous', 'tegnap', 'gestern', 'ayer', 'hier', 'the 14 may', 'from yesterday', 'tuesdays', 'mays',
    ],
  },
  {
    signal: 'resolved',
    label: 'says it is resolved',
    patterns: ['resolved', 'is fixed', 'are fixed', 'fixed', 'back to normal', 'recovered', 'all clear', 'is over', 'closing it', 'closed', 'can sign in again', 'again', 'working again', 'mitigated', 'behoben', 'resuelto', 'résolu', 'megoldva'],
  },
  {
    signal: 'doc',
    label: 'is a document about it',
    patterns: [
      'postmortem', 'post mortem', 'retro', 'retros', 'retrospective', 'rca', 'root cause', 'follow ups', 'followups', 'action items',
      'runbook', 'playbook', 'severity levels', 'write up', 'wrote up', 'writeup', 'review', 'report', 'doc', 'document', 'lessons',
      'contributing factors', 'template', 'templates', 'process',
    ],
  },
  { signal: 'casual', label: 'uses an alarm word casually', patterns: ['coffee', 'printer', 'kitchen', 'snack*', 'lol', 'ish', 'jk', 'haha', 'milk', 'frother', 'oat', 'pizza', 'cake', 'fridge', 'plants', 'parking', 'toner', 'jammed', 'wifi', 'guest wifi', 'donuts', 'lunch'] },
  { signal: 'praise', label: 'uses "fire" as praise', patterns: ['is fire', 'killer feature', 'killed it', 'crushed it', 'on fire', 'nailed it', 'great work', 'great job', 'love', 'loved', 'amazing', 'awesome'] },
  {
    signal: 'limited',
    label: 'affects only one person or a test system',
    patterns: [
      'staging', 'stage', 'dev env', 'local', 'locally', 'just me', 'only me', 'for me', 'or just me', 'my laptop', 'my vpn', 'one customer',
      'a customer', 'one user', 'single user', 'flaky', 'ci', 'the build', 'build', 'tests', 'spec', 'merges are blocked', 'preview',
      'one account', 'for one', 'slow', 'my staging', 'my pr', 'vpn', 'e2e', 'not blocking', 'workaround', 'they can', 'no blockers',
    ],
  },
  {
    signal: 'calm',
    label: 'says it can wait',
    patterns: ['not urgent', 'no rush', 'nothing burning', 'not a fire', 'when you get a chance', 'when you get a sec', 'when u get a sec', 'rien d urgent', 'nicht dringend', 'no es urgente', 'nem sürgős', 'not time sensitive', 'whenever', 'no hurry', 'low priority', 'could wait', 'can wait', 'nothing to do now'],
  },
  { signal: 'hypothetical', label: 'is about what could happen', patterns: ['what if', 'could', 'would', 'might', 'if we', 'in case', 'tabletop', 'simulation', 'game day', 'chaos'] },
  // ---- meetings
  {
    signal: 'call',
    label: 'asks for a call',
    patterns: [
      'call', 'call?', 'calls', 'video call', 'videocall', 'phone call', 'quick call', 'hop on', 'jump on', 'get on a call', 'huddle', 'huddles',
      'zoom', 'zoom us', 'meet link', 'google meet', 'meet google', 'teams call', 'webex', 'dial in', 'one on one', '1 1', 'standup', 'stand up',
      'interview', 'podcast', 'livestream', 'webinar', 'screen sharing', 'screenshare', 'waiting room', 'telefonieren', 'anruf', 'videokonferenz',
      'telko', 'llamada', 'videollamada', 'hívás*', 'videóhívás*', 'telefon*', 'appel', 'visio*', 'riverside', 'teams livestream',
    ],
    negatable: true,
  },
  {
    signal: 'meeting',
    label: 'asks for a meeting',
    patterns: [
      'meeting', 'meetings', 'meet', 'invite', 'invites', 'agenda', 'sync', 'demo', 'kickoff', 'kick off', 'qbr', 'walk through',
      'walkthrough', 'review call', 'sync up', 'catch up', 'catchup', 'besprechung', 'termin', 'reunión', 'reunion', 'réunion',
      'megbeszél*', 'meghívó', 'invitation', 'einladung', 'invitación', 'all hands', 'cameras', 'recording', 'dial', 'join the call',
    ],
    negatable: true,
  },
  {
    signal: 'call',
    label: 'asks for a quick chat',
    patterns: ['free for', 'got a minute', 'got a min', 'got a sec', 'have a minute', 'have a sec', 'got 5', 'got 10', 'have 5', 'have 10', 'you around', 'u around', 'quick chat', 'quick sync', 'ráérsz', 'hast du kurz', 'tienes un minuto', 't as 5 min', 'tu as 5 min'],
    negatable: true,
  },
  { signal: 'callLink', label: 'shares a call link', patterns: ['zoom us', 'meet google', 'teams microsoft', 'whereby', 'webex com', 'around co'] },
  { signal: 'talk', label: 'wants to talk it through', patterns: ['talk', 'talk through', 'rather talk', 'easier to explain', 'faster to talk', 'a slot', 'slot', 'jump in', 'beszélni', 'átbeszélni', 'hablar', 'parler', 'sprechen', 'durchgehen', 'explain'], negatable: true },
  { signal: 'soon', label: 'starts soon', patterns: ['now', 'in 5', 'in 10', 'in 15', 'in a few', 'in 5 min', 'today', 'this afternoon', 'tonight', 'asap', 'right away', 'free for', 'at 30', 'few min', 'ma', 'heute', 'hoy', 'aujourd', 'délután', 'before my', 'in an hour', 'starting'] },
  // ---- in person
  {
    signal: 'event',
    label: 'is an in-person event',
    patterns: [
      'offsite', 'off site', 'retreat', 'conference', 'conferences', 'conf', 'summit', 'kubecon', 'devopsdays', 'saastr', 're invent', 'reinvent',
      'meetup', 'trade show', 'tradeshow', 'expo', 'booth', 'hackathon', 'seminar', 'workshop', 'onboarding week', 'save the date',
      'festival', 'lunch learn', 'team event', 'teamevent', 'sommerfest', 'weihnachtsfeier', 'betriebsausflug', 'ausflug', 'konferenz',
      'tagung', 'firmenfeier', 'conferencia', 'congreso', 'excursión', 'excursion', 'team building', 'teambuilding', 'csapatépítő*',
      'konferenci*', 'kirándul*', 'rendezvény*', 'séminaire', 'seminaire', 'conférence', 'salon', 'jsconf', 'webinar in person', 'roadshow',
      'company trip', 'field trip', 'all hands in person',
    ],
  },
  {
    signal: 'social',
    label: 'is a team get-together',
    patterns: [
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
    patterns: ['in person', 'on site', 'onsite', 'at the office', 'office', 'hq', 'headquarters', 'studio', 'vor ort', 'büro*', 'oficina', 'sur place', 'présentiel', 'en personne', 'iroda*', 'személyesen', 'presencial', 'floor', 'desks', 'at their', 'leaves the office', 'in the office'] },
  { signal: 'absence', label: 'is an out-of-office note', patterns: ['out tomorrow', 'out today', 'ooo', 'pto', 'vacation', 'sick', 'day off', 'im out', 'i m out', 'covers my', 'school play', 'doctor', 'urlaub', 'vacaciones', 'congé', 'szabadság'] },
  // ---- deep work
  {
    signal: 'proposal',
    label: 'is a proposal or design doc',
    patterns: [
      'rfc', 'rfc*', 'adr', 'adr*', 'proposal', 'propose', 'proposed', 'proposing', 'design doc', 'design document', 'one pager', 'memo',
      'whitepaper', 'white paper', 'draft', 'entwurf', 'vorschlag', 'konzept', 'propuesta', 'documento de diseño', 'javaslat*',
      'proposition', 'note de cadrage', 'cadrage', 'richtlinie', 'policy', 'guideline*', 'spec', 'architecture review', 'architecture',
      'brainstorm', 'conventions', 'principles', 'framework', 'documento', 'dokumentum*', 'tervezet', 'koncepció',
    ],
  },
  { signal: 'strategy', label: 'is about strategy and planning', patterns: ['strategy', 'strategic', 'vision', 'roadmap', 'okr', 'okrs', 'h1', 'h2', 'q1', 'q2', 'q3', 'q4', 'hiring plan', 'migration plan', 'budget', 'pricing', 'upmarket', 'bets', 'objectives', 'competitive', 'teardown', 'research', 'annual', 'long term', 'strategie', 'estrategia', 'stratégi*', 'stratégie', 'hoja de ruta', 'feuille de route', 'series b', 'plan', 'sunset', 'deprecate', 'migrate'] },
  { signal: 'decision', label: 'asks for a decision', patterns: ['decision', 'decide', 'decided', 'options', 'option', 'recommend', 'recommendation', 'recommendations', 'rationale', 'alternatives', 'trade offs', 'tradeoffs', 'pros and cons', 'objections', 'entscheiden', 'entscheidung', 'decisión', 'decidir', 'döntés*', 'döntünk', 'décision', 'décider'] },
  {
    signal: 'comments',
    label: 'asks for written comments over days',
    patterns: [
      'comments by', 'comment by', 'comments welcome', 'comments open', 'comment in', 'comments in', 'async review', 'async comments', 'written thoughts',
      'read it when', 'over the next', 'poke holes', 'feedback welcome', 'add your pick', 'as a comment', 'in the doc', 'your input', 'comments',
      'kommentieren', 'kommentare', 'comentarios', 'commenter', 'commentaires', 'relire', 'véleményeteket', 'véleményeket', 'vélemény*',
      'por escrito', 'par écrit', 'schriftlich', 'discuss async', 'async first', 'no meeting needed', 'settle it', 'eyes on',
    ],
  },
  { signal: 'hub', label: 'is for the hub', patterns: ['hub', 'hubban', 'hubba', 'wiki', 'confluence', 'notion', 'notion so', 'docs', 'in the hub', 'im hub', 'en el hub'] },
  { signal: 'planning', label: 'is planning work', patterns: ['planning', 'plan', 'plans', 'quarterly', 'next quarter', 'next year', 'h2', 'roadmap', 'hiring', 'headcount', 'budget lines', 'tervez*', 'planificación', 'planung'] },
  { signal: 'knowledge', label: 'shares knowledge', patterns: ['how our', 'how it works', 'actually works', 'wrote up', 'written up', 'write up', 'deep dive', 'explainer', 'learned', 'lessons', 'knowledge', 'diagrams', 'documented'] },
  // ---- daily operations
  { signal: 'review', label: 'asks for a review', patterns: ['pr', 'prs', 'pull request', 'review', 'merged', 'merge', 'lgtm', 'approve', 'approved', 'rebase', 'diff', 'github com', 'dependabot', 'revisé', 'aprobé', 'lo apruebo'] },
  { signal: 'question', label: 'is a small question', patterns: ['quick question', 'quick one', 'kurze frage', 'petite question', 'pregunta', 'kérdés*', 'anyone know', 'does anyone', 'where do', 'where is', 'how do', 'who knows', 'wer kümmert', 'quelqu un sait', 'alguien sabe', 'again?', 'question'] },
  { signal: 'update', label: 'is a status update', patterns: ['update', 'status', 'finished', 'done', 'shipped', 'deployed', 'released', 'is live', 'went out', 'changelog', 'handing over', 'handover', 'handoff', 'hand off', 'fertig', 'feltöltöttem', 'riport', 'report', 'weekly', 'is on main', 'green', 'rollout', 'closing', 'closed', 'completed', 'migrated', 'moved', 'renamed', 'kész', 'terminé', 'listo'] },
  { signal: 'thanks', label: 'is a short acknowledgement', patterns: ['thanks', 'thank you', 'thx', 'ty', 'ok', 'okay', 'lgtm', 'merged', 'done', 'ack', 'noted', 'cheers', 'köszi', 'danke', 'gracias', 'merci', 'ping', 'ping?', 'kk', 'sure', 'yes', 'nope'] },
  { signal: 'support', label: 'is a support request', patterns: ['ticket', 'tickets', 'zd', 'zendesk', 'jira', 'bug', 'repro', 'screenshot', 'invoice', 'invoices', 'refund', 'customer asks', 'customer reports', 'customer wants', 'asks if', 'feature request', 'workaround', 'rechnung*', 'factura', 'facture', 'számla*', 'jegy*', 'qa', 'export', 'csv', 'vat', 'access', 'password', 'creds', '1password'] },
  { signal: 'request', label: 'asks someone to do something', patterns: ['can someone', 'could someone', 'can you', 'could you', 'can u', 'please', 'pls', 'plz', 'who can', 'anyone', 'send me', 'add', 'help', 'kérlek', 'bitte', 'por favor', 's il vous plaît', 'merci de'] },
  { signal: 'fyi', label: 'is an FYI', patterns: ['fyi', 'heads up', 'reminder', 'note', 'psa', 'announcement', 'zur info', 'para tu información', 'pour info', 'new', 'is up', 'is out'] },
  { signal: 'feedback', label: 'is feedback', patterns: ['feedback', 'survey', 'confused', 'confusing', 'loved it', 'great offsite', 'thanks all for', 'thanks everyone', 'kudos', 'shoutout', 'shout out'] },
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
      'prod', 'production', 'release', 'kunde', 'kunden', 'cliente', 'clientes', 'ügyfél*', 'vásárló*', 'szerződés*', 'angebot', 'partner',
      'globex', 'initech', 'hooli', 'acme', 'umbrella', 'wayne', 'pro customer', 'all hands', 'company', 'everyone', 'onboarding',
    ],
  },
  { signal: 'trivial', label: 'is a small thing', patterns: ['typo', 'one line', 'small', 'minor', 'tiny', 'wifi', 'password', 'dark mode', 'logo', 'emoji', 'lunch', 'snacks', 'no rush', 'not urgent', 'quick one', 'nit', 'cosmetic'] },
  { signal: 'deadline', label: 'has a deadline', patterns: ['by friday', 'by fri', 'by monday', 'by eod', 'by end of', 'before the', 'by the', 'deadline', 'due', 'until', 'bis', 'hasta', 'd ici', 'végéig', 'ig'] },
  { signal: 'past_ref', label: 'looks back', patterns: ['thanks all for a great', 'thanks for a great', 'was great', 'went well', 'last year', 'recap', 'photos from', 'thanks everyone'] },
];
