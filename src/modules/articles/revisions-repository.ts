import type { Queryable } from '../../db/knex';
import { nowIso, toIso } from '../../db/time';
import type { BlockKind, ComposedDocument } from './article-document';
import { insertDocumentRows } from './articles-repository';
import type { AnchoringCounts, ArticleRevision, ChangeSummary, RevisionOrigin, RevisionSummary } from './articles-types';

interface RevisionRow {
  number: number;
  text?: string;
  blocks?: string;
  sentences?: string;
  origin: RevisionOrigin;
  source_url: string | null;
  change_summary: string;
  anchoring: string | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: unknown;
}

const LIST_COLUMNS = [
  'article_revisions.number',
  'article_revisions.origin',
  'article_revisions.source_url',
  'article_revisions.change_summary',
  'article_revisions.anchoring',
  'article_revisions.created_by',
  'article_revisions.created_at',
  'users.display_name as created_by_name',
];

function toSummary(row: RevisionRow): RevisionSummary {
  return {
    number: Number(row.number),
    origin: row.origin,
    sourceUrl: row.source_url,
    change: JSON.parse(row.change_summary) as ChangeSummary,
    anchoring: row.anchoring ? (JSON.parse(row.anchoring) as AnchoringCounts) : null,
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdByName: row.created_by_name,
    createdAt: toIso(row.created_at),
  };
}

export interface NewRevision {
  articleId: number;
  number: number;
  document: ComposedDocument;
  origin: RevisionOrigin;
  sourceUrl: string | null;
  change: ChangeSummary;
  createdBy: number | null;
}

/** A revision keeps its text, its blocks and its sentences' ids and offsets (their text is a slice of the text). */
export async function insertRevision(db: Queryable, revision: NewRevision): Promise<void> {
  await db('article_revisions').insert({
    article_id: revision.articleId,
    number: revision.number,
    text: revision.document.text,
    blocks: JSON.stringify(revision.document.blocks),
    sentences: JSON.stringify(revision.document.sentences.map(({ id, position, blockPosition, start, end }) => ({ id, position, blockPosition, start, end }))),
    origin: revision.origin,
    source_url: revision.sourceUrl,
    change_summary: JSON.stringify(revision.change),
    anchoring: null,
    created_by: revision.createdBy,
    created_at: nowIso(),
  });
}

export async function recordAnchoring(db: Queryable, articleId: number, number: number, anchoring: AnchoringCounts): Promise<void> {
  await db('article_revisions')
    .where({ article_id: articleId, number })
    .update({ anchoring: JSON.stringify(anchoring) });
}

/** Replaces the article's current text, blocks and sentences with a new revision's (claims' sentence links go with the old sentences). */
export async function replaceCurrentDocument(db: Queryable, articleId: number, number: number, document: ComposedDocument): Promise<void> {
  await db('sentences').where({ article_id: articleId }).delete();
  await db('article_blocks').where({ article_id: articleId }).delete();
  await db('articles').where({ id: articleId }).update({ text: document.text, revision: number });
  await insertDocumentRows(db, articleId, document);
}

export async function listRevisions(db: Queryable, articleId: number): Promise<RevisionSummary[]> {
  const rows: RevisionRow[] = await db('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.created_by')
    .where({ article_id: articleId })
    .orderBy('number', 'desc')
    .select(LIST_COLUMNS);
  return rows.map(toSummary);
}

export async function findRevision(db: Queryable, articleId: number, number: number): Promise<ArticleRevision | null> {
  const row: RevisionRow | undefined = await db('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.created_by')
    .where({ article_id: articleId, number })
    .first([...LIST_COLUMNS, 'article_revisions.text', 'article_revisions.blocks', 'article_revisions.sentences']);
  if (!row) return null;
  const text = row.text!;
  const blocks = JSON.parse(row.blocks!) as { kind: BlockKind; position: number; start: number; end: number; credit: string | null }[];
  const sentences = JSON.parse(row.sentences!) as { id: string; position: number; blockPosition: number; start: number; end: number }[];
  return {
    ...toSummary(row),
    text,
    blocks,
    sentences: sentences.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
  };
}

/** When each revision was made, by number (for notes such as "checked against the version of DATE"). */
export async function revisionDates(db: Queryable, articleId: number): Promise<Map<number, string>> {
  const rows: { number: number; created_at: unknown }[] = await db('article_revisions').where({ article_id: articleId }).select('number', 'created_at');
  return new Map(rows.map((row) => [Number(row.number), toIso(row.created_at)]));
}

/** The texts of revisions `fromNumber` and later, by number (for diffs between consecutive revisions). */
export async function revisionTexts(db: Queryable, articleId: number, fromNumber = 1): Promise<Map<number, string>> {
  const rows: { number: number; text: string }[] = await db('article_revisions')
    .where({ article_id: articleId })
    .where('number', '>=', fromNumber)
    .select('number', 'text');
  return new Map(rows.map((row) => [Number(row.number), row.text]));
}
