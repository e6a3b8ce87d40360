/**
 * A small well-formedness check for TwiML (Twilio rejects calls whose inline TwiML is not XML). It
 * covers what a generator gets wrong: unbalanced or crossed tags, unquoted attributes, a bare "<" or
 * "&" in text, and more than one root. It is not a validating parser.
 */
const NAME = '[A-Za-z_][\\w.-]*';
const ATTR = new RegExp(`^\\s+(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`);
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(text: string, where: string, issues: string[]): void {
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) {
      issues.push(`unescaped "&" in ${where}`);
      return;
    }
  }
}

export function xmlIssues(xml: string): string[] {
  const issues: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const prolog = /^<\?xml[^?]*\?>/.exec(xml);
  if (prolog) i = prolog[0].length;
  while (i < xml.length && issues.length === 0) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.trim() && stack.length === 0) issues.push('text outside the root element');
    checkText(text, 'text', issues);
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) {
      issues.push('unterminated tag');
      break;
    }
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) issues.push(`closing </${name}> does not match`);
    } else {
      const selfClosing = tag.endsWith('/');
      const inner = selfClosing ? tag.slice(0, -1) : tag;
      const nameMatch = new RegExp(`^${NAME}`).exec(inner);
      if (!nameMatch) {
        issues.push(`bad tag <${tag.slice(0, 20)}>`);
        break;
      }
      let rest = inner.slice(nameMatch[0].length);
      while (rest.trim()) {
        const attr = ATTR.exec(rest);
        if (!attr) {
          issues.push(`bad attribute in <${nameMatch[0]}>`);
          break;
        }
        checkText(attr[2]!, `attribute ${attr[1]}`, issues);
        rest = rest.slice(attr[0].length);
      }
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(nameMatch[0]);
    }
    i = gt + 1;
  }
  if (issues.length === 0 && stack.length > 0) issues.push(`<${stack[stack.length - 1]}> is never closed`);
  if (issues.length === 0 && roots !== 1) issues.push(roots === 0 ? 'no root element' : 'more than one root element');
  return issues;
}
