/**
 * How good is the classifier? 10-fold cross-validation over the development corpus plus our own
 * labelled cases: the learned part is retrained on nine folds and scored on the tenth; the
 * hand-written rules are the same in every fold and were written with these messages in view.
 * Also: a cross-author check (learned part trained on our cases only, scored on the corpus), the
 * shipped model on the corpus it was trained on (optimistic, for reference), and each round of our
 * own cases.
 *
 * `node dist/bench/classify-quality.bench.js --write-model` retrains the shipped model
 * (src/core/classify-bayes-model.json) from the corpus and our cases, and prints nothing else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { classify } from '../src/core/classify';
import { compileBayes, formatBayesCounts } from '../src/core/classify-bayes';
import { crossValidate, evaluate, formatReport, parseLabelled, trainOn, type LabelledMessage, type QualityReport } from '../src/core/classify-eval';
import type { Verdict } from '../src/core/verdict';
import { emit } from './lib/stats';

const K = 10;
const ROOT = path.resolve(__dirname, '..', '..');
const DEV = path.resolve(ROOT, '..', 'shared', 'corpus', 'dev.jsonl');
const EXTRA = path.resolve(ROOT, 'test', 'fixtures', 'classifier-extra.jsonl');
const MODEL = path.resolve(ROOT, 'src', 'core', 'classify-bayes-model.json');
const GOALS = { macroF1: 0.85, emergencyRecall: 0.97, emergencyPrecision: 0.9 };

// Our own cases came in rounds; the letters of each id say which (see the note on each line of the fixture).
const ROUNDS: Array<[prefix: string, what: string]> = [
  ['x', 'written before any rule'],
  ['y', 'round 1'],
  ['z', 'round 2'],
  ['w', 'round 3'],
  ['v', 'round 4'],
  ['u', 'round 5'],
  ['t', 'round 6 (final check)'],
  ['s', 'round 7 (written blind by another author)'],
  ['r', "round 8 (written blind, in the corpus author's style)"],
  ['p', 'round 9 (written blind by two authors, in the corpus style)'],
  ['o', 'round 10 (written blind by two more authors, in the corpus style)'],
  ['n', 'round 11 (written blind: the whole company, and short messy messages)'],
  ['m', "round 12 (written blind: a sister set of the corpus, and the emergency boundary)"],
  ['l', 'round 13 (written blind: two more sister sets of the corpus)'],
  ['k', 'round 14 (written blind: two more sister sets of the corpus)'],
  ['j', 'round 15 (written blind: two more sister sets of the corpus)'],
  ['i', 'round 16 (written blind: two more sister sets of the corpus)'],
  ['h', 'round 17 (written blind: two more sister sets of the corpus)'],
  ['g', 'round 18 (written blind: two more sister sets of the corpus)'],
  ['f', 'round 19 (written blind: two more sister sets of the corpus)'],
  ['e', 'round 20 (written blind: two more sister sets of the corpus)'],
  ['c', 'round 21 (written blind: two more sister sets of the corpus)'],
  ['a', 'round 22 (written blind: two more sister sets of the corpus)'],
  ['b', 'round 23 (written blind: two more sister sets of the corpus)'],
  ['q', 'round 24 (written blind: two more sister sets of the corpus)'],
  ['ab', 'round 25 (written blind: two more sister sets of the corpus)'],
  ['ac', 'round 26 (written blind: a sister set, and one leaning on the hardest distinctions)'],
  ['ad', 'round 27 (written blind: two more sister sets of the corpus)'],
  ['ae', 'round 28 (written blind: two more sister sets of the corpus)'],
  ['af', 'round 29 (written blind: two more sister sets of the corpus)'],
  ['ag', 'round 30 (written blind: two more sister sets of the corpus)'],
  ['ah', 'round 31 (written blind: two more sister sets of the corpus)'],
  ['ai', 'round 32 (written blind: a sister set, and one in eight other workplaces)'],
  ['aj', "round 33 (written blind: a sister set, and one in a company's non-engineering teams)"],
  ['ak', 'round 34 (written blind: two more sister sets of the corpus)'],
  ['al', 'round 35 (written blind: two more sister sets of the corpus)'],
  ['am', 'round 36 (written blind: two more sister sets of the corpus)'],
  ['an', 'round 37 (written blind, a sister set of the corpus: clinic and salon scheduling)'],
  ['ao', "round 37 (written blind, a sister set of the corpus: a freelancers' bank)"],
  ['ap', 'round 37 (written blind, a sister set of the corpus: an analytics vendor)'],
  ['aq', 'round 37 (written blind, a sister set of the corpus: a project-management tool, less obvious emergencies)'],
  ['ar', 'round 37 (written blind, a sister set of the corpus: fleet routing)'],
  ['as', 'round 38 (written blind, a sister set of the corpus: online exams in exam season)'],
  ['at', 'round 38 (written blind, a sister set of the corpus: smart locks and thermostats)'],
  ['au', 'round 38 (written blind, a sister set of the corpus: a terse newsletter company, non-engineers reporting)'],
  ['av', 'round 38 (written blind, a sister set of the corpus: a hosting platform, infrastructure words everywhere)'],
];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

function report(rows: LabelledMessage[], verdicts: Map<string, Verdict> | ((r: LabelledMessage) => Verdict)): QualityReport {
  const get = typeof verdicts === 'function' ? verdicts : (r: LabelledMessage) => verdicts.get(r.id)!;
  return evaluate(rows, rows.map(get));
}

function line(name: string, r: QualityReport): string {
  const em = r.perArea.emergency;
  return `| ${name} | ${r.total} | ${r.macroF1.toFixed(3)} | ${pct(em.recall)} | ${pct(em.precision)} | ${pct(r.urgentAccuracy)} | ${pct(r.importantAccuracy)} |`;
}

function main(): void {
  const dev = parseLabelled(readFileSync(DEV, 'utf8'));
  const extra = parseLabelled(readFileSync(EXTRA, 'utf8'));
  const all = [...dev, ...extra];

  if (process.argv.includes('--write-model')) {
    writeFileSync(MODEL, formatBayesCounts(trainOn(all)));
    process.stderr.write(`wrote ${path.relative(ROOT, MODEL)} from ${all.length} labelled messages\n`);
    return;
  }

  const folds = crossValidate(all, K);
  const overall = report(all, folds);
  const devFolds = report(dev, folds);
  const ownFolds = report(extra, folds);
  const crossModel = compileBayes(trainOn(extra));
  const crossAuthor = report(dev, (r) => classify(r.text, { model: crossModel }));
  const shipped = report(dev, (r) => classify(r.text));
  const em = overall.perArea.emergency;

  const rounds = ROUNDS.map(([prefix, what]) => [what, extra.filter((r) => r.id.replace(/\d+$/, '') === prefix)] as const)
    .filter(([, rows]) => rows.length > 0)
    .map(([what, rows]) => line(what, report(rows, folds)));

  const markdown = [
    `Labelled messages: the development corpus (${dev.length}) and our own cases (${extra.length}, test/fixtures/classifier-extra.jsonl).`,
    `Quadrant fuses hand-written rules (phrase families, negation, defusers) with a small naive Bayes over words and the rule families that fired.`,
    `**${K}-fold**: the naive Bayes is trained on ${K - 1} folds and scored on the held fold; the rules are fixed, and they were`,
    'written and tuned with the corpus and our cases in view, so these figures are better than a truly unseen set would give.',
    '',
    '| goal | figure (10-fold, all) | |',
    '|---|---|---|',
    `| macro-F1 >= ${GOALS.macroF1} | ${overall.macroF1.toFixed(3)} | ${met(overall.macroF1 >= GOALS.macroF1)} |`,
    `| emergency recall >= ${pct(GOALS.emergencyRecall)} | ${pct(em.recall)} | ${met(em.recall >= GOALS.emergencyRecall)} |`,
    `| emergency precision >= ${pct(GOALS.emergencyPrecision)} | ${pct(em.precision)} | ${met(em.precision >= GOALS.emergencyPrecision)} |`,
    '',
    '| set | messages | macro-F1 | emergency recall | emergency precision | urgent flag | important flag |',
    '|---|---|---|---|---|---|---|',
    line(`${K}-fold, all`, overall),
    line(`${K}-fold, development corpus part`, devFolds),
    line(`${K}-fold, our cases part`, ownFolds),
    line('cross-author: learned part trained on our cases only, scored on the corpus', crossAuthor),
    line('shipped model on the corpus (trained on it; optimistic)', shipped),
    ...rounds,
    '',
    `### ${K}-fold, all ${all.length} messages`,
    '',
    formatReport(overall),
    '',
    `### ${K}-fold, development corpus only`,
    '',
    formatReport(devFolds),
    '',
    '### How the rounds went',
    '',
    'Each round of our own cases was written, scored once, and only then used to improve the rules; the first score is',
    'the honest estimate for messages nobody has tuned on. First scores (macro-F1 / emergency recall): round 1 0.81 / 56%,',
    'round 2 0.85 / 53%, round 3 0.78 / 59%, round 4 0.82 / 65% (rules alone), round 5 0.75 / 56% with the rules alone and',
    '0.91 / 92% once the learned part was added. Round 6 was written after all tuning and scored once by the shipped model',
    '(which had not seen it): 0.96 / 93% (14 of 15), emergency precision 100%, urgent flag 90%, important flag 84%. Rounds',
    'up to 6 were written by the same people who wrote the rules, which flatters those figures. Round 7 (140 messages,',
    '30 of them emergencies and 30 near misses) was written by another author who had not seen the rules, and scored once',
    'by the shipped model: macro-F1 0.91, emergency recall 100% (30 of 30), emergency precision 94%, urgent flag 91%,',
    'important flag 79%. Round 8 (140 messages, 58 of them emergencies) was written blind too, on purpose in the corpus',
    "author's style, and scored once by the model that had learned round 7: macro-F1 0.86, emergency recall 90% (52 of 58),",
    'emergency precision 85%, urgent flag 89%, important flag 80%. That is the most honest estimate here of the held-out',
    'set Quadrant is judged on (written by the corpus author): below the emergency goals. Its misses were ransomware,',
    'a hijacked admin account, an incident update with a bridge link, data written wrong for customers, and a hospital',
    "integration that stopped forwarding alerts; its false alarms were alert noise, staging, a safety training and a",
    "what-if question. The cue families that missed them were widened (not the sentences), and it was added to the cases.",
    'Round 9 (160 messages in the corpus proportions, 36 emergencies) was written blind by two more authors, one of them',
    "for other kinds of company (fintech, logistics, healthcare), and scored once by the model that had learned round 8:",
    'macro-F1 0.92, emergency recall 97% (35 of 36), emergency precision 97% (one false alarm), urgent flag 92%, important',
    'flag 83%. So the families widened after round 8 held on new wording. Its one missed emergency was a public link to',
    'patient data posted "in a customer forum" (read as one customer); its other misses were calls named as a "video',
    'session", a meeting moved to Teams "instead of the office", the notes of a past call, and a German "only from today on"',
    'read as "nothing but errors". Round 10 (160 messages, 36 emergencies; one author wrote as support, sales and',
    'finance people, the other as engineers writing long updates) was scored once by the model that had learned round 9:',
    'macro-F1 0.97, emergency recall 92% (33 of 36), emergency precision 97%, urgent flag 91%, important flag 78%. All',
    "three missed emergencies were one customer's data in front of another (another company's contacts on a reports",
    "page, invoices mailed with some other customer's PDF) or ransomware on a laptop, each taken back by a narrowing",
    'word ("my test account", "my laptop"); the families now read whose data it is, and reproducing a bug on a test',
    'account no longer narrows it. Round 11 (160 messages, 36 emergencies; one author wrote for HR, legal, finance and',
    'facilities as well as engineering, the other short and messy messages, a tenth of them in other languages) scored',
    'macro-F1 0.94, emergency recall 89% (32 of 36), emergency precision 86%, urgent flag 89%, important flag 79%. Its',
    'missed emergencies were away from software: water pouring through an office ceiling, a colleague hurt with an',
    'ambulance on its way, an app pulled from the App Store (its guideline number "3.1.1" read as a 1:1 call), and salary',
    'bands published on the careers page; its false alarms were a page "dead" for lack of visits, "no errors so far" after',
    'a deploy, "dead after that sprint", one person\'s MFA, and guidance about customer data. So a set written for other',
    'corners of the company still finds families the rules lack; the ones it found were widened. Round 12 (160',
    'messages, 36 emergencies) had one author write a sister set of the corpus (same mix of situations and traps, new',
    'wording) and another probe the emergency boundary from both sides (13 of 18 emergencies without any alarm word,',
    '42 near misses). First scores: the sister set macro-F1 0.93, emergency recall 94% (17 of 18), precision 89%; the',
    'boundary set 0.86, recall 72% (13 of 18), precision 87%; together 0.89, 83% (30 of 36), 88%. The misses: a SEV1',
    'bridge on Meet read as a meeting, a retention bug deleting customer files buried in a standup list, a sync',
    'reporting success while nothing lands, "kommt kein Kunde mehr" in German, a gas smell in the office, and a package',
    'published from a departed employee\'s account; the false alarms: a phishing mail nobody fell for, a simulated',
    'phishing campaign, slow logins inside the SLO, staging broken with prod untouched. Besides widening those',
    'families, a call inside a live, undefused incident now counts as its bridge, and "small thing" or planning words',
    'no longer take back a failure that is still going on. Round 13 (160 messages, 36 emergencies) was two more sister',
    'sets, one at a company of the author\'s choosing, scored once by the model that had learned round 12: macro-F1 0.93,',
    'emergency recall 97% (35 of 36), emergency precision 85% (6 false alarms), urgent flag 91%, important flag 79%.',
    'Recall now holds on new sets; precision is the weaker side: its false alarms were releases at 100% with a flat',
    'crash dashboard, one person locked out after changing phones, a layout bug on one tablet, and feedback from an',
    'advisory panel; its missed emergency was devices shipping with debug firmware and a default root password, taken',
    'back by "14:00 local" read as a local machine. Round 14 (two more sister sets, 160 messages, 36 emergencies) scored',
    'once: macro-F1 0.95, emergency recall 97% (35 of 36), emergency precision 92%, urgent flag 94%, important flag 84%.',
    'The missed emergency was an app whose force-update screen loops for ever so no iOS user can get in; the false',
    "alarms were one person's phone and authenticator, a new hire without access, and a French thank-you that no rule",
    'read at all (the emergency bias now tips only messages in which the rules saw some alarm). Over the five sister',
    'sets in rounds 12 to 14 (400 messages, 90 emergencies) the first scores add up to emergency recall 97% (87 of',
    '90) and precision 89% (87 of 98): recall at the goal, precision the side still short of it. Round 15 (two more',
    'sister sets, one set at a ticketing company) scored once: macro-F1 0.95, emergency recall 92% (33 of 36),',
    'precision 89% (4 false alarms). Its missed emergencies were counters and gates that stopped ("can\'t print a single',
    'ticket", scanners that "reject every ticket" with thousands outside, read as a call because of the arena\'s name)',
    'and an MFA push nobody requested with SSH keys changed, taken back by "on vacation"; its false alarms were an',
    'intended column drop, a quiet on-call handover, a phishing reminder whose "don\'t, and forward" read as something',
    'that stopped forwarding, and one person locked out. With it, the seven sister sets of rounds 12 to 15 give recall 95%',
    '(120 of 126) and precision 89% (120 of 135). Round 16 (two more sister sets) scored once: macro-F1 0.95, emergency',
    'recall 97% (35 of 36), precision 90% (35 of 39). Its missed emergency was a migration run against prod that showed',
    "312 workspaces another company's projects; its false alarms were a red main branch nobody could merge, one",
    "person's Excel macro and one person's Okta, and a docs site asking to report broken links. The nine sister sets of",
    'rounds 12 to 16 give first-score recall 96% (155 of 162) and precision 89% (155 of 174): recall just under the 97%',
    'goal and precision just under 90%, so those are the figures to expect on the held-out set, against 99% and 98% in',
    'the 10-fold run above. Round 17 (two more sister sets) then scored once: macro-F1 0.96, emergency recall 97% (35 of',
    '36), precision 97% (35 of 36); its missed emergency was typed in a hurry ("calnedar sync is brokn for evryone"), its',
    "false alarm one person's tablet. With it, the eleven sister sets of rounds 12 to 17 give recall 96% (190 of 198) and",
    'precision 90% (190 of 210). Round 18 (two more sister sets) scored once: macro-F1 0.98, emergency recall 94% (34',
    'of 36), precision 100% (no false alarm); its missed emergencies were a clinic whose front desk cannot check anyone',
    'in, read as a call because of its "waiting room", and a bank\'s reconciliation failing "if this isn\'t fixed",',
    'read as fixed (resolution words can now be negated). The thirteen sister sets of rounds 12 to 18 (1,040 messages,',
    '234 emergencies) give first-score recall 96% (224 of 234) and precision 92% (224 of 244). Round 19 (two more sister',
    'sets) scored once: macro-F1 0.97, emergency recall 94% (34 of 36), precision 92% (34 of 37); its missed emergencies',
    'were an SSH key and an org-admin token added to someone\'s GitHub account while "I\'m on a train with my laptop',
    'closed", and waiting-room screens at every clinic showing no appointments, read as a Zoom waiting room (only a Zoom',
    'waiting room is a call now). The fifteen sister sets of rounds 12 to 19 give recall 96% (258 of 270) and precision',
    '92% (258 of 281). Round 20 (two more sister sets) scored once: macro-F1 0.98, emergency recall 100% (36 of 36),',
    'precision 95% (36 of 38); its false alarms were a rollout "on 100% of tablets now" and "declaring a SEV1 for my',
    'productivity" over a coffee machine. The seventeen sister sets of rounds 12 to 20 (1,360 messages, 306',
    'emergencies) give first-score recall 96% (294 of 306) and precision 92% (294 of 319). Round 21 (two more sister',
    'sets) scored once: macro-F1 0.96, emergency recall 97% (35 of 36), precision 92% (35 of 38); its missed emergency was',
    'typed in a hurry ("stil down. 3rd custmer call in 10 min, can someoen pls ack the page"), its false alarms a smoke',
    "detector service notice, one person's monitor and one customer charged twice who is \"fine waiting a few days\". The",
    'nineteen sister sets of rounds 12 to 21 (1,520 messages, 342 emergencies) give first-score recall 96% (329 of 342)',
    'and precision 92% (329 of 357). Round 22 (two more sister sets, one set in logistics, hospitals, newsrooms and',
    'plants) scored once: macro-F1 0.96, emergency recall 94% (34 of 36), precision 97% (34 of 35); its missed',
    'emergencies were a SEV1 with "orders aren\'t reaching any restaurant tablet" and a live bridge, taken back as an',
    'in-person event by "restaurant", and a thread follow-up "still broken here too ... the status page still says all',
    'green", read as calm; its false alarm was one person\'s badge that does not open a lab door. A negation no longer',
    'reaches across a sentence ("threatening not to renew. Call is at 2pm" asks for the call). The twenty-one sister',
    'sets of rounds 12 to 22 (1,680 messages, 378 emergencies) give first-score recall 96% (363 of 378) and precision',
    '93% (363 of 392). Round 23 (two more sister sets, one in hotels, airports, utilities and law firms) scored once:',
    'macro-F1 0.97, emergency recall 97% (35 of 36), precision 90% (35 of 39); its missed emergency was an account',
    'takeover told calmly ("Outlook says I\'m signed in from Lagos, and there\'s a new inbox rule forwarding all my mail',
    'to a gmail address"), its false alarms one person\'s Outlook, a ground-operations shift handover with two tugs out',
    'of service and "no open delays", a refactoring note ("`crash_reporter_v1` is gone") and a build pipeline "on fire"',
    'for the team only. The twenty-three sister sets of rounds 12 to 23 (1,840 messages, 414 emergencies) give',
    'first-score recall 96% (398 of 414) and precision 92% (398 of 431). From round 23 on the model also learns the',
    'Eisenhower flags per area; on round 23, which it had not learned, they scored urgent 98% and important 90%, where',
    'the rules alone had 91% and 81%. Round 24 (two more sister sets, one written as a whole company over a month)',
    'scored once: macro-F1 0.98, emergency recall 97% (35 of 36), precision 100% (35 of 35), urgent 99%, important 93%;',
    'its missed emergency was a migration that "dropped `invoice_line_items` on the prod cluster, not staging", read as',
    'staging. The twenty-five sister sets of rounds 12 to 24 (2,000 messages, 450 emergencies) give first-score recall 96%',
    '(433 of 450) and precision 93% (433 of 466). Round 25 (two more sister sets, one in banks, transit, clinics and',
    'broadcasting) scored once: macro-F1 0.97, emergency recall 100% (36 of 36), precision 97% (36 of 37), urgent 96%,',
    'important 95%; its false alarm was one person\'s VPN typed in a hurry ("is it jsut me"), its other misses fire',
    'drills and a review of a draft read as events and deep work. The twenty-seven sister sets of rounds 12 to 25 (2,160',
    'messages, 486 emergencies) give first-score recall 96.5% (469 of 486) and precision 93% (469 of 503). Round 26 (a',
    'sister set, and a set leaning on the corpus\'s hardest distinctions) scored once: the sister set macro-F1 0.98,',
    'emergency recall 94% (17 of 18), precision 100% (17 of 17); the harder set 0.97, 94% (17 of 18), 89% (17 of 19).',
    'The missed emergencies were "session expired" for everyone, asked as "anyone else?" with "the support queue is',
    'filling up with the same" (read as one person\'s phone), and a Hungarian API key leak whose "hívások" (API calls)',
    'were read as phone calls; the false alarms were staging "completely down" ("not prod") and a new starter who cannot',
    'log in. The twenty-eight sister sets of rounds 12 to 26 (2,240 messages, 504 emergencies) give first-score recall',
    '96.4% (486 of 504) and precision 93.5% (486 of 520). Round 27 (two more sister sets, one in pharmacies, ports,',
    'hospitals and public services) scored once: macro-F1 0.98, emergency recall 97% (35 of 36), precision 100% (35 of',
    '35), urgent 98%, important 93%; its missed emergency was a phished password told in the first person ("I clicked a',
    '\'payroll update\' email link, typed my Okta password and approved the push. now I see sessions from a location',
    'I\'ve never been to"). The thirty sister sets of rounds 12 to 27 (2,400 messages, 540 emergencies) give first-score',
    'recall 96.5% (521 of 540) and precision 94% (521 of 555). Round 28 (two more sister sets, one in car sharing,',
    'museums, payroll and wind farms) scored once: macro-F1 0.99, emergency recall 100% (36 of 36), precision 97% (36 of',
    '37), urgent 99%, important 94%; its false alarm was one person who "can not login to Figma since the password',
    'change". The thirty-two sister sets of rounds 12 to 28 (2,560 messages, 576 emergencies) give first-score recall',
    '96.7% (557 of 576) and precision 94% (557 of 592). Round 29 (two more sister sets, one written as a whole SaaS',
    'company over a quarter) scored once: macro-F1 0.99, emergency recall 100% (36 of 36), precision 97% (36 of 37),',
    'urgent 98%, important 94%; its false alarm was a French question about which Grafana dashboard shows queue depth.',
    'The thirty-four sister sets of rounds 12 to 29 (2,720 messages, 612 emergencies) give first-score recall 96.9% (593',
    'of 612) and precision 94% (593 of 629). Round 30 (two more sister sets, one in airlines, supermarkets, labs and',
    'city councils) scored once: macro-F1 0.98, emergency recall 100% (36 of 36), precision 95% (36 of 38), urgent 97%,',
    'important 97%; its false alarms were a question for the name of a Grafana dashboard and a new starter who cannot',
    'log into the tax software. The thirty-six sister sets of rounds 12 to 30 (2,880 messages, 648 emergencies) give',
    'first-score recall 97.1% (629 of 648) and precision 94% (629 of 667): at the recall goal, within the noise of a few',
    'messages, on sets written by helpers rather than by the corpus author. Round 31 (two more sister sets, one in a vet',
    'clinic chain, a film production, a wind farm, a university IT department, restaurants and an insurance broker)',
    'scored once: macro-F1 0.94, emergency recall 92% (33 of 36), precision 92% (33 of 36), urgent 96%, important 89%.',
    'Its misses: a payroll export failed for every customer, read as fixed from "unless it\'s fixed in 3 hours"; a DNS',
    'error "for me" on every site, "tried from my phone too"; campus-wide wifi on the first day of term, read as an',
    'office trifle and a new starter. Its false alarms: "logged out every hour ... not a big deal", a lunch "nobody',
    'booked ... can someone sort it", and a quiet patch night with "no user reports so far". The thirty-eight sister',
    'sets of rounds 12 to 31 (3,040 messages, 684 emergencies) give first-score recall 96.8% (662 of 684) and precision',
    '94% (662 of 703): just under the recall goal again. Round 32 scored once: its sister set of the corpus (short,',
    'hurried and second-language messages) macro-F1 0.97, emergency recall 100% (18 of 18), precision 90% (18 of 20);',
    'its set in eight other workplaces (a law firm, a school district, a game studio, a builder, a warehouse, a',
    'nonprofit, a call centre, a biotech plant) macro-F1 0.91, recall 72% (13 of 18), precision 93% (13 of 14). The',
    'rules had never seen emergencies away from offices and software: a cleanroom losing pressure ("this is not a',
    'test" was read as a test system), a volunteer who collapsed at a food pantry, a school bus with 40 children that',
    'stopped answering the radio, a freezer of reference standards warming, and every inbound phone line of a call',
    'centre dropping (read as asking for a call). Its false alarms: one person\'s calendar ("mine is stuck"), a',
    'phishing-awareness course, and a colleague\'s blank page that "everyone else sees fine". The forty sets of rounds',
    '12 to 32 (3,200 messages, 720 emergencies) give first-score recall 96.3% (693 of 720) and precision 94% (693 of',
    '737): below the recall goal. Without round 32\'s set in other workplaces, 96.9% (680 of 702). Round 33 scored once:',
    'its sister set macro-F1 0.97, emergency recall 89% (16 of 18), precision 94% (16 of 17); its set in a company\'s',
    'sales, finance, HR, legal, facilities and field teams macro-F1 0.89, recall 78% (14 of 18), precision 88% (14 of',
    '16). Missed: someone collapsed in the office kitchen while people with "first-aid training" were asked to come',
    '(read as a training and a kitchen trifle), a cleanup job that "ran against prod, not staging" and emptied a table,',
    'a court filing deadline lapsing tonight (in German), 212 suppliers paid twice with the bank able to cancel "if we',
    'call before 13:00" (read as a call), a technician who fell off a ladder ("who do I call"), and a lease that',
    'auto-renews for five years unless a notice reaches the landlord today while the signer "is on a flight". False',
    'alarms: one technician\'s tablet ("the rest of his crew is fine"), "payroll went through fine", and a Spanish',
    'deploy note "sin errores". The forty-two sets of rounds 12 to 33 (3,360 messages, 756 emergencies) give first-score',
    'recall 95.6% (723 of 756) and precision 94% (723 of 770). Rounds 31 to 33 show where the rules are thin: on their',
    'sister sets of the corpus recall was 50 of 54 (93%), on sets in workplaces away from software 44 of 54 (81%). A',
    'review of the patterns these rounds added, with 108 probe messages, found 19 that paged harmless messages',
    '("paramedics can now see...", "she collapsed the FAQ sections", "should be fixed now") and 6 that took real',
    'emergencies back ("not a big deal yet but the disk is 97%", a real phishing attack that mentions "security',
    'training"); each was narrowed, with tests. Round 34 (two more sister sets of the corpus, one leaning on the',
    'emergency boundary) scored once: macro-F1 0.96, emergency recall 92% (33 of 36), precision 94% (33 of 35),',
    'urgent 96%, important 89%. Missed: ransomware on a finance drive told with "I pulled my laptop off the wifi"',
    '(read as an office trifle), merchants who can see every other merchant\'s transactions, asked as "quick q, is it',
    'expected", and card payments still failing for everyone after a processor\'s "maintenance window ended". The',
    'forty-four sets of rounds 12 to 34 (3,520 messages, 792 emergencies) give first-score recall 95.5% (756 of 792)',
    'and precision 94% (756 of 805); this session\'s five sister sets of the corpus alone, 92.2% (83 of 90). Round 35',
    '(two more sister sets: a developer-tools company, and an HR and payroll company over one week) scored once:',
    'macro-F1 0.97, emergency recall 89% (32 of 36), precision 100% (32 of 32), urgent 94%, important 89%. Missed: a',
    'deploy key added to 31 repos with the token of someone "on a plane" ("in the last 15 min with" read as asking for',
    'a quick chat), another customer\'s build logs with env vars shown to a customer, clock-in screens that "just spin"',
    'for every employee asked as "quick one", and a staging URL anyone can open that lists sick notes (read as',
    'staging and as someone off sick). The forty-six sets of rounds 12 to 35 (3,680 messages, 828 emergencies) give',
    'first-score recall 95.2% (788 of 828) and precision 94% (788 of 837); this session\'s seven sister sets of the',
    'corpus alone, 91.3% (115 of 126), with no false alarm in round 35. Round 36 (two more sister sets: an e-commerce',
    'platform with understated emergencies, and a video-calls company) scored once: macro-F1 0.89, emergency recall 81%',
    '(29 of 36), precision 81% (29 of 36). In a company whose product is calls, "every call drops after 60 seconds" and',
    '"no audio for any dial-in caller" read as asking for a call; a webinar host threatening self-harm had no cue; a',
    'stalled order sync was buried in a morning round-up next to a label printer (read as the office printer joke);',
    'a DPA breach-notification window closing today. False alarms: an in-person war room for a sales weekend, an',
    'incident tabletop exercise, a carrier\'s announced API maintenance, a security questionnaire about tenant',
    'isolation, a door code asked for "asap". The forty-eight sets of rounds 12 to 36 (3,840 messages, 864',
    'emergencies) give first-score recall 94.6% (817 of 864) and precision 94% (817 of 873); this session\'s nine',
    'sister sets of the corpus alone, 88.9% (144 of 162), precision 92% (144 of 157). Round 37 (five sister sets: clinic',
    'and salon scheduling, a freelancers\' bank, an analytics vendor, a project-management tool with the less obvious',
    'emergencies, a fleet-routing company) scored once: macro-F1 0.96, emergency recall 94.4% (85 of 90), precision',
    '91.4% (85 of 93). Missed: two cross-tenant leaks told as a question or a ticket ("is it normal that I can see',
    'appointments from another tenant?", search suggestions with "project names that aren\'t theirs"), a customer\'s',
    'ingestion key throttled to zero while "dropping every event" ("who can lift it?" read as the office lift), a',
    'lapsed domain showing a registrar\'s parking page (read as the car park), tasks deleted in Hungarian. False alarms:',
    'an all-clear about a "suspicious login" email sent from staging, "nothing user-facing is broken", a Sev1 label',
    '"downgraded to P4", the old Jenkins box "finally dead", a branch that is dead, compliance training for "everyone who',
    'touches customer data", one person\'s phone. The fifty-three sets of rounds 12 to 37 (4,240 messages, 954',
    'emergencies) give first-score recall 94.6% (902 of 954) and precision 93.4% (902 of 966). Round 38 (four sister',
    'sets: online exams, smart locks, a terse newsletter company whose emergencies non-engineers report, a hosting',
    'platform whose every message uses infrastructure words), scored once after round 37\'s changes: macro-F1 0.97 to',
    '0.99, emergency recall 98.6% (71 of 72), precision 97.3% (71 of 73). Missed: a caller posing as IT who already',
    'has a colleague\'s password and a code from her phone (read as one person\'s phone). False alarms: one customer\'s',
    'embed that fails "only there", an "URGENT!!!" about a pink Grafana theme. The fifty-seven sets of rounds 12 to 38',
    '(4,560 messages, 1,026 emergencies) give first-score recall 94.8% (973 of 1,026) and precision 93.6% (973 of 1,039).',
    `Misses in the ${K}-fold run: ${overall.misses.length} of ${overall.total}.`,
  ].join('\n');
  emit('Classifier quality (k-fold)', markdown);
}

main();
