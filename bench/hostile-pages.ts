/**
 * Hostile pages against the production server: how long an import of 1,000 nested elements takes
 * to be answered (refused by the page bounds), and what `/healthz` answers meanwhile, for that page
 * and for the most costly page inside the bounds (a chain 155 elements deep). Issue 23: one
 * editor's page must never delay anyone else's request. Prints figures; asserts nothing.
 */
type Call = (port: number, method: string, path: string, headers?: Record<string, string>, body?: string) => Promise<{ status: number; ms: number }>;

export interface HostilePageFigures {
  page: string;
  importStatus: number;
  importMedianMs: number;
  healthz: { requests: number; p50Ms: number; p99Ms: number; maxMs: number };
}

const nested = (depth: number) =>
  `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>A paragraph of article text long enough to be kept by the reader.</p>${'</div>'.repeat(depth)}</body></html>`;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Imports the page 5 times one after another while a second client asks /healthz back to back. */
async function measure(call: Call, port: number, token: string, name: string, html: string): Promise<HostilePageFigures> {
  const imports: number[] = [];
  let status = 0;
  let importing = true;
  const health: number[] = [];
  const prober = (async () => {
    while (importing) health.push((await call(port, 'GET', '/healthz')).ms);
  })();
  for (let i = 0; i < 5; i++) {
    const body = JSON.stringify({ html, title: `Hostile page ${name} ${i} ${Date.now()}` }); // a new article each time, never a taken address
    const res = await call(port, 'POST', '/api/v1/articles', { authorization: `Bearer ${token}` }, body);
    imports.push(res.ms);
    status = res.status;
  }
  importing = false;
  await prober;
  const sorted = [...health].sort((a, b) => a - b);
  return {
    page: name,
    importStatus: status,
    importMedianMs: Number([...imports].sort((a, b) => a - b)[2].toFixed(1)),
    healthz: {
      requests: health.length,
      p50Ms: Number(quantile(sorted, 0.5).toFixed(1)),
      p99Ms: Number(quantile(sorted, 0.99).toFixed(1)),
      maxMs: Number(sorted[sorted.length - 1].toFixed(1)),
    },
  };
}

export async function measureHostilePages(call: Call, port: number, editorToken: string): Promise<HostilePageFigures[]> {
  return [
    await measure(call, port, editorToken, '1,000 nested elements (11 KB)', nested(1000)),
    await measure(call, port, editorToken, '155 nested elements (the costliest inside the bounds)', nested(155)),
  ];
}
