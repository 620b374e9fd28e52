/**
 * A publication date as Factline stores it: a calendar date stays `YYYY-MM-DD`; a date-time is
 * stored in UTC (`2026-01-02T04:00:00Z`), whatever offset it was given with, so stored dates
 * compare as strings in time order ("newest first" on both databases). Null when it is no date.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace('.000Z', 'Z');
}
