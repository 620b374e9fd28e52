import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { csrfFrom } from '../support/http';

/** Hardening issue item 14: which X-Forwarded-For the app believes, and what the shipped nginx sends. */
describe('the shipped nginx configuration', () => {
  const conf = fs.readFileSync(path.join(__dirname, '../../deploy/nginx.conf'), 'utf8');

  test('when nginx forwards a request, then it overwrites X-Forwarded-For with the address it saw instead of appending the client’s header', () => {
    const directives = conf
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean);
    expect(directives).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(directives.join('\n')).not.toContain('$proxy_add_x_forwarded_for');
  });
});

describe('a client that sends its own X-Forwarded-For', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: 'uniquelocal' }); // as under compose
  });
  afterAll(() => t.close());

  test('when the client is not a trusted proxy, then the spoofed address is not believed (the audit log and limits see the real one)', async () => {
    const agent = request.agent(t.app);
    const csrf = csrfFrom((await agent.get('/login').expect(200)).text);
    await agent
      .post('/login')
      .set('X-Forwarded-For', '10.9.8.7')
      .type('form')
      .send({ username: 'nobody', password: 'wrong password', _csrf: csrf })
      .expect(401);
    const event = await t.db('audit_events').where({ event: 'login.failed', subject: 'nobody' }).first('ip');
    expect(event.ip).not.toBe('10.9.8.7');
    expect(event.ip).toMatch(/127\.0\.0\.1|::1/);
  });
});
