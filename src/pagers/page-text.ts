import type { PageRequest } from '../core/ports';

/**
 * The words every channel shares, so an SMS, a call and a webhook never disagree about an emergency.
 * `summary` arrives as plain text (the PageRequest contract; flows strip Slack markup with
 * core/slack-text.ts), so nothing here parses markup: each channel only escapes for its own format.
 */

const TEST_MARK = '[TEST]';

/** Cuts at a word boundary when one is near, and marks the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** One line: phones and TTS engines do badly with newlines and runs of spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "QUADRANT EMERGENCY 4821: db disk full", with "[TEST] " in front of test pages. */
export function pageHeadline(request: PageRequest, maxSummary = 300): string {
  return `${request.test ? `${TEST_MARK} ` : ''}QUADRANT EMERGENCY ${request.code}: ${truncate(oneLine(request.summary), maxSummary)}`;
}

/** " (declared by Ada)", or nothing when the flow had no display name. */
export function declaredBy(request: PageRequest): string {
  const reporter = oneLine(request.reporter);
  return reporter ? ` (declared by ${reporter})` : '';
}

/** Fits in two GSM-7 segments for a typical summary; the link comes last because it is the least needed. */
export function smsText(request: PageRequest): string {
  const link = request.link ? ` ${request.link}` : '';
  return `${pageHeadline(request, 200)}${declaredBy(request)}. Reply ACK ${request.code} to acknowledge, RES ${request.code} to resolve.${link}`;
}

/** Spoken text: digits spaced so speech engines read "4 8 2 1" rather than "four thousand…". */
export function speechText(request: PageRequest, maxSummary: number, canGather: boolean): string {
  const code = request.code.split('').join(' ');
  const test = request.test ? `${TEST_MARK} This is a test page. ` : '';
  const next = canGather ? 'Press 1 to acknowledge.' : 'Open Slack to acknowledge.';
  return `${test}Quadrant emergency, code ${code}. ${truncate(oneLine(request.summary), maxSummary)}.${declaredBy(request)} ${next}`;
}
