import { stringify, type Options } from 'csv-stringify/sync';
import { claimAggregate, VERDICT_LABEL } from '../verdicts';
import type { ArticleExport } from './exports-service';

type ClaimRecords = ArticleExport['claims'];

/** Claims with statement, quote, verdicts, consensus, decision, agreement and sources. */
export function exportRows(records: ClaimRecords, minOrdinalChecks: number) {
  return records.map(({ claim, checks, decision }) => {
    const aggregate = claimAggregate(
      checks.map((c) => c.independentVerdict),
      decision,
      minOrdinalChecks,
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

/** A cell a spreadsheet would read as a formula (= + - @, tab or CR first) gets an apostrophe first, as OWASP advises against CSV injection. */
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * RFC 4180 CSV through csv-stringify, with two rules of ours: formulas are defused (numbers and
 * booleans too: `-3` becomes `'-3`), and a cell holding a semicolon or a tab is quoted as well
 * as one holding a comma: spreadsheets in locales whose list separator is ";" (much of Europe)
 * would otherwise split `x;=cmd…` into a second cell that starts with "=" and so escapes the
 * prefix rule.
 */
const CSV_OPTIONS: Options = {
  record_delimiter: 'windows',
  quoted_match: /[;\t\r\n]/,
  cast: { string: defuse, number: (n) => defuse(String(n)), boolean: (b) => defuse(String(b)), bigint: (n) => defuse(String(n)) },
};

/** Rows as CSV lines, each ending in CRLF. */
const csvLines = (rows: unknown[][]): string => stringify(rows, CSV_OPTIONS);

/** One cell as it is written in a line. */
export function csvCell(value: unknown): string {
  return stringify([[value]], { ...CSV_OPTIONS, eof: false });
}

const CSV_HEADER = [
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

function csvFields(row: ReturnType<typeof exportRows>[number]): unknown[] {
  return [
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
  ];
}

/**
 * The CSV export as it is written: the header, then a chunk of lines per batch of claims, so a
 * response streams it with memory bounded by one batch. `articleOf`, when given, adds a first
 * column naming each claim's article (the export of every claim).
 */
export async function* csvChunks(
  batches: AsyncIterable<ClaimRecords>,
  minOrdinalChecks: number,
  articleOf?: (records: ClaimRecords) => Promise<Map<number, string>>,
) {
  yield (articleOf ? ['article', ...CSV_HEADER] : CSV_HEADER).join(',') + '\r\n';
  for await (const records of batches) {
    const slugs = articleOf ? await articleOf(records) : null;
    const rows = exportRows(records, minOrdinalChecks);
    yield csvLines(rows.map((row, i) => [...(slugs ? [slugs.get(records[i].claim.articleId)] : []), ...csvFields(row)]));
  }
}

/** The JSON export as it is written: `{"article":…,"exportedAt":…,"claims":[…]}`, a chunk per batch. */
export async function* jsonChunks(
  article: { slug: string; title: string },
  exportedAt: string,
  batches: AsyncIterable<ClaimRecords>,
  minOrdinalChecks: number,
) {
  yield `{"article":${JSON.stringify({ slug: article.slug, title: article.title })},"exportedAt":${JSON.stringify(exportedAt)},"claims":[`;
  let first = true;
  for await (const records of batches) {
    const rows = exportRows(records, minOrdinalChecks);
    if (rows.length === 0) continue;
    yield (first ? '' : ',') + rows.map((row) => JSON.stringify(row)).join(',');
    first = false;
  }
  yield ']}';
}
