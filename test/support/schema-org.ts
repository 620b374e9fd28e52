/**
 * Properties schema.org defines for each type we emit (including those inherited from Thing,
 * CreativeWork and Review that we use). Anything else is an error.
 */
export const SCHEMA_ORG_PROPERTIES: Record<string, string[]> = {
  ClaimReview: ['url', 'claimReviewed', 'datePublished', 'dateModified', 'author', 'reviewRating', 'itemReviewed', 'name', 'headline'],
  Rating: ['ratingValue', 'bestRating', 'worstRating', 'alternateName', 'ratingExplanation'],
  Organization: ['name', 'url', 'logo', 'sameAs'],
  Person: ['name', 'url', 'sameAs'],
  Claim: ['author', 'datePublished', 'appearance', 'firstAppearance', 'name'],
  NewsArticle: ['url', 'headline', 'datePublished', 'author', 'publisher'],
};

export function undefinedProperties(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => undefinedProperties(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  const problems: string[] = [];
  if (typeof type !== 'string' || !SCHEMA_ORG_PROPERTIES[type]) problems.push(`${path}: unknown @type ${String(type)}`);
  const allowed = new Set(['@type', '@context', ...(SCHEMA_ORG_PROPERTIES[type as string] ?? [])]);
  for (const [key, value] of Object.entries(record)) {
    if (!allowed.has(key)) problems.push(`${path}.${key} is not a ${String(type)} property`);
    if (typeof value === 'object') problems.push(...undefinedProperties(value, `${path}.${key}`));
  }
  return problems;
}
