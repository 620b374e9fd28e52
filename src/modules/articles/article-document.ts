import { createHash } from 'node:crypto';
import { UnprocessableError } from '../../lib/errors';
import { segmentSentences } from './segmentation';

/**
 * An article as stored: one plain text (what W3C selectors address) cut into blocks, each cut
 * into sentences. Blocks are joined by a blank line, so offsets are plain character offsets
 * (UTF-16 code units, as in JavaScript and the DOM) into `text`.
 */
export const BLOCK_KINDS = ['headline', 'standfirst', 'caption', 'heading', 'paragraph'] as const;
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
/** What one article may produce: a long feature has a few hundred blocks and a thousand sentences. */
export const MAX_BLOCKS = 2_000;
export const MAX_SENTENCES = 10_000;

/** A sentence id that depends only on the article's slug, the sentence's offset and its words: the same on every database and re-import. */
export function sentenceId(slug: string, start: number, text: string): string {
  return 's-' + createHash('sha256').update(`${slug}\u0000${start}\u0000${text}`).digest('hex').slice(0, 12);
}

/** Collapses runs of spaces and line breaks inside a block to single spaces; keeps non-breaking spaces. */
export function normaliseBlockText(text: string): string {
  return text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();
}

export function composeDocument(slug: string, drafts: BlockDraft[]): ComposedDocument {
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
  return { text, blocks, sentences };
}

/**
 * Reads the plain-text form editors submit: blocks separated by blank lines, a block starting
 * with "## " is a subheading, anything else a paragraph. The title becomes the headline block.
 */
export function draftsFromPlainText(title: string, body: string): BlockDraft[] {
  const drafts: BlockDraft[] = [{ kind: 'headline', text: title }];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const trimmed = chunk.trim();
    if (trimmed === '') continue;
    const heading = /^##[ \t]+(.*)$/s.exec(trimmed);
    drafts.push(heading ? { kind: 'heading', text: heading[1] } : { kind: 'paragraph', text: trimmed });
  }
  return drafts;
}

/**
 * Words that name pages under /articles/ (the new-article form today; editing, revisions and
 * import pages to come), so no article may take them as its address.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'edit', 'import', 'revisions', 'search', 'embed', 'lookup', 'preview', 'feed']);

/**
 * URL-safe slug from a title: lower case ASCII words joined by dashes, at most 80 characters.
 * A title that would take a reserved word ("New") gets "-article" added.
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
