/** TwiML for paging calls. Twilio takes at most 4,000 characters of inline `Twiml` (FACTS.md §1). */
export const TWIML_MAX = 4_000;

/** Escapes text and attribute values; Twilio rejects a call whose TwiML is not well-formed XML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface CallTwimlOptions {
  speech: string;
  /** Where Twilio posts the pressed key; without it the call only reads the emergency out. */
  gatherUrl?: string;
}

/**
 * The call reads the emergency out twice. With a gather URL the reading sits inside `<Gather>`, so one
 * key press (any key; the hook checks for 1) interrupts it and posts `Digits` to the URL.
 */
export function buildCallTwiml({ speech, gatherUrl }: CallTwimlOptions): string {
  const say = `<Say loop="2">${escapeXml(speech)}</Say>`;
  if (!gatherUrl) return `<?xml version="1.0" encoding="UTF-8"?><Response>${say}</Response>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Response>' +
    `<Gather numDigits="1" action="${escapeXml(gatherUrl)}" method="POST" timeout="10">${say}</Gather>` +
    '<Say>No key was pressed. The emergency is still open in Slack.</Say>' +
    '</Response>'
  );
}

/** A one-line spoken answer, for the hook that receives the key press. */
export function sayTwiml(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Say>${escapeXml(text)}</Say></Response>`;
}
