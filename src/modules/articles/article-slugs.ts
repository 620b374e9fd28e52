import { slugify } from './article-document';

/** A letter of a script other than Latin (Han, Cyrillic, Arabic, Devanagari…). */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** How many numbered slugs (`title-2`, `title-3`…) a new article tries before its address is made from the time. */
export const NUMBERED_SLUGS = 50;

/**
 * The address an article's title gives, in any script: Latin letters lose their accents, other
 * scripts are transliterated (`transliteration`: pinyin for Chinese, Hepburn for kana, the usual
 * romanisations for Cyrillic, Greek, Arabic…), so "宇航员在太空中" is `yu-hang-yuan-zai-tai-kong-zhong`.
 * The transliteration tables are loaded with the first such title, not at start.
 */
export async function slugFor(title: string): Promise<string> {
  if (!NON_LATIN_LETTER.test(title)) return slugify(title);
  const { transliterate } = await import('transliteration');
  return slugify(transliterate(title));
}

/** The addresses a new article may take, in the order preferred: the title's own, then numbered ones. */
export function slugCandidates(base: string): string[] {
  return [base, ...Array.from({ length: NUMBERED_SLUGS - 1 }, (_, i) => `${base}-${i + 2}`)];
}

/** The first candidate not in `taken`, or one made from the time when all are. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  return slugCandidates(base).find((slug) => !taken.has(slug)) ?? `${base}-${Date.now().toString(36)}`;
}
