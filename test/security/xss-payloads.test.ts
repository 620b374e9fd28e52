import ejs from 'ejs';
import { XSS_PAYLOADS, MALICIOUS_URLS } from './xss-payloads';
import { isSafeHttpUrl } from '../../src/lib/urls';
import { renderMarkdown } from '../../src/lib/markdown';

/** The tags the Markdown renderer may emit; anything else in its output is a hole. */
const ALLOWED_TAGS = new Set(['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'hr']);

function tagsIn(html: string): { name: string; attributes: string }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1].toLowerCase(), attributes: m[2] }));
}

describe('the security corpora', () => {
  test('when every XSS payload is rendered as a rationale, then only allowed tags remain, no event handler, and links are http(s) or mailto', () => {
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    for (const payload of XSS_PAYLOADS) {
      const html = renderMarkdown(payload);
      for (const tag of tagsIn(html)) {
        expect({ payload, tag: tag.name, allowed: ALLOWED_TAGS.has(tag.name) }).toEqual({ payload, tag: tag.name, allowed: true });
        expect({ payload, attributes: tag.attributes }).not.toEqual({ payload, attributes: expect.stringMatching(/\son\w+\s*=/i) });
        const href = /href="([^"]*)"/.exec(tag.attributes)?.[1];
        if (href !== undefined) expect({ payload, href }).toEqual({ payload, href: expect.stringMatching(/^(https?:\/\/|mailto:)/i) });
      }
    }
  });

  test('when every XSS payload is written into a template with <%= %>, then no markup survives', () => {
    const template = ejs.compile('<p title="<%= value %>"><%= value %></p>');
    for (const payload of XSS_PAYLOADS) {
      const html = template({ value: payload });
      expect({ payload, tags: tagsIn(html).map((t) => t.name) }).toEqual({ payload, tags: ['p', 'p'] });
      expect(html.slice(0, html.indexOf('>') + 1)).toMatch(/^<p title="[^"<>]*">$/);
    }
  });

  test.each(MALICIOUS_URLS.map((url) => [JSON.stringify(url).slice(0, 60), url]))('when the URL %s is checked, then it is refused', (_label, url) => {
    expect(isSafeHttpUrl(url.trim())).toBe(false);
  });
});
