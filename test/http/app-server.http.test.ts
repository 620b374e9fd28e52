/**
 * The production HTTP server (src/http/app-server.ts) hands Express requests and responses that
 * already have the app's prototypes, so Express's per-request prototype swap changes nothing,
 * and the app answers over it exactly as it does over a plain Node server.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { createAppServer } from '../../src/http/app-server';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

async function serve(server: http.Server): Promise<{ base: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('the app server', () => {
  test('when a request arrives, then it and its response have the app’s prototypes before Express sees them', async () => {
    const seen: { request: boolean; response: boolean }[] = [];
    const running = await serve(
      createAppServer(t.app, (req, res) => {
        seen.push({ request: Object.getPrototypeOf(req) === t.app.request, response: Object.getPrototypeOf(res) === t.app.response });
        t.app(req, res);
      }),
    );
    try {
      expect((await fetch(`${running.base}/healthz`)).status).toBe(200);
      expect(seen).toEqual([{ request: true, response: true }]);
    } finally {
      await running.close();
    }
  });

  test('when pages, API calls and errors are asked over it, then they answer as over a plain Node server', async () => {
    const ours = await serve(createAppServer(t.app));
    const plain = await serve(http.createServer(t.app));
    const ask = async (base: string, path: string, init?: RequestInit) => {
      const res = await fetch(`${base}${path}`, init);
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    try {
      for (const [path, init] of [
        [`/articles/${SEED_SLUG}`, undefined],
        [`/api/v1/articles/${SEED_SLUG}`, undefined],
        ['/api/v1/claims/999999', undefined],
        ['/api/v1/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
      ] as [string, RequestInit | undefined][]) {
        const [a, b] = [await ask(ours.base, path, init), await ask(plain.base, path, init)];
        expect(a.status).toBe(b.status);
        expect(a.type).toBe(b.type);
        // Pages carry a fresh CSRF token each time; compare them without it.
        const withoutTokens = (body: string) => body.replace(/name="_csrf" value="[^"]*"|"csrfToken":"[^"]*"|content="[A-Za-z0-9_-]{20,}"/g, '');
        expect(withoutTokens(a.body)).toBe(withoutTokens(b.body));
      }
    } finally {
      await ours.close();
      await plain.close();
    }
  });
});
