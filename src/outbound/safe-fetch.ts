import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import { UnprocessableError } from '../lib/errors';
import { checkAddress, hostAllowed } from './address-policy';

/**
 * The one fetcher for every server-side request to an address a person supplied (article import
 * from a URL, webhooks): nothing else in Factline may open such a connection. For each hop it
 * parses the URL (http and https only, no credentials), resolves the host, checks every address
 * it resolves to against the address policy (unless the operator allowed the host by name),
 * and connects to the address it checked: the connection's own look-up is pinned, so a DNS
 * answer that changes between check and connect (rebinding) cannot redirect it. Redirects are
 * followed by hand, each hop checked the same way, at most `maxRedirects`. The whole exchange
 * has one deadline, the body a size cap, and only HTML content types are accepted; the
 * declared charset is decoded. Every refusal is a 422 whose message says why.
 */
export interface OutboundPolicy {
  /** OUTBOUND_ALLOW_HOSTS: hosts (`host` or `host:port`) the operator allows even on internal addresses. */
  allowHosts: string[];
  maxRedirects?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface FetchedPage {
  /** The address of the page finally fetched (after redirects). */
  url: string;
  status: number;
  contentType: string;
  charset: string;
  text: string;
}

export class OutboundRefusal extends UnprocessableError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message, { reason });
  }
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefusal('invalid_url', `“${raw.slice(0, 200)}” is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundRefusal('scheme', `Only http and https addresses can be fetched, not ${url.protocol.replace(':', '')}.`);
  if (url.username || url.password) throw new OutboundRefusal('credentials', 'Addresses with a user name or password are not fetched.');
  return url;
}

/** The addresses the host stands for, each one allowed (or the host allowed by name); refuses otherwise. */
async function checkedAddresses(url: URL, allowHosts: string[]): Promise<{ address: string; family: number }[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      addresses = await dns.lookup(host, { all: true, verbatim: true });
    } catch {
      throw new OutboundRefusal('dns', `The host ${host} could not be found.`);
    }
  }
  if (addresses.length === 0) throw new OutboundRefusal('dns', `The host ${host} could not be found.`);
  if (!hostAllowed(allowHosts, url)) {
    for (const { address } of addresses) {
      const verdict = checkAddress(address);
      if (!verdict.allowed)
        throw new OutboundRefusal('address', `${host} resolves to ${address}, ${verdict.reason}: Factline does not fetch internal addresses.`);
    }
  }
  return addresses;
}

function pinnedLookup(address: string, family: number): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

function charsetOf(contentType: string, head: Buffer): string {
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (declared) return declared.toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head.subarray(0, 1024).toString('latin1'))?.[1];
  return (meta ?? 'utf-8').toLowerCase();
}

function decode(body: Buffer, charset: string): { text: string; charset: string } {
  try {
    return { text: new TextDecoder(charset).decode(body), charset };
  } catch {
    return { text: new TextDecoder('utf-8').decode(body), charset: 'utf-8' };
  }
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string;
  body: Buffer | null;
}

interface RequestShape {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Refuse a successful answer that is not an HTML page (page import); webhooks accept any. */
  htmlOnly: boolean;
}

const PAGE_REQUEST: RequestShape = {
  method: 'GET',
  headers: { 'user-agent': 'Factline/1.0 (fact-checking import)', accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
  htmlOnly: true,
};

function requestOnce(
  url: URL,
  pin: { address: string; family: number },
  signal: AbortSignal,
  maxBytes: number,
  shape: RequestShape = PAGE_REQUEST,
): Promise<Hop> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: shape.method,
        lookup: pinnedLookup(pin.address, pin.family),
        signal,
        headers: { ...shape.headers, ...(shape.body !== undefined ? { 'content-length': String(Buffer.byteLength(shape.body)) } : {}) },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers['content-type'] ?? '');
        if (REDIRECTS.has(status)) {
          res.resume();
          return resolve({ status, location: res.headers.location ?? null, contentType, body: null });
        }
        const base = contentType.split(';')[0].trim().toLowerCase();
        if (shape.htmlOnly && status >= 200 && status < 300 && !HTML_TYPES.includes(base)) {
          res.destroy();
          return reject(new OutboundRefusal('content_type', `The address answered with ${base || 'no content type'}, not an HTML page.`));
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.destroy();
          return reject(tooLarge(maxBytes));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            reject(tooLarge(maxBytes));
          } else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status, location: null, contentType, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(shape.body);
  });
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`);
const tooLarge = (maxBytes: number) => new OutboundRefusal('too_large', `The page is larger than ${size(maxBytes)}.`);

export function createSafeFetcher(policy: OutboundPolicy) {
  const maxRedirects = policy.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeoutMs = policy.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_BYTES;

  return {
    /** Checks an address as a request to it would be checked (scheme, credentials, every address it resolves to); refuses with a 422. */
    async checkTarget(address: string): Promise<void> {
      await checkedAddresses(parseTarget(address), policy.allowHosts);
    },

    /**
     * POSTs a JSON body to an address a person gave (webhooks), within the same policy: checked and
     * pinned as a page fetch is; redirects are not followed (the answer's status is the outcome);
     * the answer's body is read up to `maxBytes` and dropped. Returns the status; refuses or
     * times out with an OutboundRefusal.
     */
    async postJson(
      address: string,
      body: string,
      headers: Record<string, string>,
      limits: { timeoutMs: number; maxBytes: number },
    ): Promise<{ status: number }> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
      try {
        const url = parseTarget(address);
        const [pin] = await checkedAddresses(url, policy.allowHosts);
        const answer = await requestOnce(url, pin, controller.signal, limits.maxBytes, {
          method: 'POST',
          headers: { 'user-agent': 'Factline/1.0 (webhook)', 'content-type': 'application/json', ...headers },
          body,
          htmlOnly: false,
        });
        return { status: answer.status };
      } catch (error) {
        if (error instanceof OutboundRefusal) throw error;
        if (controller.signal.aborted) throw new OutboundRefusal('timeout', `The address took longer than ${limits.timeoutMs / 1000} s to answer.`);
        throw new OutboundRefusal('network', `The address could not be reached (${(error as Error).message}).`);
      } finally {
        clearTimeout(timer);
      }
    },

    /** Fetches an HTML page at an address a person gave, within the policy; refuses with a 422 that says why. */
    async fetchHtml(address: string): Promise<FetchedPage> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        let url = parseTarget(address);
        for (let hop = 0; ; hop++) {
          const [pin] = await checkedAddresses(url, policy.allowHosts);
          const answer = await requestOnce(url, pin, controller.signal, maxBytes);
          if (answer.body === null) {
            if (!answer.location) throw new OutboundRefusal('redirect', `The address answered ${answer.status} without saying where to go.`);
            if (hop >= maxRedirects) throw new OutboundRefusal('redirects', `The address redirected more than ${maxRedirects} times.`);
            url = parseTarget(new URL(answer.location, url).toString());
            continue;
          }
          if (answer.status >= 400) throw new OutboundRefusal('status', `The address answered ${answer.status} instead of a page.`);
          const { text, charset } = decode(answer.body, charsetOf(answer.contentType, answer.body));
          return { url: url.toString(), status: answer.status, contentType: answer.contentType, charset, text };
        }
      } catch (error) {
        if (error instanceof OutboundRefusal) throw error;
        if (controller.signal.aborted) throw new OutboundRefusal('timeout', `The address took longer than ${timeoutMs / 1000} s to answer.`);
        throw new OutboundRefusal('network', `The address could not be fetched (${(error as Error).message}).`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export type SafeFetcher = ReturnType<typeof createSafeFetcher>;
