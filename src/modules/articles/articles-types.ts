import type { ComposedBlock, ComposedSentence } from './article-document';

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  byline: string | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface Article extends ArticleSummary {
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
