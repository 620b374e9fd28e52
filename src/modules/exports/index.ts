export { createExportsService, type ExportsService } from './exports-service';
export { exportsRoutes } from './exports-routes';
