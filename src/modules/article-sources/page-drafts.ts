import { createHash } from 'node:crypto';
import { UnprocessableError } from '../../lib/errors';
import type { ExtractedArticle } from '../../extraction/html-article';
import { notAnArticle } from '../../extraction/import-quality';
import type { ArticleDraft, BlockDraft } from '../articles';

/** Identifies drafts' text, so a form can tell whether a page changed between preview and save. */
export const digestOf = (title: string, drafts: BlockDraft[]) =>
  createHash('sha256')
    .update(JSON.stringify([title, drafts]))
    .digest('hex')
    .slice(0, 16);

/** What a page read by extraction would store, with the editor's corrections; refused when it found no article (chrome only). */
export function draftFromExtraction(
  extracted: ExtractedArticle,
  corrections: { title?: string; byline?: string | null; publishedAt?: string | null },
): ArticleDraft {
  if (extracted.blocks.length === 0)
    throw new UnprocessableError('No article text was found on the page (Factline looks for the main body of text); paste the text instead.');
  const refusal = notAnArticle(extracted.quality);
  if (refusal) throw new UnprocessableError(refusal);
  const title = corrections.title ?? extracted.title;
  if (!title) throw new UnprocessableError('The page has no headline Factline could find; give a title.');
  const drafts: BlockDraft[] = [{ kind: 'headline', text: title }, ...extracted.blocks.map((block) => ({ ...block }))];
  return {
    title,
    byline: corrections.byline ?? extracted.byline,
    publishedAt: corrections.publishedAt ?? extracted.publishedAt,
    sourceUrl: extracted.canonicalUrl,
    drafts,
    digest: digestOf('', extracted.blocks),
    warnings: extracted.warnings,
  };
}
