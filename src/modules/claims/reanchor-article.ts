import type { Queryable } from '../../db/knex';
import type { AnchoringCounts, WrittenRevision } from '../articles';
import type { DomainEvents } from '../../events';
import type { DecisionsService } from '../verdicts';
import { sentencesTouching } from '../anchoring';
import { lockClaims } from './claim-lock';
import * as claims from './claims-repository';
import type { Claim } from './claims-types';
import { foldTypography, PositionMap, reanchor, type Reanchored } from '../anchoring';

/**
 * Two claims that land on the same span are the same claim now: the one that kept its text best
 * (exact, then moved, then the more similar fuzzy one, then the older) keeps the span, the other is orphaned.
 */
function orphanDuplicates(list: Claim[], results: Map<number, Reanchored>): void {
  const rank = (r: Reanchored) => (r.status === 'exact' ? 3 : r.status === 'moved' ? 2 : (r.similarity ?? 0));
  const holder = new Map<string, Claim>();
  for (const claim of list) {
    const result = results.get(claim.id)!;
    if (result.status === 'orphaned') continue;
    const key = `${result.anchor.start}:${result.anchor.end}`;
    const other = holder.get(key);
    if (!other) {
      holder.set(key, claim);
      continue;
    }
    const otherResult = results.get(other.id)!;
    const [keep, lose] = rank(result) > rank(otherResult) ? [claim, other] : [other, claim];
    holder.set(key, keep);
    results.set(lose.id, {
      status: 'orphaned',
      anchor: { start: lose.start, end: lose.end, exact: lose.exact, prefix: lose.prefix, suffix: lose.suffix },
      similarity: null,
      reason: 'ambiguous',
    });
  }
}

/**
 * Re-anchors every claim of an article in a revision just written (inside its transaction):
 * each claim's new anchor and status, its links to the new sentences, and a published verdict
 * whose text changed or vanished flagged for an editor ("needs recheck").
 */
export async function reanchorArticle(tx: Queryable, revision: WrittenRevision, decisions: DecisionsService, events: DomainEvents): Promise<AnchoringCounts> {
  // The article's row is locked by the revision's transaction, so no claim joins it meanwhile;
  // its claims are locked before their anchors are read (claim-lock.ts).
  await lockClaims(tx, await claims.claimIdsOfArticle(tx, revision.articleId));
  const list = await claims.listClaims(tx, { articleId: revision.articleId });
  const newText = revision.document.text;
  const map = new PositionMap(revision.diff);
  const folded = foldTypography(newText);
  const results = new Map<number, Reanchored>();
  for (const claim of list) {
    results.set(claim.id, reanchor({ ...claim, status: claim.anchor.status, checkedExact: claim.anchor.checked.exact }, newText, folded, map));
  }
  orphanDuplicates(list, results);
  const counts: AnchoringCounts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const recheck: number[] = [];
  for (const claim of list) {
    const result = results.get(claim.id)!;
    counts[result.status] += 1;
    const changed = result.status !== claim.anchor.status || result.anchor.exact !== claim.exact;
    // Its words changed or vanished, or the words around it changed what it may say (a negation, its own sentence).
    if (((result.status === 'fuzzy' || result.status === 'orphaned') && changed) || result.contextChanged) recheck.push(claim.id);
  }
  await claims.saveAnchors(
    tx,
    list.map((claim) => {
      const result = results.get(claim.id)!;
      return { claimId: claim.id, status: result.status, revision: revision.number, similarity: result.similarity, anchor: result.anchor };
    }),
  );
  await claims.linkSentences(
    tx,
    list.flatMap((claim) => {
      const result = results.get(claim.id)!;
      if (result.status === 'orphaned') return [];
      return sentencesTouching(revision.document.sentences, result.anchor.start, result.anchor.end).map((sentenceId) => ({
        claimId: claim.id,
        sentenceId,
      }));
    }),
  );
  if (recheck.length === 0) return counts;
  // Whoever published each of those verdicts hears that it needs them again.
  const flagged = [...(await decisions.decisionsByClaim(recheck, tx)).values()].filter((d) => d.published && d.decidedBy !== null);
  await events.record(tx, { kind: 'claims.need_recheck', claimIds: recheck, publishers: flagged.map((d) => ({ claimId: d.claimId, userId: d.decidedBy! })) });
  return counts;
}
