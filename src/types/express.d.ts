import type { User as AccountUser } from '../modules/accounts/accounts-types';

declare global {
  namespace Express {
    interface User extends AccountUser {}
    interface Request {
      /** How this request proved who it is: a session cookie or an API token. */
      authenticatedBy?: 'session' | 'token';
    }
  }
}
