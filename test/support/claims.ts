import type { Express } from 'express';
import request from 'supertest';
import { SEED_SLUG } from './app';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export function validCheck(overrides: Record<string, unknown> = {}) {
  return {
    verdict: 'mostly-true',
    confidence: 'high',
    rationale: 'CBP data shows about **24,000** encounters in FY2023.',
    sources: [{ url: 'https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters', title: 'CBP encounters', stance: 'supports' }],
    ...overrides,
  };
}

export async function seedSentenceIds(app: Express): Promise<string[]> {
  const res = await request(app).get(`/api/v1/articles/${SEED_SLUG}`).expect(200);
  return res.body.sentences.map((s: { id: string }) => s.id);
}

/** A claim on one of the seed article's sentences, made through the API. */
export async function createClaim(app: Express, token: string, body: Record<string, unknown>, slug = SEED_SLUG): Promise<number> {
  const res = await request(app).post(`/api/v1/articles/${slug}/claims`).set(bearer(token)).send(body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`claim not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function fileCheck(app: Express, token: string, claimId: number, overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await request(app).post(`/api/v1/claims/${claimId}/checks`).set(bearer(token)).send(validCheck(overrides));
  if (res.status !== 201) throw new Error(`check not filed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
