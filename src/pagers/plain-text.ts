/**
 * Slack mrkdwn to text a phone can show or read out. Only Slack's own forms are touched (`<@U…>`,
 * `<#C…|name>`, `<!here>`, `<https://…|label>`, entities, emphasis, `:emoji:`), so an already plain
 * "latency < 5 ms" survives.
 */
const SLACK_ANGLE = /<([@#!])([^>|]+)(?:\|([^>]*))?>|<((?:https?|mailto|tel):[^>|]+)(?:\|([^>]*))?>/g;

export function toPlainText(text: string): string {
  return text
    .replace(SLACK_ANGLE, (_m, sigil?: string, id?: string, label?: string, url?: string, urlLabel?: string) => {
      if (url !== undefined) return urlLabel || url.replace(/^mailto:|^tel:/, '');
      if (sigil === '@') return label ? `@${label}` : `@${id}`;
      if (sigil === '#') return label ? `#${label}` : '#channel';
      // <!here>, <!channel>, <!subteam^S123|@ops>, <!date^…|fallback>
      if (label) return label;
      const name = (id ?? '').split('^')[0] ?? '';
      return name === 'subteam' ? '@group' : `@${name}`;
    })
    .replace(/:[a-z0-9_+'-]+:/g, '')
    .replace(/(^|[\s(])[*_~]+(\S(?:.*?\S)?)[*_~]+(?=$|[\s).,!?:;])/g, '$1$2')
    .replace(/```/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts at a word boundary when one is near, and marks the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
