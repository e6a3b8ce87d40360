/**
 * Slack message markup (mrkdwn as Slack delivers it) turned into something people or the classifier
 * can read. Slack escapes `&`, `<` and `>` in user text, so every `<...>` is markup Slack added.
 */

export type Broadcast = 'here' | 'channel' | 'everyone';

/** What the classifier reads: prose without code or markup, plus the markup it dropped, as facts. */
export interface SlackProse {
  /** Lower-cased prose; code removed, links reduced to label and host, mentions and emoji removed. */
  prose: string;
  broadcast?: Broadcast;
  userMentions: number;
  links: number;
  hasCode: boolean;
  /** Emoji shortcode names without colons, in order (`fire`, `rotating_light`). */
  emoji: string[];
}

const CODE_BLOCK = /```[\s\S]*?(?:```|$)/g;
const CODE_SPAN = /`[^`\n]*`/g;
const MARKUP = /<([^<>]*)>/g;
// Not right after a digit: in "9:00-17:00" the ":00-17:" is two clocks, not a shortcode (":100:" still is one).
const EMOJI = /(?<!\d):([a-z0-9_+'-]+):/g;
const BROADCAST = /<!(here|channel|everyone)(?:\|[^>]*)?>/;

/** Which broadcast mention the text carries (`<!here>`, `<!channel>`, `<!everyone>`), if any. */
export function broadcastOf(text: string): Broadcast | undefined {
  const match = BROADCAST.exec(text);
  return match ? (match[1] as Broadcast) : undefined;
}

export function hasBroadcast(text: string): boolean {
  return BROADCAST.test(text);
}

function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `https://acme.zoom.us/j/1` -> `acme zoom us`: the host says what kind of link it is. */
function hostWords(url: string): string {
  const start = url.indexOf('//');
  if (start < 0) return '';
  const rest = url.slice(start + 2);
  const end = rest.search(/[/?#]/);
  return (end < 0 ? rest : rest.slice(0, end)).replace(/\./g, ' ');
}

export interface StripOptions {
  /** Display name for a user id; defaults to the id, so `<@U1>` reads `@U1`. */
  userName?: (id: string) => string;
}

/**
 * Plain readable text (for SMS pages, phone calls, logs): mentions become `@name`/`#name`, links
 * their label, code keeps its content without backticks, emoji shortcodes and entities go away.
 */
export function stripSlackMarkup(text: string, options: StripOptions = {}): string {
  const out = text
    .replace(/```\n?([\s\S]*?)(?:```|$)/g, ' $1 ')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(MARKUP, (_m, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar < 0 ? inner : inner.slice(0, bar);
      const label = bar < 0 ? '' : inner.slice(bar + 1);
      if (target.startsWith('@')) {
        const id = target.slice(1);
        return label ? `@${label.replace(/^@/, '')}` : `@${options.userName ? options.userName(id) : id}`;
      }
      if (target.startsWith('#')) return `#${label || target.slice(1)}`;
      if (target.startsWith('!')) {
        const special = target.slice(1).split('^')[0]!;
        if (special === 'here' || special === 'channel' || special === 'everyone') return `@${special}`;
        return label ? label : '';
      }
      return label || target.replace(/^mailto:/, '');
    })
    .replace(EMOJI, ' ');
  return decodeEntities(out).replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** One pass over the text for the classifier: code is ignored, markup becomes facts and words. */
export function toProse(text: string): SlackProse {
  let hasCode = false;
  let userMentions = 0;
  let links = 0;
  let broadcast: Broadcast | undefined;
  const emoji: string[] = [];
  let out = text;
  if (out.indexOf('`') >= 0) {
    const before = out.length;
    out = out.replace(CODE_BLOCK, ' ').replace(CODE_SPAN, ' ');
    hasCode = out.length !== before;
  }
  if (out.indexOf('<') >= 0) {
    out = out.replace(MARKUP, (_m, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar < 0 ? inner : inner.slice(0, bar);
      const label = bar < 0 ? '' : inner.slice(bar + 1);
      const first = target.charCodeAt(0);
      if (first === 64 /* @ */) {
        userMentions++;
        return ' ';
      }
      if (first === 35 /* # */) return ` ${label} `;
      if (first === 33 /* ! */) {
        const special = target.slice(1);
        if (special === 'here' || special === 'channel' || special === 'everyone') {
          broadcast ??= special;
          return ' ';
        }
        return ` ${label} `;
      }
      links++;
      return ` ${label} ${hostWords(target)} `;
    });
  }
  if (out.indexOf(':') >= 0) {
    out = out.replace(EMOJI, (_m, name: string) => {
      emoji.push(name);
      return ' ';
    });
  }
  const prose = decodeEntities(out).toLowerCase();
  return broadcast ? { prose, broadcast, userMentions, links, hasCode, emoji } : { prose, userMentions, links, hasCode, emoji };
}
