export { createSearchService, type SearchService, type SimilarClaim } from './search-service';
export { searchRoutes } from './search-routes';
