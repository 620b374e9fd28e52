import { dateLabel, type Article, type RevisionSummary } from '../articles';
import { wordDiff, type DiffPart } from '../../lib/text-diff';

const ORIGIN_LABEL: Record<RevisionSummary['origin'], string> = {
  import: 'Imported',
  text: 'Updated from text',
  html: 'Updated from HTML',
  source: 'Updated from the source page',
};

/**
 * Word diffs are shown for the newest revisions only: each diff is bounded (150 ms), but a page
 * computing one for every revision of a long history on every uncached view would not be.
 */
export const DIFFED_REVISIONS = 10;

/** Unchanged text this long or longer is shortened to its ends around the changes. */
const CONTEXT_CHARS = 80;

export type DiffView = (DiffPart | { kind: 'gap' })[];

/** A word diff for reading: changes with some unchanged text around them, long unchanged stretches cut. */
export function condensedDiff(parts: DiffPart[]): DiffView {
  const view: DiffView = [];
  parts.forEach((part, index) => {
    if (part.kind !== 'same' || part.text.length <= 2 * CONTEXT_CHARS) return view.push(part);
    const first = index === 0;
    const last = index === parts.length - 1;
    if (!first) view.push({ kind: 'same', text: part.text.slice(0, CONTEXT_CHARS) });
    view.push({ kind: 'gap' });
    if (!last) view.push({ kind: 'same', text: part.text.slice(-CONTEXT_CHARS) });
  });
  return view;
}

/** GET /api/v1/articles/:slug/revisions. Who made a revision is shown to signed-in people only. */
export function revisionJson(summary: RevisionSummary, options: { showAuthors: boolean }) {
  return {
    number: summary.number,
    createdAt: summary.createdAt,
    createdBy: options.showAuthors ? summary.createdByName : null,
    origin: summary.origin,
    sourceUrl: summary.sourceUrl,
    change: summary.change,
    anchoring: summary.anchoring,
  };
}

export function revisionsPage(
  article: Article,
  revisions: { summary: RevisionSummary; text: string | null; previous: string | null }[],
  options: { showAuthors: boolean; updated?: number },
) {
  return {
    title: `Revisions: ${article.title}`,
    article: { slug: article.slug, title: article.title, revision: article.revision, sourceUrl: article.sourceUrl },
    updated: options.updated ?? null,
    revisions: revisions.map(({ summary, text, previous }) => {
      const diffed = text !== null && (previous !== null || summary.number === 1);
      const parts = text === null || previous === null ? null : wordDiff(previous, text);
      return {
        number: summary.number,
        date: summary.createdAt,
        dateLabel: dateLabel(summary.createdAt),
        by: options.showAuthors ? summary.createdByName : null,
        origin: ORIGIN_LABEL[summary.origin],
        change: summary.change,
        anchoring: summary.anchoring,
        first: summary.number === 1,
        diff: parts ? condensedDiff(parts) : null,
        tooDifferent: diffed && summary.number > 1 && parts === null,
        notDiffed: !diffed,
      };
    }),
  };
}
