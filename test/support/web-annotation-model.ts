/**
 * The MUST-level requirements of the W3C Web Annotation Data Model (Recommendation, 23 Feb
 * 2017), restated as checks for our tests. (The W3C test suite's JSON Schemas express the same
 * requirements; we do not vendor that suite's files, so this is our own reading, section by
 * section.) Each failure names the section.
 */
type Json = Record<string, unknown>;

const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];
const AGENT_TYPES = ['Person', 'Organization', 'Software'];
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isIri = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);
const isDateTime = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
const types = (v: Json) => asArray(v.type ?? v['@type']).map(String);

function contextErrors(value: unknown, where: string): string[] {
  const contexts = asArray(value);
  return contexts.includes('http://www.w3.org/ns/anno.jsonld') ? [] : [`${where}: 3.1 @context MUST include http://www.w3.org/ns/anno.jsonld`];
}

function selectorErrors(selector: unknown, where: string): string[] {
  if (!isObject(selector)) return [`${where}: 4.2 a selector MUST be an object`];
  const type = types(selector)[0];
  if (type === 'TextQuoteSelector' && typeof selector.exact !== 'string') return [`${where}: 4.2.4 TextQuoteSelector MUST have exact`];
  if (type === 'TextPositionSelector') {
    const { start, end } = selector;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number))
      return [`${where}: 4.2.5 TextPositionSelector MUST have integer start <= end, both >= 0`];
  }
  if (!type) return [`${where}: 4.2 a selector MUST have a type`];
  return [];
}

function resourceErrors(resource: unknown, where: string, isBody: boolean): string[] {
  if (typeof resource === 'string') return isIri(resource) ? [] : [`${where}: 3.2 a resource given as a string MUST be an IRI`];
  if (!isObject(resource)) return [`${where}: 3.2 a body or target MUST be an IRI or an object`];
  const errors: string[] = [];
  const type = types(resource);
  if (type.includes('TextualBody')) {
    if (typeof resource.value !== 'string') errors.push(`${where}: 3.2.4 TextualBody MUST have a string value`);
  } else if (type.includes('SpecificResource') || resource.source !== undefined) {
    const source = resource.source;
    if (!isIri(source) && !(isObject(source) && isIri(source.id))) errors.push(`${where}: 4 SpecificResource MUST have a source with an IRI`);
    for (const [i, s] of asArray(resource.selector).entries()) errors.push(...selectorErrors(s, `${where}.selector[${i}]`));
  } else if (!isIri(resource.id)) {
    errors.push(`${where}: 3.2.1 an External Web Resource MUST have an IRI id`);
  }
  if (resource.purpose !== undefined && !asArray(resource.purpose).every((p) => MOTIVATIONS.includes(String(p))))
    errors.push(`${where}: 3.3.5 purpose MUST be a defined motivation`);
  if (resource.format !== undefined && typeof resource.format !== 'string') errors.push(`${where}: 3.2.1 format MUST be a string`);
  void isBody;
  return errors;
}

export function annotationErrors(annotation: unknown, options: { embedded?: boolean } = {}): string[] {
  if (!isObject(annotation)) return ['3.1 an Annotation MUST be an object'];
  const errors = options.embedded ? [] : contextErrors(annotation['@context'], '$');
  if (!isIri(annotation.id)) errors.push('3.1 an Annotation MUST have an IRI id');
  if (!types(annotation).includes('Annotation')) errors.push('3.1 type MUST include Annotation');
  if (annotation.target === undefined) errors.push('3.1 an Annotation MUST have at least one target');
  for (const [i, target] of asArray(annotation.target).entries()) errors.push(...resourceErrors(target, `target[${i}]`, false));
  for (const [i, body] of asArray(annotation.body).entries()) errors.push(...resourceErrors(body, `body[${i}]`, true));
  if (annotation.motivation !== undefined && !asArray(annotation.motivation).every((m) => MOTIVATIONS.includes(String(m))))
    errors.push('3.3.5 motivation MUST be a defined motivation');
  for (const key of ['created', 'modified', 'generated'])
    if (annotation[key] !== undefined && !isDateTime(annotation[key])) errors.push(`3.3.1 ${key} MUST be an xsd:dateTime with a timezone`);
  for (const [i, creator] of asArray(annotation.creator).entries()) {
    if (isObject(creator) && creator.type !== undefined && !types(creator).every((t) => AGENT_TYPES.includes(t)))
      errors.push(`creator[${i}]: 3.3.2 an agent's type MUST be Person, Organization or Software`);
  }
  return errors;
}

export function pageErrors(page: unknown, options: { embedded?: boolean } = {}): string[] {
  if (!isObject(page)) return ['5.2 an AnnotationPage MUST be an object'];
  const errors = options.embedded ? [] : contextErrors(page['@context'], '$');
  if (!isIri(page.id)) errors.push('5.2 an AnnotationPage MUST have an IRI id');
  if (!types(page).includes('AnnotationPage')) errors.push('5.2 type MUST be AnnotationPage');
  if (!Array.isArray(page.items)) errors.push('5.2 an AnnotationPage MUST have items');
  for (const [i, item] of asArray(page.items).entries()) errors.push(...annotationErrors(item, { embedded: true }).map((e) => `items[${i}]: ${e}`));
  if (page.startIndex !== undefined && (!Number.isInteger(page.startIndex) || (page.startIndex as number) < 0))
    errors.push('5.2 startIndex MUST be a non-negative integer');
  return errors;
}

export function collectionErrors(collection: unknown): string[] {
  if (!isObject(collection)) return ['5.1 an AnnotationCollection MUST be an object'];
  const errors = contextErrors(collection['@context'], '$');
  if (!isIri(collection.id)) errors.push('5.1 an AnnotationCollection MUST have an IRI id');
  if (!types(collection).includes('AnnotationCollection')) errors.push('5.1 type MUST be AnnotationCollection');
  if (collection.total !== undefined && (!Number.isInteger(collection.total) || (collection.total as number) < 0))
    errors.push('5.1 total MUST be a non-negative integer');
  if (collection.first !== undefined && !isIri(collection.first)) errors.push(...pageErrors(collection.first, { embedded: true }).map((e) => `first: ${e}`));
  return errors;
}
