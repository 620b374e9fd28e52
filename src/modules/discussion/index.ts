export { createDiscussionService, type DiscussionService } from './discussion-service';
export { discussionRoutes } from './discussion-routes';
