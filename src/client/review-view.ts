import type { CheckValue } from './check-form';
import { el, verdictBadge } from './dom';

export interface CheckJson extends CheckValue {
  id: number;
  reviewer: { id: number; name: string };
  label: string;
  sources: { url: string; domain: string; title: string | null; stance: string; quote: string | null }[];
}

export interface ClaimJson {
  id: number;
  statement: string | null;
  target: { exact: string; start: number; end: number; sentenceIds: string[] };
  visibility: 'all' | 'own' | 'none';
  checks: CheckJson[];
  aggregate: {
    verdict: string | null;
    label: string | null;
    distribution: Record<string, number>;
    reviewers: number;
    agreement: number | null;
    status: string;
  } | null;
  decision: { verdict: string; label: string; summary: string; published: boolean } | null;
}

const STATUS_LABEL: Record<string, string> = {
  disputed: 'Disputed',
  'needs-recheck': 'Needs recheck',
  'needs-review': 'Needs review',
  consensus: 'Consensus',
  published: 'Published',
};

function sourceList(check: CheckJson): HTMLElement {
  return el(
    'ul',
    { class: 'sources' },
    ...check.sources.map((s) =>
      el(
        'li',
        { class: `source stance-${s.stance}` },
        el('a', { href: s.url, rel: 'noopener noreferrer nofollow ugc' }, s.title || s.domain),
        ' ',
        el('span', { class: 'domain' }, `(${s.domain})`),
        ' ',
        el('span', { class: 'stance' }, s.stance),
      ),
    ),
  );
}

/** The claim after the reviewer's own check: the aggregate and everyone's checks, side by side. */
export function claimResult(claim: ClaimJson, myId: number): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (claim.aggregate) {
    const a = claim.aggregate;
    const distribution = Object.entries(a.distribution)
      .filter(([, n]) => n > 0)
      .map(([v, n]) => `${v}: ${n}`)
      .join(', ');
    parts.push(
      el(
        'section',
        { class: 'panel-aggregate', 'aria-label': 'Reviewers’ verdict' },
        el('h3', {}, 'Reviewers’ verdict'),
        el(
          'p',
          {},
          el('span', { class: `status status-${a.status}` }, STATUS_LABEL[a.status] ?? a.status),
          ' · consensus ',
          a.verdict ? verdictBadge(a.verdict, a.label ?? a.verdict) : 'none yet',
        ),
        el(
          'p',
          { class: 'meta' },
          `${a.reviewers} reviewer${a.reviewers === 1 ? '' : 's'} · agreement ${a.agreement === null ? 'needs two ratings' : `${Math.round(a.agreement * 100)} %`} · ${distribution}`,
        ),
      ),
    );
  }
  const cards = claim.checks.map((check) =>
    el(
      'article',
      { class: 'check-card', 'aria-label': `Check by ${check.reviewer.name}` },
      el('h4', {}, check.reviewer.id === myId ? 'Your check' : check.reviewer.name),
      el('p', {}, verdictBadge(check.verdict, check.label), ' ', el('span', { class: 'meta' }, `${check.confidence} confidence`)),
      el('p', { class: 'rationale plain' }, check.rationale),
      sourceList(check),
    ),
  );
  parts.push(el('section', { class: 'panel-checks', 'aria-label': 'Checks' }, ...cards));
  parts.push(el('p', {}, el('a', { href: `/claims/${claim.id}` }, 'Open the claim page')));
  return parts;
}

export interface SimilarClaimJson {
  claimId: number;
  quote: string;
  statement: string | null;
  article: { slug: string; title: string };
  url: string;
  published: boolean;
  verdict: string | null;
  verdictLabel: string | null;
  score: number;
  relation: string;
  note: string;
}

/** "Checked before?": claims on record like the selected text, published fact-checks first (text only, no markup from data). */
export function similarClaims(similar: SimilarClaimJson[]): HTMLElement {
  if (similar.length === 0) return el('p', { class: 'meta similar-none' }, 'No similar claim on record.');
  return el(
    'ul',
    { class: 'similar-list' },
    ...similar.map((s) =>
      el(
        'li',
        { class: `similar-claim similar-${s.relation}` },
        el(
          'p',
          { class: 'similar-meta' },
          s.verdict && s.verdictLabel ? verdictBadge(s.verdict, s.verdictLabel) : el('span', { class: 'status-tag' }, 'Not yet published'),
          ' ',
          el('span', { class: 'similar-note' }, s.note),
          ` · ${Math.round(s.score * 100)} % alike`,
        ),
        el('blockquote', { class: 'claim-quote' }, `“${s.quote.length > 240 ? `${s.quote.slice(0, 240)}…` : s.quote}”`),
        el('p', { class: 'similar-article' }, `In ${s.article.title} · `, el('a', { href: s.url }, s.published ? 'Open the fact-check' : 'Open the claim')),
      ),
    ),
  );
}
