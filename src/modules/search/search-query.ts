import { ValidationError } from '../../lib/errors';

/** What a person may type: longer text or more words are refused with a 400 that says so. */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 12;
/** A prefix shorter than this would match most of the index; it is matched as a whole word instead. */
const MIN_PREFIX_CHARS = 2;

/** One unit of a query: a word, or a phrase (several tokens in order); `prefix` matches words that start with the last token. */
export interface QueryGroup {
  tokens: string[];
  prefix: boolean;
}

export interface SearchQuery {
  text: string;
  groups: QueryGroup[];
}

/** Letters and digits in any script: everything else (FTS syntax, quotes, operators, punctuation) separates tokens and is never passed on. */
export function tokensOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Reads what a person typed into a query both databases can run safely. `"…"` is a phrase; a
 * word ending in `*` is a prefix, and so is the last word while it is being typed (no space after
 * it); a word with inner punctuation ("22,000", "U.S.") is a phrase of its parts; every other
 * word must occur (AND). Nothing of the input reaches the database's query syntax except
 * letters and digits, each quoted by the compilers below.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const text = raw.trim();
  if (text.length > MAX_QUERY_CHARS) throw new ValidationError(`The search text is too long: at most ${MAX_QUERY_CHARS} characters.`);
  const groups: QueryGroup[] = [];
  const pieces = text.split(/("[^"]*"?)/);
  pieces.forEach((piece, i) => {
    if (piece.startsWith('"')) {
      const tokens = tokensOf(piece);
      if (tokens.length > 0) groups.push({ tokens, prefix: false });
      return;
    }
    const words = piece.split(/\s+/).filter(Boolean);
    words.forEach((word, j) => {
      const tokens = tokensOf(word);
      if (tokens.length === 0) return;
      const typing = i === pieces.length - 1 && j === words.length - 1 && !/\s$/.test(raw);
      const prefix = (word.endsWith('*') || typing) && tokens[tokens.length - 1].length >= MIN_PREFIX_CHARS;
      groups.push({ tokens, prefix });
    });
  });
  if (groups.length === 0) throw new ValidationError('Type at least one letter or digit to search.');
  if (groups.length > MAX_QUERY_WORDS) throw new ValidationError(`Too many words: search with at most ${MAX_QUERY_WORDS}.`);
  return { text, groups };
}

/** FTS5 MATCH text: every group must match; phrases quoted, prefixes starred. */
export function toFts5(query: SearchQuery): string {
  return query.groups.map(fts5Group).join(' AND ');
}

/** FTS5 MATCH text where any of the tokens may match (candidates for claim matching). */
export function anyTokenFts5(tokens: string[]): string {
  return tokens.map((token) => `"${token}"`).join(' OR ');
}

function fts5Group(group: QueryGroup): string {
  return `"${group.tokens.join(' ')}"${group.prefix ? '*' : ''}`;
}

/** PostgreSQL tsquery text (for to_tsquery): phrases with <->, prefixes with :*, every group required. */
export function toTsquery(query: SearchQuery): string {
  return query.groups
    .map((group) => group.tokens.map((token, i) => `'${token}'${group.prefix && i === group.tokens.length - 1 ? ':*' : ''}`).join(' <-> '))
    .join(' & ');
}

/** PostgreSQL tsquery text where any of the tokens may match. */
export function anyTokenTsquery(tokens: string[]): string {
  return tokens.map((token) => `'${token}'`).join(' | ');
}
