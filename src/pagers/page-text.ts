import type { PageRequest } from '../core/ports';
import { toPlainText, truncate } from './plain-text';

/** The words every channel shares, so an SMS, a call and a webhook never disagree about an emergency. */

const TEST_MARK = '[TEST]';

/** "QUADRANT EMERGENCY 4821: db disk full", with "[TEST] " in front of test pages. */
export function pageHeadline(request: PageRequest, maxSummary = 300): string {
  const summary = truncate(toPlainText(request.summary), maxSummary);
  return `${request.test ? `${TEST_MARK} ` : ''}QUADRANT EMERGENCY ${request.code}: ${summary}`;
}

function declaredBy(request: PageRequest): string {
  const reporter = toPlainText(request.reporter);
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
  const summary = truncate(toPlainText(request.summary), maxSummary);
  const test = request.test ? `${TEST_MARK} This is a test page. ` : '';
  const next = canGather ? 'Press 1 to acknowledge.' : 'Open Slack to acknowledge.';
  return `${test}Quadrant emergency, code ${code}. ${summary}.${declaredBy(request)} ${next}`;
}
