/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) for Factline:
 * every check is an Annotation with motivation `assessing`: the verdict and the rationale are
 * TextualBodies (purposes `assessing` and `describing`), each source a SpecificResource with
 * purpose `linking`; the target is the article with a TextQuoteSelector and a
 * TextPositionSelector. A published decision is an Annotation by the organisation. Properties
 * the model has no term for (stance, confidence, a source's excerpt) use the `factline:`
 * prefix declared in the context; a source's title is `schema:name`.
 */
import { VERDICT_LABEL, type Verdict } from '../verdicts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNO_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const PAGE_SIZE = 100;

export interface AnnotatedClaim {
  id: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets in code points; absent when the quote is no longer in the current text (an orphaned claim). */
  start?: number;
  end?: number;
  /** The article revision the selectors address, and when it was made. */
  revision: { number: number; date: string | null };
}

export interface AnnotatedCheck {
  id: number;
  reviewerId: number;
  reviewerName: string;
  verdict: Verdict;
  confidence: string;
  rationale: string;
  sources: { url: string; title: string | null; stance: string; quote: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export interface AnnotatedDecision {
  verdict: Verdict;
  summary: string;
  firstPublishedAt: string | null;
  decidedAt: string;
}

export function annotationContext(baseUrl: string) {
  return [ANNO_CONTEXT, { factline: `${baseUrl}/ns/factline#`, schema: 'http://schema.org/' }];
}

/**
 * The article as it was in the revision the selectors address: a TimeState (W3C model §4.2.1)
 * whose `cached` copy is that revision's text in the API, and whose `sourceDate` is when it was made.
 */
function target(baseUrl: string, slug: string, claim: AnnotatedClaim) {
  return {
    source: `${baseUrl}/articles/${slug}`,
    selector: [
      { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      ...(claim.start !== undefined && claim.end !== undefined ? [{ type: 'TextPositionSelector', start: claim.start, end: claim.end }] : []),
    ],
    state: {
      type: 'TimeState',
      cached: `${baseUrl}/api/v1/articles/${slug}?revision=${claim.revision.number}`,
      ...(claim.revision.date ? { sourceDate: claim.revision.date } : {}),
    },
  };
}

function verdictBody(verdict: Verdict) {
  return { type: 'TextualBody', purpose: 'assessing', value: verdict, format: 'text/plain', 'schema:name': VERDICT_LABEL[verdict] };
}

export function checkAnnotation(baseUrl: string, slug: string, claim: AnnotatedClaim, check: AnnotatedCheck) {
  return {
    '@context': annotationContext(baseUrl),
    id: `${baseUrl}/api/v1/annotations/check-${check.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: check.createdAt,
    modified: check.updatedAt,
    creator: { id: `${baseUrl}/users/${check.reviewerId}`, type: 'Person', name: check.reviewerName },
    'factline:confidence': check.confidence,
    body: [
      verdictBody(check.verdict),
      { type: 'TextualBody', purpose: 'describing', value: check.rationale, format: 'text/markdown' },
      ...check.sources.map((source) => ({
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: source.url, type: 'Text', format: 'text/html', ...(source.title ? { 'schema:name': source.title } : {}) },
        'factline:stance': source.stance,
        ...(source.quote ? { 'factline:excerpt': source.quote } : {}),
      })),
    ],
    target: target(baseUrl, slug, claim),
  };
}

export function decisionAnnotation(baseUrl: string, publisherName: string, slug: string, claim: AnnotatedClaim, decision: AnnotatedDecision) {
  return {
    '@context': annotationContext(baseUrl),
    id: `${baseUrl}/api/v1/annotations/decision-${claim.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: decision.firstPublishedAt ?? decision.decidedAt,
    modified: decision.decidedAt,
    creator: { id: baseUrl, type: 'Organization', name: publisherName },
    body: [verdictBody(decision.verdict), { type: 'TextualBody', purpose: 'describing', value: decision.summary, format: 'text/plain' }],
    target: target(baseUrl, slug, claim),
  };
}

/** Only the first annotation of a collection page carries the context; items inside a page omit it. */
export function withoutContext<T extends Record<string, unknown>>(annotation: T): Omit<T, '@context'> {
  const { '@context': _context, ...rest } = annotation;
  return rest;
}
