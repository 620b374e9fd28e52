import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSafeFetcher, OutboundRefusal } from '../../src/outbound/safe-fetch';

/**
 * The fetcher against a local origin server on 127.0.0.1, which the tests allow by name, as an
 * operator would with OUTBOUND_ALLOW_HOSTS. Every refused target (private, link-local, loopback
 * without the allow-list) is refused by the address check, before any connection is opened: no
 * traffic leaves loopback.
 */
let origin: http.Server;
let port: number;
let requests: string[] = [];

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    if (path === '/page') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><title>Héllo</title><p>Body</p></html>');
    if (path === '/latin1') return void res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from('<p>caf\xe9</p>', 'latin1'));
    if (path === '/meta-charset')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from('<meta charset="iso-8859-1"><p>na\xefve</p>', 'latin1'));
    const hops = /^\/hop\/(\d+)$/.exec(path);
    if (hops) {
      const n = Number(hops[1]);
      return void res.writeHead(302, { location: n === 0 ? '/page' : `/hop/${n - 1}` }).end();
    }
    if (path === '/to-private') return void res.writeHead(301, { location: 'http://10.0.0.1/admin' }).end();
    if (path === '/to-metadata') return void res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/to-other-loopback-port') return void res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
    if (path === '/big') return void res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(50_000));
    if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 50; i++) res.write('y'.repeat(1000));
      return void res.end();
    }
    if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
      return void setTimeout(() => res.end('</p>'), 2_000);
    }
    if (path === '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (path === '/missing') return void res.writeHead(404, { 'content-type': 'text/html' }).end('no');
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  port = (origin.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => origin.close(() => resolve())));

const allowed = () => createSafeFetcher({ allowHosts: [`127.0.0.1:${port}`], maxBytes: 10_000, timeoutMs: 500 });
const url = (path: string) => `http://127.0.0.1:${port}${path}`;

async function refusal(promise: Promise<unknown>): Promise<OutboundRefusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundRefusal);
  expect((error as OutboundRefusal).status).toBe(422);
  return error as OutboundRefusal;
}

describe('the safe fetcher', () => {
  test('when the page is HTML on an allowed host, then its text comes back decoded from UTF-8', async () => {
    const page = await allowed().fetchHtml(url('/page'));
    expect(page).toMatchObject({ url: url('/page'), status: 200, charset: 'utf-8' });
    expect(page.text).toContain('Héllo');
  });

  test('when the page declares another charset (header or meta), then it is decoded with it', async () => {
    expect((await allowed().fetchHtml(url('/latin1'))).text).toContain('café');
    const meta = await allowed().fetchHtml(url('/meta-charset'));
    expect(meta.charset).toBe('iso-8859-1');
    expect(meta.text).toContain('naïve');
  });

  test('when the page redirects up to five times, then the fetcher follows; a sixth is refused', async () => {
    expect((await allowed().fetchHtml(url('/hop/4'))).url).toBe(url('/page'));
    expect((await refusal(allowed().fetchHtml(url('/hop/5')))).reason).toBe('redirects');
  });

  test('when a redirect points at a private, metadata or other loopback address, then it is refused before connecting', async () => {
    requests = [];
    const privateHop = await refusal(allowed().fetchHtml(url('/to-private')));
    expect(privateHop).toMatchObject({ reason: 'address', message: expect.stringContaining('10.0.0.1, a private address') });
    expect(await refusal(allowed().fetchHtml(url('/to-metadata')))).toMatchObject({ reason: 'address', message: expect.stringContaining('link-local') });
    expect(await refusal(allowed().fetchHtml(url('/to-other-loopback-port')))).toMatchObject({
      reason: 'address',
      message: expect.stringContaining('loopback'),
    });
    expect(requests).toEqual(['/to-private', '/to-metadata', '/to-other-loopback-port']); // the origin's own answers, nothing more
  });

  test('when the host is not on the allow-list, then loopback is refused before any connection', async () => {
    requests = [];
    const refused = await refusal(createSafeFetcher({ allowHosts: [] }).fetchHtml(url('/page')));
    expect(refused.reason).toBe('address');
    expect(refused.message).toContain('a loopback address');
    expect(requests).toEqual([]);
  });

  test('when the body is larger than the cap (declared or streamed), then it is refused', async () => {
    expect((await refusal(allowed().fetchHtml(url('/big')))).message).toBe('The page is larger than 10 KB.');
    expect((await refusal(allowed().fetchHtml(url('/big-chunked')))).reason).toBe('too_large');
  });

  test('when the page is slower than the deadline, then it is refused as a timeout', async () => {
    const refused = await refusal(allowed().fetchHtml(url('/slow')));
    expect(refused.reason).toBe('timeout');
    expect(refused.message).toBe('The address took longer than 0.5 s to answer.');
  });

  test('when the answer is not HTML, or an error status, then it is refused with what came back', async () => {
    expect((await refusal(allowed().fetchHtml(url('/json')))).message).toBe('The address answered with application/json, not an HTML page.');
    expect((await refusal(allowed().fetchHtml(url('/missing')))).message).toBe('The address answered 404 instead of a page.');
  });

  test.each([
    ['ftp://127.0.0.1/file', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['http://user:pass@127.0.0.1/', 'credentials'],
    ['not a url', 'invalid_url'],
  ])('when the address is %s, then it is refused (%s) without any connection', async (address, reason) => {
    requests = [];
    expect((await refusal(allowed().fetchHtml(address))).reason).toBe(reason);
    expect(requests).toEqual([]);
  });
});
