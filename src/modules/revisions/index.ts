export { createRevisionsService, type RevisionsService } from './revisions-service';
export { revisionsRoutes } from './revisions-routes';
