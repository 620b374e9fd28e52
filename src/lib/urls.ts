import { text } from './text';

export const MAX_URL_LENGTH = 2048;

/** http or https only, no user name or password, at most 2048 characters. */
export function isSafeHttpUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The host a reader sees next to a link ("www." dropped). */
export function displayDomain(value: string): string {
  return new URL(value).hostname.replace(/^www\./, '');
}

export const httpUrlSchema = text({ error: 'is required' })
  .trim()
  .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
  .refine(isSafeHttpUrl, 'must be an http:// or https:// address without a user name or password');
