import { AREA_INFO, AREAS, type Area } from './areas';
import { bayesFeatures, bayesPosterior, compileBayes, type BayesCounts, type BayesModel } from './classify-bayes';
import shippedCounts from './classify-bayes-model.json';
import { describeLead, findDateMention, mentionsPastDate, resolveDate } from './classify-dates';
import { flagsFor } from './classify-flags';
import { keywordHits } from './classify-keywords';
import { LEXICON, matchCues } from './classify-lexicon';
import { scoreFacts, type Contribution } from './classify-score';
import { tokenize } from './classify-text';
import type { CorrectionModel } from './learning';
import { toProse } from './slack-text';
import type { Verdict } from './verdict';

/** What the classifier may know besides the text. Everything is optional; none of it is fetched. */
export interface ClassifyContext {
  /** The area the channel is assigned to in settings. */
  channelArea?: Area;
  isThreadReply?: boolean;
  /** The slash command the text came from. */
  command?: 'async' | 'emergency';
  /** Epoch ms. Without it nothing is reasoned relative to now: no `when`, no lead-time reason. */
  now?: number;
  /** IANA zone for dates like "Monday 10:00"; UTC when absent. */
  timezone?: string;
  /** The workspace's own words per area (settings.keywords). */
  keywords?: Partial<Record<Area, string[]>>;
  /** What this workspace's corrections taught. */
  corrections?: CorrectionModel;
  /** The learned model; the shipped one unless an evaluation trains its own per fold. */
  model?: BayesModel;
}

export const SHIPPED_MODEL: BayesModel = compileBayes(shippedCounts as BayesCounts);

const CHANNEL_PRIOR = 0.8;
// Rules and the learned model get equal say, and the rules' scores are sharpened (temperature 0.5)
// before mixing; of the settings tried, this did best on the one round of cases the rules had not seen.
const RULE_SHARE = 0.5;
const RULE_TEMPERATURE = 0.5;
// Missing a real emergency is the worst error: a close call tips that way.
const EMERGENCY_BIAS = 0.1;
const KEYWORD_BOOST = 0.4;
const EMERGENCY_INDEX = AREAS.indexOf('emergency');
const MAX_REASONS = 3;
// Dates matter where a lead time or a slot does; an emergency is now by definition.
const DATED_AREAS: ReadonlySet<Area> = new Set(['online_meeting', 'offline_activity', 'deep_work', 'daily_operations']);
const BULLET = /^\s*(?:[•\-*–]|\d+[.)])\s/gm;

function countBullets(prose: string): number {
  if (prose.indexOf('\n') < 0) return 0;
  return prose.match(BULLET)?.length ?? 0;
}

/** The highest value; ties go to daily_operations, the framework's default for small async work. */
function winner(values: Record<Area, number>): Area {
  let best: Area = 'daily_operations';
  for (const area of AREAS) if (values[area] > values[best]) best = area;
  return best;
}

function softmax(scores: Record<Area, number>): Record<Area, number> {
  const max = Math.max(...AREAS.map((a) => scores[a]));
  const out = {} as Record<Area, number>;
  let sum = 0;
  for (const area of AREAS) sum += out[area] = Math.exp((scores[area] - max) / RULE_TEMPERATURE);
  for (const area of AREAS) out[area] /= sum;
  return out;
}

function reasonsFor(area: Area, contributions: Contribution[]): string[] {
  const seen = new Set<string>();
  return contributions
    .filter((c) => c.area === area && c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((c) => c.label)
    .filter((label) => (seen.has(label) ? false : (seen.add(label), true)))
    .slice(0, MAX_REASONS);
}

/** Why an alarm word did not make it an emergency ("talks about a past incident"). */
function defusedBy(contributions: Contribution[]): string | undefined {
  let strongest: Contribution | undefined;
  for (const c of contributions) if (c.area === 'emergency' && c.weight < 0 && (!strongest || c.weight < strongest.weight)) strongest = c;
  return strongest?.label;
}

/**
 * Classifies one Slack message into an area with Eisenhower flags. Pure: the same text and context
 * give the same verdict.
 */
export function classify(text: string, context: ClassifyContext = {}): Verdict {
  const slack = toProse(text);
  const tokens = tokenize(slack.prose);
  const hits = matchCues(LEXICON, tokens);
  const mention = findDateMention(slack.prose);
  const pastDate = mentionsPastDate(slack.prose);
  const question = slack.prose.indexOf('?') >= 0;
  const { scores, contributions, alarm, defused } = scoreFacts({
    hits,
    tokenCount: tokens.length,
    question,
    exclaim: slack.prose.indexOf('!') >= 0,
    futureDate: mention !== undefined,
    pastDate,
    broadcast: slack.broadcast !== undefined,
    emoji: slack.emoji,
    bullets: countBullets(slack.prose),
  });
  const push = (area: Area, weight: number, label: string) => {
    scores[area] += weight;
    contributions.push({ area, weight, label });
  };
  if (context.channelArea) push(context.channelArea, CHANNEL_PRIOR, 'posted in a channel for this area');
  if (context.isThreadReply && context.channelArea === 'emergency') push('emergency', 0.5, 'follows up in an incident thread');
  const ruled = winner(scores);

  // Fuse: the rules' softmax and the learned posterior, half each.
  const rules = softmax(scores);
  const learned = bayesPosterior(context.model ?? SHIPPED_MODEL, bayesFeatures(tokens, hits));
  const fused = {} as Record<Area, number>;
  AREAS.forEach((area, i) => (fused[area] = RULE_SHARE * rules[area] + (1 - RULE_SHARE) * learned[i]!));
  // The learned model may not outvote an explicit "staging", "resolved" or "not urgent": those scale its emergency share too.
  fused.emergency -= (1 - RULE_SHARE) * learned[EMERGENCY_INDEX]! * (1 - defused);
  fused.emergency += EMERGENCY_BIAS;
  const boosted: string[] = [];
  if (context.command === 'emergency') {
    fused.emergency += 1;
    boosted.push('filed with /emergency');
  }
  if (context.command === 'async' && alarm < 4) fused.emergency -= 0.3;
  if (context.keywords) {
    for (const hit of keywordHits(context.keywords, slack.prose)) {
      fused[hit.area] += KEYWORD_BOOST;
      contributions.push({ area: hit.area, weight: 10, label: `matches the workspace keyword "${hit.keyword}"` });
    }
  }

  let area = winner(fused);
  let total = 0;
  for (const a of AREAS) total += Math.max(0, fused[a]);
  let confidence = Math.round((Math.max(0, fused[area]) / total) * 100) / 100;
  let reasons = [...boosted, ...reasonsFor(area, contributions)].slice(0, MAX_REASONS);
  if (area !== ruled) reasons.unshift(`reads like other ${AREA_INFO[area].label.toLowerCase()} messages`);
  if (area !== 'emergency' && alarm >= 1.5) {
    const why = defusedBy(contributions);
    if (why) reasons.push(`not an emergency: ${why}`);
  }

  const taught = context.command === 'emergency' ? undefined : context.corrections?.suggest(tokens);
  if (taught) {
    if (taught.area !== area) confidence = Math.max(0.6, Math.round(taught.agreement * 100) / 100);
    area = taught.area;
    reasons = [`learned from ${taught.votes} correction${taught.votes === 1 ? '' : 's'} in this workspace`, ...reasons.slice(0, MAX_REASONS - 1)];
  }
  if (reasons.length === 0) reasons.push('no strong cue; treated as a small async item');

  const flags = flagsFor(area, { hits, tokenCount: tokens.length, question, pastDate });
  const verdict: Verdict = { area, urgent: flags.urgent, important: flags.important, confidence, reasons };
  if (context.now !== undefined && mention && DATED_AREAS.has(area)) {
    const when = resolveDate(slack.prose, mention, context.now, context.timezone);
    if (when !== undefined) {
      verdict.when = when;
      reasons.push(describeLead(context.now, when));
    }
  }
  return verdict;
}
