import express from 'express';
import request from 'supertest';
import { ChangeFeed } from '../../src/lib/change-feed';
import { PublicCache } from '../../src/http/public-cache';
import { CACHE_VARIANTS, pathPattern } from '../../src/http/route-sharing';

/** The one cacheable route of the bare app below, as a route spec's declaration would give it. */
const RULES = [{ pattern: pathPattern('/articles/:slug'), variant: CACHE_VARIANTS.noParameters }];

/** The cache's own bookkeeping, over a bare Express app whose pages are fixed strings. */
function appWith(cache: PublicCache) {
  const app = express();
  app.use(cache.middleware());
  app.get('/articles/:slug', (req, res) => {
    res.type('text/plain').send(`${req.params.slug}:`.padEnd(1000, '.'));
  });
  return app;
}

describe('PublicCache', () => {
  test('when the stored bytes would pass the bound, then the least recently used page leaves first', async () => {
    // Each 1,000-byte body is stored with no gzip copy (under 1 KB), so two fit in 2,500 bytes.
    const cache = new PublicCache(new ChangeFeed(), 2_500, RULES);
    const app = appWith(cache);
    await request(app).get('/articles/a').expect(200);
    await request(app).get('/articles/b').expect(200);
    expect((await request(app).get('/articles/a')).headers['x-cache']).toBe('hit'); // a is now the most recent
    await request(app).get('/articles/c').expect(200); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBeLessThanOrEqual(2_500);
    expect((await request(app).get('/articles/a')).headers['x-cache']).toBe('hit');
    expect((await request(app).get('/articles/b')).headers['x-cache']).toBe('miss');
  });

  test('when one page is larger than the whole bound, then it is served but not stored', async () => {
    const cache = new PublicCache(new ChangeFeed(), 500, RULES);
    const app = appWith(cache);
    await request(app).get('/articles/big').expect(200);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  test('when published content changes, then every entry goes', async () => {
    const feed = new ChangeFeed();
    const cache = new PublicCache(feed, 10_000, RULES);
    const app = appWith(cache);
    await request(app).get('/articles/a').expect(200);
    expect(cache.size).toBe(1);
    feed.publicContentChanged('test');
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });
});
