import { createHash } from 'node:crypto';
import { UnprocessableError } from '../../lib/errors';
import type { DiffPart } from '../../lib/text-diff';
import type { ExtractedArticle } from '../../extraction/html-article';
import type { BlockDraft, ComposedDocument } from './article-document';
import type { Article } from './articles-types';

/** What an import or update is made of before anything is stored: drafts from a source, their digest, and a written revision's shape. */

/** What an article's source gave: blocks and metadata, before anything is stored. */
export interface ArticleDraft {
  title: string;
  byline: string | null;
  publishedAt: string | null;
  sourceUrl: string | null;
  drafts: BlockDraft[];
  /** Identifies the extracted text, so a form can tell whether a page changed between preview and save. */
  digest: string;
}

/** A revision written in a transaction: what the claims module needs to re-anchor. */
export interface WrittenRevision {
  articleId: number;
  number: number;
  document: ComposedDocument;
  /** The word diff from the previous text (null when too different to diff): computed once per update. */
  diff: DiffPart[] | null;
}

export type UpdateOutcome = { changed: false; article: Article } | { changed: true; article: Article; revision: WrittenRevision };

export const digestOf = (title: string, drafts: BlockDraft[]) =>
  createHash('sha256')
    .update(JSON.stringify([title, drafts]))
    .digest('hex')
    .slice(0, 16);

export function draftFromExtraction(
  extracted: ExtractedArticle,
  corrections: { title?: string; byline?: string | null; publishedAt?: string | null },
): ArticleDraft {
  if (!extracted.blocks.some((block) => block.kind === 'paragraph'))
    throw new UnprocessableError('No article text was found on the page (Factline looks for the main body of paragraphs); paste the text instead.');
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
  };
}
