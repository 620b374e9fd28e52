import type { Queryable } from '../../db/knex';
import type { Revision } from '../../db/revisions';
import type { Verdict } from '../verdicts';
import * as repo from './checks-repository';
import type { Check } from './checks-types';

/**
 * What other modules read of checks (the review module's read model and the decision's
 * evidence), in the caller's transaction when it gives one. Reads only: filing and editing are
 * the checks service's.
 */
export const checksReader = {
  ofClaims: (db: Queryable, claimIds: number[]): Promise<Check[]> => repo.listChecks(db, claimIds),
  /** Each check's independent verdict (the one reached before others' checks were visible), by claim and reviewer. */
  independentVerdicts: (db: Queryable, claimIds: number[]): Promise<{ claimId: number; reviewerId: number; verdict: Verdict }[]> =>
    repo.listIndependentVerdicts(db, claimIds),
  revisionsOf: (db: Queryable, checkIds: number[]): Promise<Revision[]> => repo.listCheckRevisions(db, checkIds),
};
