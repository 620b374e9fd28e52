import { z } from 'zod';
import { ChangePasswordInput, CreateUserInput, ResetPasswordInput, TokenNameInput } from '../modules/accounts/accounts-schemas';
import { UpdateUserInput } from '../modules/accounts/admin-routes';
import { CreateArticleInput } from '../modules/articles/articles-schemas';
import { AuditFilter } from '../modules/audit';
import { CheckInput, CheckUpdateInput, CreateClaimInput, QueueFilter } from '../modules/claims/claims-schemas';
import { PageQuery } from '../modules/exports/exports-routes';
import { DecisionInput } from '../modules/verdicts';
import type { ApiCatalog } from './openapi';

const LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** Summaries of the API routes; request shapes are the schemas the handlers validate with. */
export const API_CATALOG: ApiCatalog = {
  'GET /api/v1/articles': { tag: 'Articles', summary: 'List the articles.' },
  'POST /api/v1/articles': { tag: 'Articles', summary: 'Add an article from plain text (blank lines between paragraphs, "## " for subheadings).', body: CreateArticleInput, success: 201 },
  'GET /api/v1/articles/{slug}': { tag: 'Articles', summary: 'An article: its text, blocks and sentences with offsets.' },
  'GET /api/v1/articles/{slug}/claims': { tag: 'Claims', summary: 'The article’s claims for a signed-in reviewer: checked by you, and the status where you may see it.' },
  'POST /api/v1/articles/{slug}/claims': { tag: 'Claims', summary: 'Create a claim on a sentence or an exact quote (200 with the existing claim for the same span).', body: CreateClaimInput, success: 201 },
  'GET /api/v1/claims/{id}': { tag: 'Claims', summary: 'A claim with the checks, aggregate and decision the caller may see.' },
  'POST /api/v1/claims/{id}/checks': { tag: 'Checks', summary: 'File your check of a claim (one per reviewer).', body: CheckInput, success: 201 },
  'PATCH /api/v1/checks/{id}': { tag: 'Checks', summary: 'Edit your own check; every change is kept.', body: CheckUpdateInput },
  'POST /api/v1/claims/{id}/decision': { tag: 'Decisions', summary: 'Decide the final verdict, write the public summary, publish or unpublish.', body: DecisionInput },
  'GET /api/v1/articles/{slug}/verdicts': { tag: 'Reader', summary: 'Published decisions with their targets: what the reader overlay draws.' },
  'GET /api/v1/articles/{slug}/agreement': { tag: 'Decisions', summary: 'Krippendorff’s alpha (nominal, ordinal, interval) over the article’s ratings.' },
  'GET /api/v1/review': { tag: 'Decisions', summary: 'The review queue, disputed first.', query: QueueFilter },
  'GET /api/v1/articles/{slug}/claimreview': { tag: 'Standards', summary: 'schema.org ClaimReview for each published decision of the article.' },
  'GET /api/v1/articles/{slug}/annotations': { tag: 'Standards', summary: 'W3C Web Annotations of the article (AnnotationCollection; ?page=N for a page).', query: PageQuery, responseType: LD },
  'POST /api/v1/articles/{slug}/annotations': { tag: 'Standards', summary: 'Import Web Annotations or Hypothesis rows: claims and checks, re-anchored by quote, with a report.', body: z.unknown() },
  'GET /api/v1/annotations/{id}': { tag: 'Standards', summary: 'One Web Annotation (check-N or decision-N).', responseType: LD },
  'GET /api/v1/articles/{slug}/export.csv': { tag: 'Exports', summary: 'The article’s claims as CSV.', responseType: 'text/csv' },
  'GET /api/v1/articles/{slug}/export.json': { tag: 'Exports', summary: 'The article’s claims as JSON.' },
  'GET /api/v1/me': { tag: 'Accounts', summary: 'The signed-in account, and the CSRF token for cookie-authenticated calls.' },
  'POST /api/v1/me/password': { tag: 'Accounts', summary: 'Change your password (the current one is required); your other sessions end.', body: ChangePasswordInput, success: 204 },
  'GET /api/v1/tokens': { tag: 'Accounts', summary: 'Your API tokens (never the tokens themselves).' },
  'POST /api/v1/tokens': { tag: 'Accounts', summary: 'Create an API token; the token is returned once.', body: TokenNameInput, success: 201 },
  'DELETE /api/v1/tokens/{id}': { tag: 'Accounts', summary: 'Revoke one of your tokens.', success: 204 },
  'GET /api/v1/users': { tag: 'Admin', summary: 'All accounts.' },
  'POST /api/v1/users': { tag: 'Admin', summary: 'Create an account.', body: CreateUserInput, success: 201 },
  'PATCH /api/v1/users/{id}': { tag: 'Admin', summary: 'Change an account’s role, or disable or enable it.', body: UpdateUserInput },
  'POST /api/v1/users/{id}/password': { tag: 'Admin', summary: 'Set a new password for an account; every session of that account ends.', body: ResetPasswordInput, success: 204 },
  'GET /api/v1/audit': { tag: 'Admin', summary: 'The audit log, newest first.', query: AuditFilter },
  'GET /api/v1/openapi.json': { tag: 'Meta', summary: 'This document.' },
};
