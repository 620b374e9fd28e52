import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A publisher's web server on 127.0.0.1 for tests: pages are set and changed by the test (an
 * article corrected after publication), every request is recorded. Tests allow it by name, as an
 * operator would with OUTBOUND_ALLOW_HOSTS; nothing leaves loopback.
 */
export interface Origin {
  url(path: string): string;
  /** host:port, for the allow-list. */
  host: string;
  set(path: string, body: string, options?: { status?: number; type?: string; location?: string }): void;
  requests: string[];
  close(): Promise<void>;
}

export async function startOrigin(): Promise<Origin> {
  const pages = new Map<string, { body: string; status: number; type: string; location?: string }>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const page = pages.get(path);
    if (!page) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
    res.writeHead(page.status, { 'content-type': page.type, ...(page.location ? { location: page.location } : {}) }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    host: `127.0.0.1:${port}`,
    set: (path, body, options = {}) =>
      pages.set(path, { body, status: options.status ?? 200, type: options.type ?? 'text/html; charset=utf-8', location: options.location }),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
