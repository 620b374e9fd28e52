export { createAccountsService, type AccountsService } from './accounts-service';
export { accountsRoutes } from './accounts-routes';
export { KnexSessionStore } from './session-store';
export type { User, ApiToken } from './accounts-types';
export { userJson } from './accounts-presenter';
