import { AREAS, type Area } from './areas';
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
}

const CHANNEL_PRIOR = 0.8;
const KEYWORD_WEIGHT = 2.5;
const MAX_REASONS = 3;
// Dates matter where a lead time or a slot does; an emergency is now by definition.
const DATED_AREAS: ReadonlySet<Area> = new Set(['online_meeting', 'offline_activity', 'deep_work', 'daily_operations']);

const BULLET = /^\s*(?:[•\-*–]|\d+[.)])\s/gm;

function countBullets(prose: string): number {
  if (prose.indexOf('\n') < 0) return 0;
  return prose.match(BULLET)?.length ?? 0;
}

/** The highest score; ties go to daily_operations, the framework's default for small async work. */
function winner(scores: Record<Area, number>): Area {
  let best: Area = 'daily_operations';
  for (const area of AREAS) if (scores[area] > scores[best]) best = area;
  return best;
}

/** Softmax share of the winner: near 1 when it wins by a wide margin, near 1/5 on a toss-up. */
function confidenceOf(scores: Record<Area, number>, winner: Area): number {
  let sum = 0;
  for (const area of AREAS) sum += Math.exp(scores[area] - scores[winner]);
  return Math.round((1 / sum) * 100) / 100;
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
  const strongest = contributions.filter((c) => c.area === 'emergency' && c.weight < 0).sort((a, b) => a.weight - b.weight)[0];
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
  const { scores, contributions, alarm } = scoreFacts({
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
  if (context.command === 'emergency') push('emergency', 4, 'filed with /emergency');
  if (context.command === 'async' && alarm < 4) push('emergency', -1.5, 'filed with /async');
  if (context.keywords) {
    for (const hit of keywordHits(context.keywords, slack.prose)) push(hit.area, KEYWORD_WEIGHT, `matches the workspace keyword "${hit.keyword}"`);
  }

  let area = winner(scores);
  let confidence = confidenceOf(scores, area);
  let reasons = reasonsFor(area, contributions);
  if (area !== 'emergency' && alarm >= 1.5) {
    const why = defusedBy(contributions);
    if (why) reasons.push(`not an emergency: ${why}`);
  }

  const learned = context.corrections?.suggest(tokens);
  if (learned && context.command !== 'emergency') {
    if (learned.area !== area) confidence = Math.max(0.6, Math.round(learned.agreement * 100) / 100);
    area = learned.area;
    reasons = [`learned from ${learned.votes} correction${learned.votes === 1 ? '' : 's'} in this workspace`, ...reasons.slice(0, MAX_REASONS - 1)];
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
