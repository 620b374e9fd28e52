import { compareCodeUnits } from '../../lib/collections';
import { hasRole, type Role } from '../accounts';
import { renderMarkdown } from '../../lib/markdown';
import { VERDICT_LABEL, VERDICT_VALUE, type Aggregate, type Decision } from '../verdicts';
import { anchorJson, targetJson, type Revision } from '../claims';
import { checkJson, sourceJson, type Check } from '../checks';
import type { ClaimView, QueueItem, ReviewService } from './review-service';
import type { Assignee, ReviewDesk } from './review-desk';
import type { QueueFilter } from './review-schemas';

export const STATUS_LABEL: Record<Aggregate['status'], string> = {
  disputed: 'Disputed',
  'needs-recheck': 'Needs recheck',
  'needs-review': 'Needs review',
  consensus: 'Consensus',
  published: 'Published',
};

export function aggregateJson(aggregate: Aggregate) {
  return {
    verdict: aggregate.verdict,
    label: aggregate.verdict ? VERDICT_LABEL[aggregate.verdict] : null,
    ratingValue: aggregate.ratingValue,
    distribution: aggregate.distribution,
    reviewers: aggregate.reviewers,
    agreement: aggregate.agreement,
    status: aggregate.status,
  };
}

export function decisionJson(decision: Decision, options: { internal: boolean }) {
  return {
    verdict: decision.verdict,
    label: VERDICT_LABEL[decision.verdict],
    ratingValue: VERDICT_VALUE[decision.verdict],
    summary: decision.summary,
    published: decision.published,
    publishedAt: decision.published ? decision.firstPublishedAt : null,
    updatedAt: decision.decidedAt,
    ...(options.internal
      ? { note: decision.note, decidedBy: decision.decidedByName, newEvidenceAt: decision.newEvidenceAt, needsRecheckAt: decision.needsRecheckAt }
      : {}),
  };
}

/** GET /api/v1/claims/:id, shaped by what the viewer may see. */
export function claimJson(view: ClaimView) {
  const internal = view.policy.decisionInternals;
  return {
    id: view.claim.id,
    article: view.article,
    statement: view.claim.statement,
    target: targetJson(view.claim),
    anchor: anchorJson(view.claim),
    createdAt: view.claim.createdAt,
    visibility: view.policy.checks,
    checks: view.checks.map(checkJson),
    aggregate: view.aggregate ? aggregateJson(view.aggregate) : null,
    decision: view.decision ? decisionJson(view.decision, { internal }) : null,
    sources: view.publicSources.map(sourceJson),
    sameAs: view.sameAs
      ? {
          claimId: view.sameAs.claimId,
          article: view.sameAs.article,
          verdict: view.sameAs.decision.verdict,
          label: VERDICT_LABEL[view.sameAs.decision.verdict],
          summary: view.sameAs.decision.summary,
          firstPublishedAt: view.sameAs.decision.firstPublishedAt,
        }
      : null,
  };
}

function describeChange(kind: 'check' | 'decision', revision: Revision): string {
  const before = revision.before as Record<string, unknown> | null;
  const after = revision.after as Record<string, unknown>;
  const label = (v: unknown) => VERDICT_LABEL[v as keyof typeof VERDICT_LABEL] ?? String(v);
  if (!before) {
    return kind === 'check'
      ? `filed a check: ${label(after.verdict)} (${String(after.confidence)} confidence)`
      : `decided ${label(after.verdict)}${after.published ? ' and published it' : ' (not published)'}`;
  }
  const changes: string[] = [];
  if (before.verdict !== after.verdict) changes.push(`verdict ${label(before.verdict)} → ${label(after.verdict)}`);
  if (before.confidence !== after.confidence && after.confidence !== undefined)
    changes.push(`confidence ${String(before.confidence)} → ${String(after.confidence)}`);
  if (before.rationale !== after.rationale && after.rationale !== undefined) changes.push('rewrote the rationale');
  if (JSON.stringify(before.sources) !== JSON.stringify(after.sources) && after.sources !== undefined) changes.push('changed the sources');
  if (before.summary !== after.summary && after.summary !== undefined) changes.push('rewrote the summary');
  if (before.published !== after.published) changes.push(after.published ? 'published it' : 'unpublished it');
  return `${kind === 'check' ? 'edited their check' : 'changed the decision'}: ${changes.join(', ') || 'no visible change'}`;
}

/** A display name can be anything its owner chose; the username beside it is unique. */
function personLabel(revision: Revision): string {
  return revision.changedByUsername ? `${revision.changedByName ?? revision.changedByUsername} (@${revision.changedByUsername})` : 'a former user';
}

function historyView(view: ClaimView) {
  const entries = [
    ...view.history.checks.map((r) => ({ at: r.changedAt, who: personLabel(r), what: describeChange('check', r) })),
    ...view.history.decision.map((r) => ({ at: r.changedAt, who: personLabel(r), what: describeChange('decision', r) })),
    ...view.history.sameAs.map((e) => ({
      at: e.at,
      who: e.actorUsername ? `${e.actorName ?? e.actorUsername} (@${e.actorUsername})` : 'a former user',
      what: e.action === 'linked' ? `marked it as the same claim as claim ${e.targetClaimId}` : `undid “the same claim as” claim ${e.targetClaimId}`,
    })),
  ];
  return entries.sort((a, b) => compareCodeUnits(a.at, b.at));
}

function checkView(check: Check) {
  return {
    ...checkJson(check),
    rationaleHtml: renderMarkdown(check.rationale),
    edited: check.updatedAt !== check.createdAt,
    independentLabel: VERDICT_LABEL[check.independentVerdict],
  };
}

export function distributionBars(aggregate: Aggregate) {
  const total = Math.max(1, aggregate.reviewers);
  return (Object.keys(aggregate.distribution) as (keyof typeof aggregate.distribution)[]).map((verdict) => ({
    verdict,
    label: VERDICT_LABEL[verdict],
    count: aggregate.distribution[verdict],
    percent: Math.round((aggregate.distribution[verdict] / total) * 100),
  }));
}

export function claimPage(view: ClaimView, viewer: { role: Role } | null) {
  const isEditor = viewer !== null && hasRole(viewer.role, 'editor');
  return {
    title: view.claim.statement ?? `“${view.claim.exact.slice(0, 80)}”`,
    claim: { ...claimJson(view), sentenceLink: `/articles/${view.article.slug}#${view.claim.sentenceIds[0] ?? ''}` },
    checks: view.checks.map(checkView),
    ownCheck: view.ownCheck ? checkJson(view.ownCheck) : null,
    aggregate: view.aggregate
      ? {
          ...aggregateJson(view.aggregate),
          statusLabel: STATUS_LABEL[view.aggregate.status],
          bars: distributionBars(view.aggregate),
          agreementPercent: view.aggregate.agreement === null ? null : Math.round(view.aggregate.agreement * 100),
        }
      : null,
    history: historyView(view),
    can: {
      check: viewer !== null && view.ownCheck === null,
      edit: view.ownCheck !== null,
      decide: isEditor,
      seeOthers: view.policy.checks === 'all',
    },
  };
}

/** The queue's query from its filter: the assignee filter and the due order come from the desk (assignments). */
export async function queueQuery(filter: QueueFilter, assignments: ReviewDesk['assignments'], defaultLimit: number) {
  const [claimIds, dueDates] = await Promise.all([
    filter.assignee ? assignments.claimsAssignedTo(filter.assignee) : undefined,
    filter.sort === 'due' ? assignments.earliestOpenDue() : undefined,
  ]);
  return {
    articleSlug: filter.article,
    status: filter.status,
    claimIds,
    sort: filter.sort,
    after: filter.after,
    limit: filter.limit ?? defaultLimit,
    dueDates,
  };
}

const assigneeJson = (a: Assignee) => ({ username: a.username, displayName: a.displayName, due: a.due, done: a.done, overdue: a.overdue });

export function queueJson(items: QueueItem[], assignees: Map<number, Assignee[]> = new Map()) {
  return items.map((item) => ({
    assignees: (assignees.get(item.claim.id) ?? []).map(assigneeJson),
    id: item.claim.id,
    article: item.article,
    statement: item.claim.statement,
    target: targetJson(item.claim),
    anchor: anchorJson(item.claim),
    aggregate: aggregateJson(item.aggregate),
    decision: item.decision ? decisionJson(item.decision, { internal: true }) : null,
  }));
}

export function queuePage(
  items: QueueItem[],
  filter: QueueFilter,
  articles: { slug: string; title: string }[],
  assignees: Map<number, Assignee[]>,
  counts: Record<Aggregate['status'], number>,
  next: string | null,
) {
  return {
    title: 'Review queue',
    filter,
    articles,
    counts,
    next,
    items: items.map((item) => ({
      id: item.claim.id,
      assignees: (assignees.get(item.claim.id) ?? []).map(assigneeJson),
      quote: item.claim.exact,
      statement: item.claim.statement,
      article: item.article,
      status: item.aggregate.status,
      statusLabel: STATUS_LABEL[item.aggregate.status],
      consensus: item.aggregate.verdict ? VERDICT_LABEL[item.aggregate.verdict] : '—',
      consensusVerdict: item.aggregate.verdict,
      reviewers: item.aggregate.reviewers,
      agreementPercent: item.aggregate.agreement === null ? null : Math.round(item.aggregate.agreement * 100),
      decision: item.decision
        ? {
            label: VERDICT_LABEL[item.decision.verdict],
            verdict: item.decision.verdict,
            published: item.decision.published,
            newEvidence: item.decision.newEvidenceAt !== null,
          }
        : null,
    })),
  };
}

/** The panel under an article for a signed-in person (views/review/reviewer-panel.ejs), from `forReviewer`. */
export function reviewerPanel(list: Awaited<ReturnType<ReviewService['forReviewer']>>) {
  return {
    claims: list.map(({ claim, checkedByMe, checks, status }) => ({
      id: claim.id,
      quote: claim.exact,
      statement: claim.statement,
      checkedByMe,
      checks,
      status,
    })),
  };
}
