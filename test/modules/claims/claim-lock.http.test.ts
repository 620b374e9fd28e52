/**
 * The one serialisation rule per claim (claim-lock.ts), attacked with real concurrent requests
 * on both databases (on PostgreSQL the pool's connections run the transactions side by side).
 */
import request from 'supertest';
import * as oneVerdictPerQuote from '../../../migrations/20261203100000_one_verdict_per_quote';
import { verifyClaimStats } from '../../../src/modules/review';
import { decisionsReader, VERDICTS } from '../../../src/modules/verdicts';
import { createTestApp, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, validCheck } from '../../support/claims';
import { createApiToken, createUser } from '../../support/factories';
import { seededRandom } from '../../support/random';

let t: TestApp;
let editor: string;
let reviewers: string[];

const sentences = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => `The ferry number ${from + i} left the quay at ${i + 6} o'clock.`).join(' ');

async function newArticle(title: string, text: string): Promise<string> {
  return (await request(t.app).post('/api/v1/articles').set(bearer(editor)).send({ title, text }).expect(201)).body.slug;
}

beforeEach(async () => {
  t = await createTestApp();
  editor = await createApiToken(t.db, await createUser(t.db, 'editor'));
  reviewers = [];
  for (let i = 0; i < 4; i++) reviewers.push(await createApiToken(t.db, await createUser(t.db, 'reviewer')));
});
afterEach(() => t.close());

describe('a claim created while its article is revised', () => {
  test('when a claim and a revision that adds a sentence at the top are sent together, then the claim is anchored in the revision that is current, on its own words', async () => {
    for (let attempt = 0; attempt < 16; attempt++) {
      const slug = await newArticle(`Ferry story ${attempt}`, sentences(6));
      const quote = 'The ferry number 4 left the quay';
      const [created, revised] = await Promise.all([
        request(t.app)
          .post(`/api/v1/articles/${slug}/claims`)
          .set(bearer(reviewers[0]))
          .send({ quote: { exact: quote } }),
        request(t.app)
          .put(`/api/v1/articles/${slug}`)
          .set(bearer(editor))
          .send({ text: `This sentence was added here by the desk. ${sentences(6)}` }),
      ]);
      expect(created.status).toBe(201);
      expect(revised.status).toBe(200);
      const article = (await request(t.app).get(`/api/v1/articles/${slug}`).expect(200)).body;
      const claim = (await request(t.app).get(`/api/v1/claims/${created.body.id}`).set(bearer(editor)).expect(200)).body;
      expect({ attempt, words: article.text.slice(claim.target.start, claim.target.end) }).toEqual({ attempt, words: quote });
      expect({ attempt, revision: claim.anchor.revision }).toEqual({ attempt, revision: article.revision });
      expect(claim.anchor.status).not.toBe('orphaned');
    }
  });
});

describe('one quote, one verdict', () => {
  async function linkedPair() {
    const slug = await newArticle('Linked story', sentences(4));
    const original = await createClaim(t.app, reviewers[0], { quote: { exact: 'The ferry number 1 left the quay' } }, slug);
    const again = await createClaim(t.app, reviewers[0], { quote: { exact: 'The ferry number 2 left the quay' } }, slug);
    await fileCheck(t.app, reviewers[0], original, { verdict: 'true' });
    await fileCheck(t.app, reviewers[1], again, { verdict: 'false' });
    await request(t.app)
      .post(`/api/v1/claims/${original}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'true', summary: 'It left.', publish: true })
      .expect(200);
    await request(t.app).post(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).send({ claimId: original }).expect(200);
    return { original, again };
  }

  test('when an editor decides a claim marked as the same claim as another, then it is refused with a 409 that says why, and nothing is written', async () => {
    const { original, again } = await linkedPair();
    for (const publish of [true, false]) {
      const res = await request(t.app)
        .post(`/api/v1/claims/${again}/decision`)
        .set(bearer(editor))
        .send({ verdict: 'false', summary: 'It did not.', note: 'Our own view.', publish })
        .expect(409);
      expect(res.body.error.message).toBe(
        `This claim is marked as the same claim as claim ${original} and shows its verdict; remove that mark before deciding this claim on its own.`,
      );
    }
    expect(await t.db('decisions').where({ claim_id: again }).first()).toBeUndefined();
    expect(await t.db('decision_revisions').where({ claim_id: again }).first()).toBeUndefined();
    // Once the mark is removed, the claim is decided on its own.
    await request(t.app).delete(`/api/v1/claims/${again}/same-as`).set(bearer(editor)).expect(200);
    await request(t.app)
      .post(`/api/v1/claims/${again}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'false', summary: 'It did not.', publish: true })
      .expect(200);
  });

  test('when any path writes around the service, then the database refuses a published verdict on a linked claim and a link on a claim with its own', async () => {
    const { original, again } = await linkedPair();
    await expect(
      t.db('decisions').insert({ claim_id: again, verdict: 'false', summary: 'x', published: true, decided_at: new Date().toISOString() }),
    ).rejects.toThrow(/one_verdict_per_quote/);
    await t.db('decisions').insert({ claim_id: again, verdict: 'false', summary: 'x', published: false, decided_at: new Date().toISOString() });
    await expect(t.db('decisions').where({ claim_id: again }).update({ published: true })).rejects.toThrow(/one_verdict_per_quote/);
    await t.db('claims').where({ id: again }).update({ same_as_claim_id: null });
    await t.db('decisions').where({ claim_id: again }).update({ published: true });
    await expect(t.db('claims').where({ id: again }).update({ same_as_claim_id: original })).rejects.toThrow(/one_verdict_per_quote/);
  });

  test('when the upgrade finds a linked claim with its own published verdict (possible before), then the claim keeps its verdict, loses the link, and its history says so', async () => {
    const { original, again } = await linkedPair();
    await oneVerdictPerQuote.down(t.db);
    await t.db('decisions').insert({ claim_id: again, verdict: 'false', summary: 'Own view.', published: true, decided_at: new Date().toISOString() });
    await oneVerdictPerQuote.up(t.db);
    expect((await t.db('claims').where({ id: again }).first('same_as_claim_id')).same_as_claim_id).toBeNull();
    const events = await t.db('claim_same_as_events').where({ claim_id: again }).orderBy('id').select('action', 'actor_id', 'target_claim_id');
    expect(events.at(-1)).toEqual({ action: 'unlinked', actor_id: null, target_claim_id: original });
    await expect(t.db('claims').where({ id: again }).update({ same_as_claim_id: original })).rejects.toThrow(/one_verdict_per_quote/);
  });

  test('when two "same claim as" links that would make a chain are made at once, then one is refused and no chain exists', async () => {
    const slug = await newArticle('Chain story', sentences(4));
    const ids: number[] = [];
    for (const n of [1, 2, 3]) ids.push(await createClaim(t.app, reviewers[0], { quote: { exact: `The ferry number ${n} left the quay` } }, slug));
    const [a, b, c] = ids;
    for (const id of [b, c]) {
      await fileCheck(t.app, reviewers[0], id, { verdict: 'true' });
      await request(t.app).post(`/api/v1/claims/${id}/decision`).set(bearer(editor)).send({ verdict: 'true', summary: 'Yes.', publish: true }).expect(200);
    }
    for (let round = 0; round < 8; round++) {
      // b is published, so a → b is allowed alone; b → c is allowed alone once b is unpublished.
      await request(t.app).post(`/api/v1/claims/${b}/decision`).set(bearer(editor)).send({ verdict: 'true', summary: 'Yes.', publish: true }).expect(200);
      const [first, second] = await Promise.all([
        request(t.app).post(`/api/v1/claims/${a}/same-as`).set(bearer(editor)).send({ claimId: b }),
        request(t.app)
          .post(`/api/v1/claims/${b}/decision`)
          .set(bearer(editor))
          .send({ verdict: 'true', summary: 'Yes.', publish: false })
          .then(() => request(t.app).post(`/api/v1/claims/${b}/same-as`).set(bearer(editor)).send({ claimId: c })),
      ]);
      const rows: { id: number; same_as_claim_id: number | null }[] = await t.db('claims').whereIn('id', ids).select('id', 'same_as_claim_id');
      const link = new Map(rows.map((r) => [Number(r.id), r.same_as_claim_id === null ? null : Number(r.same_as_claim_id)]));
      for (const [id, target] of link)
        if (target !== null) expect({ round, id, targetIsLinked: link.get(target) }).toEqual({ round, id, targetIsLinked: null });
      expect({ round, succeeded: [first.status, second.status].filter((s) => s === 200).length }).toEqual({ round, succeeded: 1 });
      for (const id of [a, b]) if (link.get(id) !== null) await request(t.app).delete(`/api/v1/claims/${id}/same-as`).set(bearer(editor)).expect(200);
    }
  });
});

describe('stored aggregates under concurrent writers', () => {
  test('when bursts of filings, edits, decisions, revisions and same-as links run at once, then stats verify is clean, no linked claim publishes, and no publication missed a check without flagging new evidence', async () => {
    const slug = await newArticle('Busy story', sentences(8));
    const rng = seededRandom(20261203);
    const claimIds: number[] = [];
    for (let n = 1; n <= 6; n++) claimIds.push(await createClaim(t.app, reviewers[n % 4], { quote: { exact: `The ferry number ${n} left` } }, slug));
    const checkOf = new Map<string, number>(); // reviewer index|claim → check id
    let sourceSerial = 0;
    const source = () => [{ url: `https://example.org/source/${++sourceSerial}`, title: 'A source', stance: 'supports' }];
    const kinds = new Set<string>();
    for (let burst = 0; burst < 12; burst++) {
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 8; i++) {
        const action = rng.pick(['file', 'file', 'edit', 'decide', 'decide', 'revise', 'same-as', 'unlink'] as const);
        if (action !== 'edit' || checkOf.size > 0) kinds.add(action);
        const claimId = rng.pick(claimIds);
        const who = Math.floor(rng.next() * reviewers.length);
        const verdict = rng.pick(VERDICTS);
        if (action === 'file')
          writes.push(
            request(t.app)
              .post(`/api/v1/claims/${claimId}/checks`)
              .set(bearer(reviewers[who]))
              .send(validCheck({ verdict, sources: source() }))
              .then((res) => {
                if (res.status === 201) checkOf.set(`${who}|${claimId}`, res.body.id);
                else expect(res.status).toBe(409);
              }),
          );
        else if (action === 'edit' && checkOf.size > 0) {
          const [key, checkId] = rng.pick([...checkOf.entries()]);
          writes.push(
            request(t.app)
              .patch(`/api/v1/checks/${checkId}`)
              .set(bearer(reviewers[Number(key.split('|')[0])]))
              .send({ verdict, sources: source() })
              .expect(200),
          );
        } else if (action === 'decide')
          writes.push(
            request(t.app)
              .post(`/api/v1/claims/${claimId}/decision`)
              .set(bearer(editor))
              .send({ verdict, summary: 'Decided.', note: 'The desk decided so.', publish: rng.next() < 0.7 })
              .then((res) => expect([200, 409, 422]).toContain(res.status)),
          );
        else if (action === 'revise')
          writes.push(
            request(t.app)
              .put(`/api/v1/articles/${slug}`)
              .set(bearer(editor))
              .send({ text: rng.next() < 0.5 ? sentences(8) : `A new first sentence ${burst}. ${sentences(8)}` })
              .expect(200),
          );
        else if (action === 'same-as')
          writes.push(
            request(t.app)
              .post(`/api/v1/claims/${claimId}/same-as`)
              .set(bearer(editor))
              .send({ claimId: rng.pick(claimIds) })
              .then((res) => expect([200, 409, 422]).toContain(res.status)),
          );
        else if (action === 'unlink')
          writes.push(
            request(t.app)
              .delete(`/api/v1/claims/${claimId}/same-as`)
              .set(bearer(editor))
              .then((res) => expect([200, 409]).toContain(res.status)),
          );
      }
      await Promise.all(writes);
      const { drift } = await verifyClaimStats(t.db, decisionsReader(t.db, { minOrdinalChecks: t.config.minReviewsForConsensus }));
      expect({ burst, drift }).toEqual({ burst, drift: [] });
      // No chain, and no linked claim with a published verdict of its own.
      const claims: { id: number; same_as_claim_id: number | null }[] = await t.db('claims').whereIn('id', claimIds).select('id', 'same_as_claim_id');
      const linked = new Map(claims.map((c) => [Number(c.id), c.same_as_claim_id === null ? null : Number(c.same_as_claim_id)]));
      const published = new Set((await t.db('decisions').where({ published: true }).pluck('claim_id')).map(Number));
      for (const [id, target] of linked)
        if (target !== null)
          expect({ burst, id, chained: linked.get(target) !== null, ownVerdict: published.has(id) }).toEqual({ burst, id, chained: false, ownVerdict: false });
      // A publication froze every source its claim's checks cite, or the claim is flagged as having new evidence.
      const decisions: { claim_id: number; evidence: string; new_evidence_at: unknown }[] = await t.db('decisions').where({ published: true });
      for (const decision of decisions) {
        if (decision.new_evidence_at !== null) continue;
        const cited = await t
          .db('check_sources')
          .join('checks', 'checks.id', 'check_sources.check_id')
          .where('checks.claim_id', decision.claim_id)
          .pluck('url');
        const frozen = new Set((JSON.parse(decision.evidence) as { url: string }[]).map((s) => s.url));
        expect({ burst, claim: decision.claim_id, missing: cited.filter((url: string) => !frozen.has(url)) }).toEqual({
          burst,
          claim: decision.claim_id,
          missing: [],
        });
      }
    }
    expect([...kinds].sort()).toEqual(['decide', 'edit', 'file', 'revise', 'same-as', 'unlink']);
  });
});
