import { createHash } from 'node:crypto';
import { compareCodeUnits } from './collections';

/**
 * Whether two addresses name the same article page: the publisher's page may be reached with
 * another scheme, a `www.`, a trailing slash, a fragment or tracking parameters, none of which
 * changes the article. Pure.
 */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid|share)$/i;

export function comparableUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const params = [...url.searchParams.entries()].filter(([name]) => !TRACKING.test(name)).sort(([a], [b]) => compareCodeUnits(a, b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/**
 * The stored, indexed look-up key of an address: a SHA-256 of its comparable form (fixed length,
 * however long the address). Changing `comparableUrl` changes the keys: a migration must then
 * clear `articles.source_key`, and start-up fills them again.
 */
export function comparableUrlKey(value: string | null): string | null {
  const comparable = value === null ? null : comparableUrl(value);
  return comparable === null ? null : createHash('sha256').update(comparable).digest('hex');
}
