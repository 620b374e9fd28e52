import type { Express } from 'express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

export type Agent = TestAgent;

/** The CSRF token a page's forms carry. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

export async function csrfTokenFor(agent: Agent, path = '/login'): Promise<string> {
  return csrfFrom((await agent.get(path).expect(200)).text);
}

/** Signs in through the real login form; the agent keeps the session cookie. */
export async function signIn(app: Express, username: string, password: string): Promise<Agent> {
  const agent = request.agent(app);
  const csrf = await csrfTokenFor(agent);
  await agent.post('/login').type('form').send({ username, password, _csrf: csrf }).expect(303);
  return agent;
}

/** The CSRF token for cookie-authenticated API calls, as a script in the page would get it. */
export async function apiCsrf(agent: Agent): Promise<string> {
  const response = await agent.get('/api/v1/me').expect(200);
  return response.body.csrfToken as string;
}
