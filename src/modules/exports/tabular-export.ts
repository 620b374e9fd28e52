import { aggregateVerdicts, VERDICT_LABEL } from '../verdicts';
import type { ArticleExport } from './exports-service';

/** Claims of an article with statement, quote, verdicts, consensus, decision, agreement and sources. */
export function exportRows(data: ArticleExport, minOrdinalChecks: number) {
  return data.claims.map(({ claim, checks, decision }) => {
    const aggregate = aggregateVerdicts(
      checks.map((c) => c.independentVerdict),
      { minOrdinalChecks, published: decision?.published ?? false, needsRecheck: Boolean(decision?.needsRecheckAt) },
    );
    return {
      claimId: claim.id,
      statement: claim.statement,
      quote: claim.exact,
      start: claim.start,
      end: claim.end,
      status: aggregate.status,
      consensus: aggregate.verdict,
      ratingValue: aggregate.ratingValue,
      reviewers: aggregate.reviewers,
      agreement: aggregate.agreement,
      distribution: aggregate.distribution,
      decision: decision
        ? { verdict: decision.verdict, label: VERDICT_LABEL[decision.verdict], published: decision.published, summary: decision.summary }
        : null,
      sourceUrls: [...new Set(checks.flatMap((c) => c.sources.map((s) => s.url)))],
    };
  });
}

export function exportJson(data: ArticleExport, minOrdinalChecks = 2) {
  return { article: { slug: data.article.slug, title: data.article.title }, exportedAt: new Date().toISOString(), claims: exportRows(data, minOrdinalChecks) };
}

/**
 * RFC 4180 CSV. A cell that a spreadsheet would read as a formula (starting with = + - @, tab or
 * carriage return) is prefixed with an apostrophe, as OWASP recommends against CSV injection.
 * A cell holding a semicolon or a tab is quoted as well as one holding a comma: spreadsheets in
 * locales whose list separator is ";" (much of Europe) would otherwise split `x;=cmd…` into a
 * second cell that starts with "=" and so escapes the prefix rule.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(data: ArticleExport, minOrdinalChecks = 2): string {
  const header = [
    'claim_id',
    'statement',
    'quote',
    'start',
    'end',
    'status',
    'consensus',
    'rating_value',
    'reviewers',
    'agreement',
    'verdicts',
    'decision',
    'decision_published',
    'decision_summary',
    'source_urls',
  ];
  const lines = exportRows(data, minOrdinalChecks).map((row) =>
    [
      row.claimId,
      row.statement,
      row.quote,
      row.start,
      row.end,
      row.status,
      row.consensus,
      row.ratingValue,
      row.reviewers,
      row.agreement,
      Object.entries(row.distribution)
        .filter(([, n]) => n > 0)
        .map(([v, n]) => `${v}:${n}`)
        .join(' '),
      row.decision?.verdict,
      row.decision ? String(row.decision.published) : '',
      row.decision?.summary,
      row.sourceUrls.join(' '),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
