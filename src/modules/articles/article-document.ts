import { createHash } from 'node:crypto';
import { diffArrays } from 'diff';
import { UnprocessableError } from '../../lib/errors';
import { segmentSentences } from '../segmentation';

/**
 * An article as stored: one plain text (what W3C selectors address) cut into blocks, each cut
 * into sentences. Blocks are joined by a blank line, so offsets are plain character offsets
 * (UTF-16 code units, as in JavaScript and the DOM) into `text`.
 */
export const BLOCK_KINDS = ['headline', 'standfirst', 'caption', 'heading', 'paragraph', 'list-item', 'quote'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface BlockDraft {
  kind: BlockKind;
  text: string;
  credit?: string;
}

export interface ComposedBlock {
  kind: BlockKind;
  position: number;
  start: number;
  end: number;
  credit: string | null;
}

export interface ComposedSentence {
  id: string;
  position: number;
  blockPosition: number;
  start: number;
  end: number;
  text: string;
}

export interface ComposedDocument {
  text: string;
  blocks: ComposedBlock[];
  sentences: ComposedSentence[];
}

const BLOCK_SEPARATOR = '\n\n';
/** Blocks of the article's own text, as opposed to its lead (headline, standfirst, captions). */
const BODY_KINDS: ReadonlySet<BlockKind> = new Set(['heading', 'paragraph', 'list-item', 'quote']);

/** Whether an article has body text to check: a page of lists or headings only has; a headline and a caption have not. */
export const hasBodyText = (blocks: { kind: BlockKind }[]) => blocks.some((block) => BODY_KINDS.has(block.kind));

/** What one article may produce: a long feature has a few hundred blocks and a thousand sentences. */
export const MAX_BLOCKS = 2_000;
export const MAX_SENTENCES = 10_000;
/** The longest article text (whatever it came from: text, HTML or a page). */
export const MAX_TEXT_CHARS = 200_000;

/** A sentence id that depends only on the article's slug, the sentence's offset and its words: the same on every database and re-import. */
export function sentenceId(slug: string, start: number, text: string): string {
  return 's-' + createHash('sha256').update(`${slug}\u0000${start}\u0000${text}`).digest('hex').slice(0, 12);
}

/** Collapses runs of spaces and line breaks inside a block to single spaces; keeps non-breaking spaces. */
export function normaliseBlockText(text: string): string {
  return text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();
}

/** The sentences of the revision before, for keeping the ids of sentences that did not change. */
export interface PreviousSentences {
  sentences: { id: string; text: string }[];
  /** Added to the id of a new sentence whose id would repeat one in use (the revision number will do). */
  salt: string;
}

/**
 * Sentences that did not change keep their ids across revisions, so links to them (#s-…) and the
 * claims on them still point at the same words: sentences are aligned in order (a diff of the two
 * lists of sentence texts), then an unchanged sentence that moved (paragraphs swapped) takes the
 * id of the same text left over; every other sentence gets a new id.
 */
function keepStableIds(slug: string, sentences: ComposedSentence[], previous: PreviousSentences): void {
  const reused: (string | undefined)[] = new Array(sentences.length);
  let oldIndex = 0;
  let newIndex = 0;
  // Bounded like the word diff: for lists too different to align quickly, only the same texts left over keep their ids.
  const alignment = diffArrays(
    previous.sentences.map((s) => s.text),
    sentences.map((s) => s.text),
    { timeout: 150 },
  );
  for (const change of alignment ?? []) {
    const count = change.count ?? change.value.length;
    if (change.added) newIndex += count;
    else if (change.removed) oldIndex += count;
    else for (let i = 0; i < count; i++) reused[newIndex++] = previous.sentences[oldIndex++].id;
  }
  const aligned = new Set(reused);
  const leftOver = new Map<string, string[]>();
  for (const old of previous.sentences) if (!aligned.has(old.id)) leftOver.set(old.text, [...(leftOver.get(old.text) ?? []), old.id]);
  sentences.forEach((sentence, index) => (reused[index] ??= leftOver.get(sentence.text)?.shift()));
  const taken = new Set(reused.filter((id): id is string => id !== undefined));
  sentences.forEach((sentence, index) => {
    const kept = reused[index];
    if (kept) sentence.id = kept;
    else {
      for (let attempt = 1; taken.has(sentence.id); attempt++)
        sentence.id = sentenceId(slug, sentence.start, `${sentence.text}\u0000${previous.salt}.${attempt}`);
      taken.add(sentence.id);
    }
  });
}

export function composeDocument(slug: string, drafts: BlockDraft[], previous?: PreviousSentences): ComposedDocument {
  let text = '';
  const blocks: ComposedBlock[] = [];
  const sentences: ComposedSentence[] = [];
  for (const draft of drafts) {
    const blockText = normaliseBlockText(draft.text);
    if (blockText === '') continue;
    if (text !== '') text += BLOCK_SEPARATOR;
    const start = text.length;
    text += blockText;
    const position = blocks.length;
    if (position >= MAX_BLOCKS)
      throw new UnprocessableError(`The article has more than ${MAX_BLOCKS.toLocaleString('en-US')} blocks; split it into several articles.`);
    blocks.push({ kind: draft.kind, position, start, end: text.length, credit: draft.credit ?? null });
    for (const span of segmentSentences(blockText)) {
      if (sentences.length >= MAX_SENTENCES) {
        throw new UnprocessableError(`The article has more than ${MAX_SENTENCES.toLocaleString('en-US')} sentences; split it into several articles.`);
      }
      const absoluteStart = start + span.start;
      sentences.push({
        id: sentenceId(slug, absoluteStart, span.text),
        position: sentences.length,
        blockPosition: position,
        start: absoluteStart,
        end: start + span.end,
        text: span.text,
      });
    }
  }
  if (text.length > MAX_TEXT_CHARS)
    throw new UnprocessableError(`The article’s text is longer than ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters; split it into several articles.`);
  if (previous) keepStableIds(slug, sentences, previous);
  return { text, blocks, sentences };
}

/** How the plain-text form marks a block that is not a paragraph (as in Markdown). */
const TEXT_MARKERS: [RegExp, BlockKind, string][] = [
  [/^##[ \t]+(.*)$/s, 'heading', '## '],
  [/^>[ \t]+(.*)$/s, 'quote', '> '],
  [/^-[ \t]+(.*)$/s, 'list-item', '- '],
];

/**
 * Reads the plain-text form editors submit: blocks separated by blank lines; a block starting
 * with "## " is a subheading, "> " a block quote, "- " a list item, anything else a paragraph.
 * The title becomes the headline block.
 */
export function draftsFromPlainText(title: string, body: string): BlockDraft[] {
  const drafts: BlockDraft[] = [{ kind: 'headline', text: title }];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const trimmed = chunk.trim();
    if (trimmed === '') continue;
    const marked = TEXT_MARKERS.map(([pattern, kind]) => ({ kind, match: pattern.exec(trimmed) })).find((m) => m.match);
    drafts.push(marked ? { kind: marked.kind, text: marked.match![1] } : { kind: 'paragraph', text: trimmed });
  }
  return drafts;
}

const LEAD_KINDS: ReadonlySet<BlockKind> = new Set(['headline', 'standfirst', 'caption']);

/** How many blocks open the article before its body: the headline, then standfirst and lead caption. */
export function leadLength(blocks: { kind: BlockKind }[]): number {
  const index = blocks.findIndex((block) => !LEAD_KINDS.has(block.kind));
  return index === -1 ? blocks.length : index;
}

/**
 * The body of a stored article in the plain-text form (the inverse of draftsFromPlainText for
 * headings, quotes, list items and paragraphs): what the edit form starts from. The lead
 * (headline, standfirst, lead caption) is not part of it: an update from text keeps it. A caption
 * inside the body has no marker and comes back as a paragraph.
 */
export function plainTextOf(text: string, blocks: { kind: BlockKind; start: number; end: number }[]): string {
  return blocks
    .slice(leadLength(blocks))
    .map((block) => (TEXT_MARKERS.find(([, kind]) => kind === block.kind)?.[2] ?? '') + text.slice(block.start, block.end))
    .join('\n\n');
}

/**
 * Words that name pages under /articles/ (the new-article form today; editing, revisions and
 * import pages to come), so no article may take them as its address.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'edit', 'import', 'revisions', 'search', 'embed', 'lookup', 'preview', 'feed']);

/**
 * URL-safe slug from a title: lower case ASCII words joined by dashes, at most 80 characters.
 * A title that would take a reserved word ("New") gets "-article" added. Latin letters lose their
 * accents; other scripts are transliterated first (article-slugs.ts).
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  if (RESERVED_SLUGS.has(slug)) return `${slug}-article`;
  return slug || 'article';
}
