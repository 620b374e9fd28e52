import type { Db } from '../../db/knex';
import { isUniqueViolation } from '../../db/errors';
import { UnprocessableError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import type { Article, ArticlesService } from '../articles';
import type { DomainEvents } from '../../events';
import { anchorAt, anchorQuote, sentencesTouching, trimSpan, type Anchor } from '../anchoring';
import { claimCreated } from './claim-lock';
import * as claims from './claims-repository';
import { CreateClaimInput } from './claims-schemas';
import type { Claim } from './claims-types';
import type { Viewer } from './read-policy';

/** Where a claim's input points in an article: a whole sentence, or a quote found (and trimmed) in its text. */
export function anchorFor(article: Article, input: CreateClaimInput): Anchor {
  if (input.sentenceId) {
    const sentence = article.sentences.find((s) => s.id === input.sentenceId);
    if (!sentence) throw new UnprocessableError(`The sentence ${input.sentenceId} is not in this article.`);
    return anchorAt(article.text, sentence.start, sentence.end);
  }
  const anchor = anchorQuote(article.text, input.quote!);
  if (!anchor) throw new UnprocessableError('The quote was not found in the article’s text.');
  const span = trimSpan(article.text, anchor.start, anchor.end);
  return anchorAt(article.text, span.start, span.end);
}

/** Creating claims: one per span; part of the claims service (claims-service.ts). */
export function claimCreation(db: Db, articles: ArticlesService, events: DomainEvents) {
  /**
   * The claim is anchored inside its transaction, in the revision that transaction sees, with the
   * article held against a new revision until it commits (`currentIn`): a claim created while
   * the article is being revised is anchored in the new text, never stored with the old offsets.
   */
  return async function createIn(known: Article, raw: CreateClaimInput, author: Viewer): Promise<{ claim: Claim; created: boolean }> {
    const input = parseInput(CreateClaimInput, raw);
    anchorFor(known, input); // a quote that is not in the article is refused before any transaction
    const tried: { anchor: Anchor | null } = { anchor: null };
    try {
      const outcome = await db.transaction(async (tx): Promise<{ claim: Claim; created: boolean }> => {
        const article = await articles.currentIn(tx, known);
        const anchor = anchorFor(article, input);
        tried.anchor = anchor;
        const existing = await claims.findClaimBySpan(tx, article.id, anchor.start, anchor.end);
        if (existing) return { claim: existing, created: false };
        const created = await claims.insertClaim(tx, {
          articleId: article.id,
          revision: article.revision,
          anchor,
          statement: input.statement,
          sentenceIds: sentencesTouching(article.sentences, anchor.start, anchor.end),
          createdBy: author.id,
        });
        claimCreated(tx, created);
        await events.record(tx, {
          kind: 'claim.created',
          claim: {
            id: created,
            article: { slug: article.slug, title: article.title },
            statement: input.statement ?? null,
            target: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, start: anchor.start, end: anchor.end },
            createdBy: author.id,
          },
        });
        return { claim: (await claims.findClaim(tx, created))!, created: true };
      });
      return outcome;
    } catch (error) {
      const anchor = tried.anchor;
      const raced = isUniqueViolation(error) && anchor ? await claims.findClaimBySpan(db, known.id, anchor.start, anchor.end) : null;
      if (raced) return { claim: raced, created: false };
      throw error;
    }
  };
}
