import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createLogger } from '../../src/lib/logger';
import { createTestApp, SEED_SLUG, type TestApp } from '../support/app';
import { createApiToken, createUser } from '../support/factories';
import { signIn } from '../support/http';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  test('when a page is served, then its CSP allows no inline script and no other origin', async () => {
    const res = await request(t.app).get(`/articles/${SEED_SLUG}`).expect(200);
    const csp = res.headers['content-security-policy'] as string;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:\/\//);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  test('when any page is served, then every script element loads a same-origin file (no inline script)', async () => {
    for (const path of ['/', `/articles/${SEED_SLUG}`, '/login', '/register']) {
      const html = (await request(t.app).get(path).expect(200)).text;
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attributes, body] of scripts) {
        if (attributes.includes('type="application/ld+json"')) {
          expect(() => JSON.parse(body)).not.toThrow(); // data, never executed
          continue;
        }
        expect(attributes).toMatch(/src="\/js\//);
        expect(body.trim()).toBe('');
      }
    }
  });
});

describe('secrets stay out of logs and responses', () => {
  test('when someone signs in and calls the API with a token, then neither the password, the token nor the cookie is logged', async () => {
    const chunks: string[] = [];
    const logger = createLogger(
      'trace',
      new Writable({
        write(chunk, _encoding, done) {
          chunks.push(String(chunk));
          done();
        },
      }),
    );
    const app = createApp({ db: t.db, config: t.config, logger, sessionSecret: 'another-test-secret-another-test-secret' });
    const user = await createUser(t.db, 'editor', 'logged');
    const token = await createApiToken(t.db, user);
    const agent = await signIn(app, user.username, user.password);
    await agent.get('/api/v1/me').expect(200);
    await request(app).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    await request(app).get('/api/v1/me').set('Authorization', 'Bearer fl_wrong').expect(401);
    const log = chunks.join('');
    expect(log).toContain('"url":"/api/v1/me"');
    expect(log).not.toContain(user.password);
    expect(log).not.toContain(token);
    expect(log).not.toContain('fl_wrong');
    expect(log).not.toMatch(/factline\.sid=s%3A/);
    expect(log).toContain('"authorization":"[redacted]"');
  });
});
