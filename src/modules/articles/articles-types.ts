import type { BlockKind } from './article-document';

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

export interface ArticleBlock {
  kind: BlockKind;
  position: number;
  start: number;
  end: number;
  credit: string | null;
}

export interface Sentence {
  id: string;
  position: number;
  blockPosition: number;
  start: number;
  end: number;
  text: string;
}

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
