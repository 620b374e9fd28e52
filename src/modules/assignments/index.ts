export { createAssignmentsService, type AssignmentsService } from './assignments-service';
export { assignmentsRoutes } from './assignments-routes';
