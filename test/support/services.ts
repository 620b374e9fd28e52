import { DEFAULT_MIN_REVIEWS } from '../../src/config';
import type { Db } from '../../src/db/knex';
import { createServices } from '../../src/services';

/** The app's domain services over a test database, wired as the app wires them (one event mechanism). */
export const servicesOf = (db: Db, minOrdinalChecks = DEFAULT_MIN_REVIEWS) => createServices(db, { minOrdinalChecks });
