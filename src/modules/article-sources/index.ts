export { createArticleSources, type ArticleSourcesOptions } from './article-sources';
