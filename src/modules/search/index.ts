export { createSearchService, type SearchService, type SimilarClaim } from './search-service';
export { searchRoutes } from './search-routes';
export { SimilarClaimJson } from './search-responses';
