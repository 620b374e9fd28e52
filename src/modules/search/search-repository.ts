import { isPostgres, type Queryable } from '../../db/knex';
import { anyTokenFts5, anyTokenTsquery, toFts5, toTsquery, type SearchQuery } from './search-query';
import { MATCH_END, MATCH_START } from './snippets';

/**
 * The full-text index, behind one interface for SQLite (FTS5, bm25, snippet) and PostgreSQL
 * (tsvector expressions with GIN indexes, ts_rank, ts_headline). The indexes are kept by the
 * database (see the migration 20261129100000_search): this module only reads.
 *
 * Search is a read model over other modules' tables (articles, claims, decisions, checks), as a
 * database view would be: full-text matching, visibility and ranking have to happen in one query
 * to page correctly. It writes nothing.
 */

/** Which kind of row a hit is in (SQLite's rowid is `id * 4 + kind`). */
export const KIND = { article: 0, claim: 1, decision: 2, check: 3 } as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

export type ResultType = 'article' | 'claim' | 'factcheck';

/** Who is searching, as the visibility rules need it. */
export interface SearchAudience {
  viewerId: number | null;
  editor: boolean;
}

export interface SearchOptions {
  viewer: SearchAudience | null;
  type: ResultType | null;
  page: number;
  perPage: number;
}

/** One result: an article, or a claim (a "factcheck" once its decision is published), with the row that matched best. */
export interface SearchRow {
  type: ResultType;
  id: number;
  kind: Kind;
  ref: number;
  /** Lower is better (bm25; negated ts_rank on PostgreSQL). */
  rank: number;
  /** The matched text around the match, with MATCH_START/MATCH_END around matched words. */
  snippet: string;
}

/** The same weighted documents the PostgreSQL indexes are built on (the migration holds the same expressions). */
const PG_DOCUMENT: Record<Kind, { table: string; alias: string; id: string; vector: string; text: string }> = {
  [KIND.article]: {
    table: 'articles',
    alias: 'a',
    id: 'a.id',
    vector: `(setweight(to_tsvector('english', a.title), 'A') || setweight(to_tsvector('english', a.text), 'D'))`,
    text: 'a.text',
  },
  [KIND.claim]: {
    table: 'claims',
    alias: 'c',
    id: 'c.id',
    vector: `(setweight(to_tsvector('english', coalesce(c.statement, '') || ' ' || c.exact), 'A'))`,
    text: `coalesce(c.statement, '') || ' ' || c.exact`,
  },
  [KIND.decision]: { table: 'decisions', alias: 'd', id: 'd.claim_id', vector: `(setweight(to_tsvector('english', d.summary), 'C'))`, text: 'd.summary' },
  [KIND.check]: { table: 'checks', alias: 'k', id: 'k.id', vector: `(setweight(to_tsvector('english', k.rationale), 'D'))`, text: 'k.rationale' },
};
const KINDS = [KIND.article, KIND.claim, KIND.decision, KIND.check] as const;

/** SQLite: title (and quote) columns weigh four times the body in bm25. */
const BM25 = 'bm25(search_index, 4.0, 1.0)';
const SNIPPET_WORDS = 16;
const HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** A published fact-check outranks an unpublished claim that matched as well. */
const PUBLISHED_BOOST = 1.5;

/**
 * Which hits the viewer may see, as SQL over `r` (the hit with its claim id and check owner), `c`
 * (claims) and `d` (decisions). The same rules as claims/read-policy.ts: anonymous readers see
 * published decisions only; a reviewer sees claims, published decisions, their own checks, and
 * others' checks only on claims they have checked themselves; editors see everything.
 */
function visibility(viewer: SearchAudience | null): { sql: string; bindings: number[] } {
  if (viewer?.editor) return { sql: 'TRUE', bindings: [] };
  if (!viewer || viewer.viewerId === null) {
    return { sql: `(r.kind = ${KIND.claim} OR r.kind = ${KIND.decision}) AND d.published = TRUE`, bindings: [] };
  }
  return {
    sql: `(r.kind = ${KIND.claim} OR (r.kind = ${KIND.decision} AND d.published = TRUE) OR (r.kind = ${KIND.check} AND (r.check_owner = ? OR EXISTS (SELECT 1 FROM checks own WHERE own.claim_id = r.claim_id AND own.reviewer_id = ?))))`,
    bindings: [viewer.viewerId, viewer.viewerId],
  };
}

function pgHits(tsquery: string, kinds: readonly Kind[]): { sql: string; bindings: string[] } {
  const parts = kinds.map((kind) => {
    const doc = PG_DOCUMENT[kind];
    return `SELECT ${kind} AS kind, ${doc.id} AS ref, -ts_rank(${doc.vector}, q.query) AS score FROM ${doc.table} ${doc.alias}, (SELECT to_tsquery('english', ?) AS query) q WHERE ${doc.vector} @@ q.query`;
  });
  return { sql: parts.join(' UNION ALL '), bindings: kinds.map(() => tsquery) };
}

function sqliteHits(match: string, kinds: readonly Kind[]): { sql: string; bindings: string[] } {
  const kindFilter = kinds.length === KINDS.length ? '' : ` AND (rowid % 4) IN (${kinds.join(', ')})`;
  return { sql: `SELECT rowid % 4 AS kind, rowid / 4 AS ref, ${BM25} AS score FROM search_index WHERE search_index MATCH ?${kindFilter}`, bindings: [match] };
}

function rowsOf<T>(db: Queryable, result: unknown): T[] {
  return isPostgres(db) ? (result as { rows: T[] }).rows : (result as T[]);
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;

export function createSearchRepository(db: Queryable) {
  const postgres = isPostgres(db);

  /** Hits of the query, resolved to results the viewer may see, best first, one row per result. */
  async function ranked(hits: { sql: string; bindings: string[] }, options: SearchOptions): Promise<{ rows: Omit<SearchRow, 'snippet'>[]; total: number }> {
    const seen = visibility(options.viewer);
    const typeFilter = options.type ? 'AND type = ?' : '';
    const sql = `
      WITH hits AS (${hits.sql}),
      resolved AS (
        SELECT h.kind, h.ref, h.score,
          CASE WHEN h.kind = ${KIND.article} THEN NULL WHEN h.kind = ${KIND.check} THEN k.claim_id ELSE h.ref END AS claim_id,
          k.reviewer_id AS check_owner
        FROM hits h LEFT JOIN checks k ON h.kind = ${KIND.check} AND k.id = h.ref
      ),
      keyed AS (
        SELECT r.kind, r.ref,
          CASE WHEN r.kind = ${KIND.article} THEN 'article' WHEN d.published = TRUE THEN 'factcheck' ELSE 'claim' END AS type,
          CASE WHEN r.kind = ${KIND.article} THEN r.ref ELSE r.claim_id END AS result_id,
          r.score * CASE WHEN d.published = TRUE THEN ${PUBLISHED_BOOST} ELSE 1.0 END AS relevance
        FROM resolved r
        LEFT JOIN claims c ON c.id = r.claim_id
        LEFT JOIN decisions d ON d.claim_id = r.claim_id
        WHERE r.kind = ${KIND.article} OR (c.id IS NOT NULL AND (${seen.sql}))
      ),
      best AS (
        SELECT keyed.*, ROW_NUMBER() OVER (PARTITION BY type, result_id ORDER BY relevance, kind) AS position FROM keyed
      )
      SELECT type, result_id, kind, ref, relevance, COUNT(*) OVER () AS total
      FROM best WHERE position = 1 ${typeFilter}
      ORDER BY relevance, type, result_id
      LIMIT ? OFFSET ?`;
    const bindings = [...hits.bindings, ...seen.bindings, ...(options.type ? [options.type] : []), options.perPage, (options.page - 1) * options.perPage];
    const rows = rowsOf<{
      type: ResultType;
      result_id: number | string;
      kind: number | string;
      ref: number | string;
      relevance: number | string;
      total: number | string;
    }>(db, await db.raw(sql, bindings));
    return {
      rows: rows.map((row) => ({
        type: row.type,
        id: Number(row.result_id),
        kind: Number(row.kind) as Kind,
        ref: Number(row.ref),
        rank: Number(row.relevance),
      })),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
    };
  }

  /** The matched text of each row, with the matched words marked. */
  async function snippets(query: { fts5: string; tsquery: string }, rows: { kind: Kind; ref: number }[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (rows.length === 0) return found;
    if (!postgres) {
      const rowids = rows.map((row) => row.ref * 4 + row.kind);
      const result = await db.raw(
        `SELECT rowid, snippet(search_index, -1, ?, ?, '…', ${SNIPPET_WORDS}) AS snippet FROM search_index WHERE search_index MATCH ? AND rowid IN (${rowids.map(() => '?').join(', ')})`,
        [MATCH_START, MATCH_END, query.fts5, ...rowids],
      );
      for (const row of rowsOf<{ rowid: number; snippet: string }>(db, result)) found.set(`${row.rowid % 4}:${Math.floor(row.rowid / 4)}`, row.snippet);
      return found;
    }
    for (const kind of KINDS) {
      const refs = rows.filter((row) => row.kind === kind).map((row) => row.ref);
      if (refs.length === 0) continue;
      const doc = PG_DOCUMENT[kind];
      const result = await db.raw(
        `SELECT ${doc.id} AS ref, ts_headline('english', ${doc.text}, to_tsquery('english', ?), ?) AS snippet FROM ${doc.table} ${doc.alias} WHERE ${doc.id} IN (${refs.map(() => '?').join(', ')})`,
        [query.tsquery, HEADLINE_OPTIONS, ...refs],
      );
      for (const row of rowsOf<{ ref: number; snippet: string }>(db, result)) found.set(`${kind}:${row.ref}`, row.snippet);
    }
    return found;
  }

  return {
    /** One page of results for the query, with their total, as the viewer may see them. */
    async search(query: SearchQuery, options: SearchOptions): Promise<{ results: SearchRow[]; total: number }> {
      const compiled = { fts5: toFts5(query), tsquery: toTsquery(query) };
      const hits = postgres ? pgHits(compiled.tsquery, KINDS) : sqliteHits(compiled.fts5, KINDS);
      const { rows, total } = await ranked(hits, options);
      const marked = await snippets(compiled, rows);
      return { results: rows.map((row) => ({ ...row, snippet: marked.get(`${row.kind}:${row.ref}`) ?? '' })), total };
    },

    /**
     * Claims whose quote or statement shares any of the tokens, best first (candidates for claim
     * matching, re-ranked by the matcher). Claims only: the matcher compares claims with claims.
     */
    async claimCandidates(tokens: string[], limit: number, excludeClaimId: number | null): Promise<number[]> {
      if (tokens.length === 0) return [];
      const hits = postgres ? pgHits(anyTokenTsquery(tokens), [KIND.claim]) : sqliteHits(anyTokenFts5(tokens), [KIND.claim]);
      const exclude = excludeClaimId === null ? '' : 'WHERE ref <> ?';
      const result = await db.raw(`SELECT ref FROM (${hits.sql}) hits ${exclude} ORDER BY score, ref LIMIT ?`, [
        ...hits.bindings,
        ...(excludeClaimId === null ? [] : [excludeClaimId]),
        limit,
      ]);
      return rowsOf<{ ref: number | string }>(db, result).map((row) => Number(row.ref));
    },
  };
}
