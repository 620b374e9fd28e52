export { createArticlesService, type ArticlesService } from './articles-service';
export { articlesRoutes } from './articles-routes';
export type { Article, ArticleSummary, Sentence } from './articles-types';
export { segmentSentences } from './segmentation';
export { SlugParam } from './articles-schemas';
export { articlePage, type BlockView } from './articles-presenter';
