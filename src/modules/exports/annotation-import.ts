/**
 * Reads annotations to import: our own export format, other W3C Web Annotations, and
 * Hypothesis-style annotations (`target[].selector[]` with a TextQuoteSelector, comment in
 * `text`). Pure: it turns JSON into claim and check inputs, and says why when it cannot.
 */
import type { QuoteSelector } from '../claims';

export interface ImportItem {
  quote: QuoteSelector | null;
  statement: string | null;
  check: { verdict: unknown; confidence: unknown; rationale: unknown; sources: unknown[] } | null;
}

type Json = Record<string, unknown>;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Accepts one annotation, an array, an AnnotationPage, an AnnotationCollection with an embedded first page, or a Hypothesis `{rows}` result. */
export function annotationsIn(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (!isObject(payload)) return [];
  if (Array.isArray(payload.rows)) return payload.rows;
  if (Array.isArray(payload.items)) return payload.items;
  if (isObject(payload.first) && Array.isArray(payload.first.items)) return payload.first.items;
  return [payload];
}

function quoteOf(annotation: Json): QuoteSelector | null {
  for (const target of asArray(annotation.target)) {
    if (!isObject(target)) continue;
    const selectors = asArray(target.selector).filter(isObject);
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string');
    const position = selectors.find((s) => s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end));
    if (quote) {
      return {
        exact: quote.exact as string,
        ...(typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}),
        ...(typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}),
        ...(position ? { start: position.start as number, end: position.end as number } : {}),
      };
    }
  }
  return null;
}

function sourceOf(body: Json): unknown | null {
  const resource = isObject(body.source) ? body.source : body.type !== 'TextualBody' && typeof body.id === 'string' ? body : null;
  const url = resource ? resource.id : typeof body.source === 'string' ? body.source : null;
  if (typeof url !== 'string') return null;
  return { url, title: resource?.['schema:name'] ?? null, stance: body['factline:stance'] ?? 'context', quote: body['factline:excerpt'] ?? null };
}

export function importItem(annotation: unknown): ImportItem {
  if (!isObject(annotation)) return { quote: null, statement: null, check: null };
  const bodies = asArray(annotation.body).filter(isObject);
  const verdict = bodies.find((b) => b.type === 'TextualBody' && b.purpose === 'assessing');
  const description = bodies.find((b) => b.type === 'TextualBody' && b.purpose !== 'assessing');
  const sources = bodies
    .filter((b) => b.type !== 'TextualBody')
    .map(sourceOf)
    .filter((s) => s !== null);
  const hypothesisText = typeof annotation.text === 'string' && annotation.text.trim() !== '' ? annotation.text.trim() : null;
  return {
    quote: quoteOf(annotation),
    statement: verdict ? null : (hypothesisText?.slice(0, 500) ?? null),
    check: verdict ? { verdict: verdict.value, confidence: annotation['factline:confidence'] ?? 'medium', rationale: description?.value ?? '', sources } : null,
  };
}
