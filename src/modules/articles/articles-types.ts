import type { ComposedBlock, ComposedSentence } from './article-document';

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  byline: string | null;
  publishedAt: string | null;
  /** The address of the article on the publisher's site (its canonical URL), when known. */
  sourceUrl: string | null;
  createdAt: string;
}

export interface Article extends ArticleSummary {
  /** The current revision's number (the import is 1). */
  revision: number;
  authorBio: string | null;
  sourceUrl: string | null;
  publisherName: string | null;
  publisherTagline: string | null;
  text: string;
  blocks: ArticleBlock[];
  sentences: Sentence[];
}

/** A stored block and sentence have exactly the shape composition gives them. */
export type ArticleBlock = ComposedBlock;
export type Sentence = ComposedSentence;

export interface NewArticle {
  slug: string;
  title: string;
  byline: string | null;
  authorBio: string | null;
  publishedAt: string | null;
  sourceUrl: string | null;
  publisherName: string | null;
  publisherTagline: string | null;
  createdBy: number | null;
}

/** How a revision came in: the first import, or an update from text, from HTML, or from the source page again. */
export type RevisionOrigin = 'import' | 'text' | 'html' | 'source';

/** What a revision changed, in words (from the word diff against the revision before). */
export interface ChangeSummary {
  insertedWords: number;
  deletedWords: number;
}

/** How the article's claims anchored in a revision. */
export interface AnchoringCounts {
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export interface RevisionSummary {
  number: number;
  origin: RevisionOrigin;
  sourceUrl: string | null;
  change: ChangeSummary;
  anchoring: AnchoringCounts | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

export interface ArticleRevision extends RevisionSummary {
  text: string;
  blocks: ArticleBlock[];
  sentences: Sentence[];
}
