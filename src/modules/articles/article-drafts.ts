import type { DiffPart } from '../../lib/text-diff';
import type { BlockDraft, ComposedDocument } from './article-document';
import type { CreateArticleInput, UpdateArticleInput } from './articles-schemas';
import type { Article, RevisionOrigin } from './articles-types';

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
  /** What the editor should check before saving (extraction's warnings; none for plain text). */
  warnings: string[];
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

/**
 * Where an article's text comes from (plain text, HTML, a fetched page), as the articles service
 * needs it: drafts, never stored. The article-sources module provides it (services.ts hands it in),
 * so fetching and extraction change there, and articles stays the store.
 */
export interface ArticleSources {
  /** What a new article would be, from text, HTML or an address. */
  draftOf(input: CreateArticleInput): Promise<ArticleDraft>;
  /** What an update would make of an article (fetching its source again if asked), and how. */
  updateDraft(article: Article, input: UpdateArticleInput): Promise<{ draft: ArticleDraft; origin: RevisionOrigin }>;
}
