import type { Verdict } from '../modules/verdicts';

/** Who did it: a person (with the address they came from), or Factline itself ("system") or an operator at the CLI. */
export interface Actor {
  actorId: number | null;
  ip: string | null;
  /** The door other than the web or API it came through, kept in the audit event's details. */
  via?: 'cli' | 'system';
}

/** Sign-in, accounts, roles, passwords and tokens: facts the audit log keeps and nothing else follows. */
export const ACCOUNT_EVENT_KINDS = [
  'login.succeeded',
  'login.failed',
  'login.blocked',
  'logout',
  'account.registered',
  'account.created',
  'account.role_changed',
  'account.disabled',
  'account.enabled',
  'account.password_changed',
  'account.password_reset',
  'account.email_changed',
  'registration.changed',
  'registration.refused',
  'token.created',
  'token.revoked',
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

export interface AccountEvent {
  kind: AccountEventKind;
  actor: Actor;
  /** The account or username it is about. */
  subject: string | null;
  details?: Record<string, unknown> | null;
}

export interface ArticleCreated {
  kind: 'article.created';
  article: { id: number; slug: string; title: string; sourceUrl: string | null };
}

export interface ArticleRevised {
  kind: 'article.revised';
  article: { id: number; slug: string; title: string };
  revision: number;
  /** How the article's claims were re-anchored in the new revision. */
  anchoring: unknown;
}

export interface ClaimCreated {
  kind: 'claim.created';
  claim: {
    id: number;
    article: { slug: string; title: string };
    statement: string | null;
    target: { exact: string; prefix: string; suffix: string; start: number; end: number };
    createdBy: number;
  };
}

export interface FiledCheck {
  id: number;
  claimId: number;
  reviewerId: number;
  /** The check as filed: verdict, confidence, rationale, sources. */
  content: Readonly<Record<string, unknown>>;
}

/** Checks committed together (a group commit files many at once). */
export interface ChecksFiled {
  kind: 'checks.filed';
  checks: FiledCheck[];
}

export interface CheckEdited {
  kind: 'check.edited';
  checkId: number;
  claimId: number;
}

/** An editor saved a decision: a draft, a publication, or taking a publication back. */
export interface DecisionSaved {
  kind: 'decision.saved';
  actor: Actor;
  claimId: number;
  decidedBy: number;
  verdict: Verdict;
  summary: string;
  note: string | null;
  published: boolean;
  wasPublished: boolean;
  /** Whoever filed a check on the claim, when the decision was saved. */
  reviewerIds: number[];
}

export interface ClaimLinked {
  kind: 'claim.same_as';
  actor: Actor;
  claimId: number;
  sameAs: number;
}

export interface ClaimUnlinked {
  kind: 'claim.same_as_removed';
  actor: Actor;
  claimId: number;
  was: number;
}

/** An article changed under these claims' published verdicts: each needs its editor again. */
export interface ClaimsNeedRecheck {
  kind: 'claims.need_recheck';
  claimIds: number[];
  /** The editor who published each of those verdicts. */
  publishers: { claimId: number; userId: number }[];
}

export interface ClaimsAssigned {
  kind: 'claims.assigned';
  editorId: number;
  assigneeId: number;
  due: string | null;
  claims: { id: number; quote: string }[];
}

export interface AssignmentsDueTomorrow {
  kind: 'assignments.due_tomorrow';
  date: string;
  items: { claimId: number; reviewerId: number; quote: string }[];
}

export interface CommentPosted {
  kind: 'comment.posted';
  claimId: number;
  commentId: number;
  authorId: number;
  /** People named with @ who may read the discussion. */
  mentioned: number[];
  /** Earlier authors in the thread who may read it, not counting those mentioned. */
  participants: number[];
}

/** What happened, as the service that made the change says it: subscribers decide what follows. */
export type DomainEvent =
  | AccountEvent
  | ArticleCreated
  | ArticleRevised
  | ClaimCreated
  | ChecksFiled
  | CheckEdited
  | DecisionSaved
  | ClaimLinked
  | ClaimUnlinked
  | ClaimsNeedRecheck
  | ClaimsAssigned
  | AssignmentsDueTomorrow
  | CommentPosted;

export type DomainEventKind = DomainEvent['kind'];

/** Every kind, for tests that walk them all. */
export const DOMAIN_EVENT_KINDS: readonly DomainEventKind[] = [
  ...ACCOUNT_EVENT_KINDS,
  'article.created',
  'article.revised',
  'claim.created',
  'checks.filed',
  'check.edited',
  'decision.saved',
  'claim.same_as',
  'claim.same_as_removed',
  'claims.need_recheck',
  'claims.assigned',
  'assignments.due_tomorrow',
  'comment.posted',
];

export function isAccountEvent(event: DomainEvent): event is AccountEvent {
  return (ACCOUNT_EVENT_KINDS as readonly string[]).includes(event.kind);
}
