import { z } from 'zod';
import { text } from '../../lib/text';

/**
 * oEmbed (https://oembed.com): a consumer (a CMS) given the address of a fact-check asks
 * `/oembed?url=…&format=json` and gets a `rich` response whose HTML frames the card. Pure.
 */
export const CARD_WIDTH = 550;
export const CARD_HEIGHT = 360;
export const MIN_WIDTH = 200;

const dimension = z.coerce.number({ error: 'must be a number of pixels' }).int('must be a whole number').min(1).max(10_000).optional();

export const OEmbedQuery = z.object({
  url: text({ error: 'is required' }).trim().min(1, 'is required').max(2048),
  format: z.string().max(16).optional(),
  maxwidth: dimension,
  maxheight: dimension,
});

/** The claim a Factline address names (`/claims/N` or `/embed/claims/N` under our base URL), or null. */
export function claimIdFromUrl(url: string, baseUrl: string): number | null {
  let parsed: URL;
  let base: URL;
  try {
    parsed = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (parsed.origin !== base.origin) return null;
  const prefix = base.pathname.replace(/\/$/, '');
  const match = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:embed/)?claims/(\\d{1,12})$`).exec(parsed.pathname);
  return match ? Number(match[1]) : null;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function oembedResponse(options: { baseUrl: string; providerName: string; claimId: number; title: string; maxwidth?: number; maxheight?: number }) {
  const width = Math.max(MIN_WIDTH, Math.min(CARD_WIDTH, options.maxwidth ?? CARD_WIDTH));
  const height = Math.min(CARD_HEIGHT, options.maxheight ?? CARD_HEIGHT);
  const src = `${options.baseUrl}/embed/claims/${options.claimId}`;
  return {
    version: '1.0' as const,
    type: 'rich' as const,
    provider_name: options.providerName,
    provider_url: options.baseUrl,
    title: options.title,
    width,
    height,
    cache_age: 3600,
    html: `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" title="${escapeAttribute(`Fact-check: ${options.title}`)}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
  };
}
