/** The databases mark matched words with these private-use characters; only `snippetHtml` turns them into markup. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A snippet as safe HTML: every character of the stored text escaped, the match markers (and
 * nothing else) turned into balanced `<mark>` elements. A marker character someone typed into
 * their own text can at most open or close a highlight; it can never make markup.
 */
export function snippetHtml(marked: string): string {
  let html = '';
  let open = false;
  for (const char of marked) {
    if (char === MATCH_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (char === MATCH_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}

/** Collapses whitespace (snippets come from paragraphs and quotes with line breaks). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
