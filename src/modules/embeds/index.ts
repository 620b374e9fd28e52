export { embedsRoutes } from './embeds-routes';
