/**
 * The CSV and JSON exports as they were before issue 17: the whole article's claims loaded, the
 * body assembled in memory. Kept unchanged (but for taking the export time as a parameter) as
 * the oracle the streamed exports must match byte for byte.
 */
import type { ArticleExport } from '../../src/modules/exports/exports-service';
import { csvCell, exportRows } from '../../src/modules/exports/tabular-export';

export function exportJson(data: ArticleExport, minOrdinalChecks: number, exportedAt: string) {
  return { article: { slug: data.article.slug, title: data.article.title }, exportedAt, claims: exportRows(data.claims, minOrdinalChecks) };
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
  const lines = exportRows(data.claims, minOrdinalChecks).map((row) =>
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
