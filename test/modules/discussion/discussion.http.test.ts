import request from 'supertest';
import { createTestApp, SEED_SLUG, type TestApp } from '../../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../../support/claims';
import { createApiToken, createUser, type TestUser } from '../../support/factories';
import { csrfFrom, signIn } from '../../support/http';

let t: TestApp;
let rita: string;
let omar: string;
let omarUser: TestUser;
let editor: string;
let editorUser: TestUser;
let claimId: number;

beforeEach(async () => {
  t = await createTestApp();
  rita = await createApiToken(t.db, await createUser(t.db, 'reviewer', 'rita'));
  omarUser = await createUser(t.db, 'reviewer', 'omar');
  omar = await createApiToken(t.db, omarUser);
  editorUser = await createUser(t.db, 'editor', 'edna');
  editor = await createApiToken(t.db, editorUser);
  claimId = await createClaim(t.app, rita, { sentenceId: (await seedSentenceIds(t.app))[3] });
  await fileCheck(t.app, rita, claimId);
});
afterEach(() => t.close());

const thread = (token: string) => request(t.app).get(`/api/v1/claims/${claimId}/comments`).set(bearer(token));
const post = (token: string, body: object) => request(t.app).post(`/api/v1/claims/${claimId}/comments`).set(bearer(token)).send(body);

describe('discussion and blind review', () => {
  test('when a reviewer has not filed a check, then the discussion is closed to them everywhere; once they file, it opens', async () => {
    await post(rita, { body: 'The CBP table for FY2023 says **24,000**; my verdict is mostly true.' }).expect(201);
    expect((await thread(omar).expect(403)).body.error.message).toMatch(/File your own check/);
    await post(omar, { body: 'What did you find?' }).expect(403);
    const page = await request(t.app).get(`/claims/${claimId}`).set(bearer(omar)).expect(200);
    expect(page.text).not.toContain('Discussion');
    expect(page.text).not.toContain('24,000</strong>');
    await request(t.app).get(`/api/v1/claims/${claimId}/comments`).expect(401);
    const anonymous = await request(t.app).get(`/claims/${claimId}`);
    expect(anonymous.text).not.toContain('my verdict is mostly true');
    // Nowhere else either: search, public feeds, exports.
    expect(
      (await request(t.app).get('/api/v1/search?q=verdict%20mostly').set(bearer(editor)).expect(200)).body.results.map((r: { type: string }) => r.type),
    ).not.toContain('comment');
    const exported = await request(t.app).get(`/api/v1/articles/${SEED_SLUG}/export.json`).set(bearer(editor)).expect(200);
    expect(JSON.stringify(exported.body)).not.toContain('my verdict is mostly true');

    await fileCheck(t.app, omar, claimId);
    const opened = (await thread(omar).expect(200)).body.comments;
    expect(opened).toHaveLength(1);
    expect(opened[0].bodyHtml).toContain('<strong>24,000</strong>');
    expect(opened[0]).toMatchObject({ author: { username: 'rita' }, mine: false, body: null });
    expect((await thread(editor).expect(200)).body.comments).toHaveLength(1); // editors always
  });

  test('when someone answers a reply, then it joins the first comment’s thread (one level); mentions name existing accounts only', async () => {
    const first = (await post(rita, { body: 'First.' }).expect(201)).body.comment;
    const reply = (await post(editor, { body: 'Agreed, @rita and @omar; not @nobody-here.', parentId: first.id }).expect(201)).body;
    expect(reply.mentions).toEqual(['rita', 'omar']);
    await post(rita, { body: 'Answering the reply.', parentId: reply.comment.id }).expect(201);
    const comments = (await thread(editor).expect(200)).body.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0].replies.map((r: { bodyHtml: string }) => r.bodyHtml)).toEqual([
      '<p>Agreed, @rita and @omar; not @nobody-here.</p>\n',
      '<p>Answering the reply.</p>\n',
    ]);
    const other = await createClaim(t.app, rita, { sentenceId: (await seedSentenceIds(t.app))[4] });
    await fileCheck(t.app, rita, other);
    await request(t.app).post(`/api/v1/claims/${other}/comments`).set(bearer(rita)).send({ body: 'x', parentId: first.id }).expect(422);
  });

  test('when a reviewer who has not filed names comment ids, then one that exists and one that does not get the same answer everywhere', async () => {
    const existing = (await post(rita, { body: 'A thought for those who filed.' }).expect(201)).body.comment.id;
    const missing = existing + 1000;
    const answers = async (id: number) => {
      const patch = await request(t.app).patch(`/api/v1/comments/${id}`).set(bearer(omar)).send({ body: 'Probe.' });
      const remove = await request(t.app).delete(`/api/v1/comments/${id}`).set(bearer(omar));
      const hide = await request(t.app).post(`/api/v1/comments/${id}/hide`).set(bearer(omar)).send({ reason: 'Probe.' });
      const editPage = await request(t.app).get(`/comments/${id}/edit`).set(bearer(omar));
      return [patch, remove, hide, editPage].map((res) => ({ status: res.status, message: res.body?.error?.message ?? null }));
    };
    const forExisting = await answers(existing);
    expect(forExisting).toEqual(await answers(missing));
    expect(forExisting.map((a) => a.status)).toEqual([404, 404, 403, 404]);
    // Once they file, the comment is theirs to read (and still only its author's to change).
    await fileCheck(t.app, omar, claimId);
    expect((await request(t.app).patch(`/api/v1/comments/${existing}`).set(bearer(omar)).send({ body: 'Probe.' })).status).toBe(403);
    expect((await request(t.app).patch(`/api/v1/comments/${missing}`).set(bearer(omar)).send({ body: 'Probe.' })).status).toBe(404);
    expect(await t.db('comments').where({ id: existing }).first('body')).toEqual({ body: 'A thought for those who filed.' });
  });

  test('when authors edit and delete, and an editor hides, then only the author may change a comment and the thread keeps placeholders', async () => {
    const mine = (await post(rita, { body: 'Draft thought.' }).expect(201)).body.comment;
    await fileCheck(t.app, omar, claimId);
    await request(t.app).patch(`/api/v1/comments/${mine.id}`).set(bearer(omar)).send({ body: 'Hijacked.' }).expect(403);
    const edited = await request(t.app).patch(`/api/v1/comments/${mine.id}`).set(bearer(rita)).send({ body: 'Better thought.' }).expect(200);
    expect(edited.body).toMatchObject({ edited: true, body: 'Better thought.' });
    await request(t.app).delete(`/api/v1/comments/${mine.id}`).set(bearer(omar)).expect(403);
    await request(t.app).delete(`/api/v1/comments/${mine.id}`).set(bearer(rita)).expect(204);
    expect((await t.db('comments').where({ id: mine.id }).first()).body).toBe('');
    expect((await thread(omar).expect(200)).body.comments[0]).toMatchObject({ deleted: true, bodyHtml: null });

    const rude = (await post(omar, { body: 'Something rude.' }).expect(201)).body.comment;
    await request(t.app).post(`/api/v1/comments/${rude.id}/hide`).set(bearer(rita)).send({ reason: 'no' }).expect(403);
    await request(t.app).post(`/api/v1/comments/${rude.id}/hide`).set(bearer(editor)).send({}).expect(400);
    await request(t.app).post(`/api/v1/comments/${rude.id}/hide`).set(bearer(editor)).send({ reason: 'Personal attack.' }).expect(200);
    const forReviewer = (await thread(rita).expect(200)).body.comments[1];
    expect(forReviewer).toMatchObject({ bodyHtml: null, hidden: { reason: 'Personal attack.' } });
    expect((await thread(editor).expect(200)).body.comments[1].bodyHtml).toContain('Something rude.');
    await request(t.app).patch(`/api/v1/comments/${rude.id}`).set(bearer(omar)).send({ body: 'Edited away.' }).expect(409);
  });

  test('when a comment holds markup, then it is sanitised like a rationale; empty or overlong comments are refused', async () => {
    const posted = (await post(rita, { body: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>' }).expect(201)).body.comment;
    expect(posted.bodyHtml).not.toMatch(/<script|<img|href="javascript/i);
    expect(posted.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await post(rita, { body: '   ' }).expect(400)).body.error.message).toMatch(/body/);
    await post(rita, { body: 'x'.repeat(5001) }).expect(413);
  });

  test('when the forms are used without JavaScript, then a comment posts, a bad one comes back with its message, and the thread shows on the claim page', async () => {
    const agent = await signIn(t.app, editorUser.username, 'correct horse battery');
    const claimPage = await agent.get(`/claims/${claimId}`).expect(200);
    expect(claimPage.text).toContain('id="discussion-heading"');
    const csrf = csrfFrom(claimPage.text);
    const bad = await agent.post(`/claims/${claimId}/comments`).type('form').send({ _csrf: csrf, body: ' ' }).expect(400);
    expect(bad.text).toMatch(/body: is required/);
    const posted = await agent.post(`/claims/${claimId}/comments`).type('form').send({ _csrf: csrf, body: 'From the form, @rita.' }).expect(303);
    const commentId = /#comment-(\d+)$/.exec(posted.headers.location)![1];
    const after = await agent.get(`/claims/${claimId}`).expect(200);
    expect(after.text).toContain(`id="comment-${commentId}"`);
    expect(after.text).toContain('From the form, @rita.');
    const editPage = await agent.get(`/comments/${commentId}/edit`).expect(200);
    expect(editPage.text).toContain('From the form, @rita.</textarea>');
    await agent.post(`/comments/${commentId}/edit`).type('form').send({ _csrf: csrf, body: 'Edited on the form.' }).expect(303);
    await agent.post(`/comments/${commentId}/delete`).type('form').send({ _csrf: csrf }).expect(303);
    expect((await agent.get(`/claims/${claimId}`).expect(200)).text).toContain('Comment deleted.');
  });
});
