/**
 * Defusing user text that the bot posts again (digests, emergency posts, list replies).
 *
 * Slack delivers message text escaped: a literal "<" arrives as "&lt;", and raw "<...>" are control
 * sequences (mentions, broadcasts, links). Re-posting that text verbatim would let it ping people or show
 * a link under a false label with the bot's authority. `escapeText` keeps what is literal, and turns every
 * control sequence into visible, inert text:
 *
 * | input                                  | output                                      |
 * |----------------------------------------|---------------------------------------------|
 * | `<!channel>` `<!here>` `<!everyone>`   | `@channel` etc. with a zero-width space after `@` |
 * | `<!subteam^S123\|@oncall>`             | `@oncall` (zero-width space after `@`); without a label `@S123` |
 * | `<@U123>`, `<@U123\|bob>`              | `@U123`, `@bob` (zero-width space after `@`): no notification |
 * | `<#C123\|name>`                        | `<#C123>`: a channel link notifies nobody; the label is dropped |
 * | `<https://a.example>` or honest label  | kept as a link                              |
 * | `<https://evil.example\|https://bank>` | `https://bank (<https://evil.example>)`: the real target shows |
 * | `<!date^…\|fallback>`                  | the fallback text                           |
 * | anything else in `<…>`                 | shown literally (`&lt;…&gt;`)               |
 *
 * The zero-width space keeps a bare "@channel" inert even if a caller posts with `link_names`.
 */

const ZWSP = '\u200B';
const CONTROL = /<([^<>]*)>/g;

/** Escapes a literal (unescaped) string for mrkdwn: exactly &, < and >, per Slack's formatting rules. */
export function escapePlain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Re-escapes text that is already in Slack's escaped form but may hold stray raw characters (text filed
 * through the API or the CLI): keeps `&amp;`, `&lt;`, `&gt;`, escapes any other `&`, `<` or `>`.
 */
function normalizeEscaped(text: string): string {
  // Most text has none of the three characters: three indexOf calls cost far less than three regex replaces.
  if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) return text;
  return text.replace(/&(?!(?:amp|lt|gt);)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "@" + zero-width space + name: reads as a mention, notifies nobody. */
function inertMention(name: string): string {
  return `@${ZWSP}${normalizeEscaped(name.replace(/^@/, ''))}`;
}

const LINK_SCHEMES = /^(https?|mailto):/i;

function isHonestLabel(url: string, label: string): boolean {
  return label === url || `mailto:${label}` === url || url.replace(/^https?:\/\//i, '') === label;
}

function defuse(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);

  if (target.startsWith('!')) {
    const [name = '', arg] = target.slice(1).split('^');
    if (name === 'channel' || name === 'here' || name === 'everyone') return inertMention(name);
    if (name === 'subteam') return inertMention(label || arg || 'group');
    if (name === 'date' && label !== undefined) return normalizeEscaped(label);
    return normalizeEscaped(`<${inner}>`);
  }
  if (/^@[UW][A-Z0-9]+$/.test(target)) return inertMention(label || target.slice(1));
  if (/^#[CG][A-Z0-9]+$/.test(target)) return `<${target}>`;
  if (LINK_SCHEMES.test(target) && !/\s/.test(target)) {
    const url = normalizeEscaped(target);
    if (label === undefined || label === '') return `<${url}>`;
    if (isHonestLabel(target, label)) return `<${url}|${normalizeEscaped(label)}>`;
    return `${normalizeEscaped(label)} (<${url}>)`;
  }
  return normalizeEscaped(`<${inner}>`);
}

/** Makes Slack-escaped user text safe to re-post as mrkdwn: no pings, no disguised links. See the table above. */
export function escapeText(text: string): string {
  if (text.indexOf('<') < 0) return normalizeEscaped(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CONTROL)) {
    out += normalizeEscaped(text.slice(last, match.index)) + defuse(match[1] ?? '');
    last = match.index + match[0].length;
  }
  return out + normalizeEscaped(text.slice(last));
}

/**
 * Shortens escaped mrkdwn to at most `max` characters (ellipsis included) without cutting through an
 * entity, a `<…>` sequence or a surrogate pair, so the cut text still renders and still cannot ping.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const open = text.lastIndexOf('<', cut - 1);
  if (open !== -1 && text.indexOf('>', open) >= cut) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 5 && text.indexOf(';', amp) >= cut) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
