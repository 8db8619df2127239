/**
 * A structural validator for W3C Web Annotation JSON-LD (Web Annotation Data Model, W3C
 * Recommendation 2017-02-23, and its context http://www.w3.org/ns/anno.jsonld), written from
 * the spec's MUST clauses for the parts Marginalia emits: collections, pages, annotations,
 * textual bodies, specific resources and the text quote / position selectors. No npm validator
 * exists for the model; this is the check the tests apply. Returns the problems found.
 */
const MOTIVATIONS = new Set(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);
const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value);
const many = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isTime = (value: unknown) => typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value);

export interface ValidationContext {
  /** Document text by target source IRI, to check selectors against (code points). */
  texts?: ReadonlyMap<string, string>;
}

export function validateAnnotationCollection(collection: unknown, context: ValidationContext = {}): string[] {
  const problems: string[] = [];
  if (!isObject(collection)) return ['the collection is not an object'];
  if (!many(collection['@context']).includes(ANNO_CONTEXT)) problems.push(`@context must include ${ANNO_CONTEXT}`);
  if (!isIri(collection.id)) problems.push('collection id must be an IRI');
  if (!many(collection.type).includes('AnnotationCollection')) problems.push('collection type must include AnnotationCollection');
  if (collection.total !== undefined && (!Number.isInteger(collection.total) || (collection.total as number) < 0)) problems.push('total must be a non-negative integer');
  let count = 0;
  let page = collection.first;
  let expectedStart = 0;
  while (page !== undefined) {
    if (!isObject(page)) {
      problems.push('embedded pages are expected (first/next as objects)');
      break;
    }
    if (!isIri(page.id)) problems.push('page id must be an IRI');
    if (!many(page.type).includes('AnnotationPage')) problems.push('page type must include AnnotationPage');
    if (!Array.isArray(page.items) || page.items.length === 0 && count > 0) problems.push('a page must have items');
    if (page.startIndex !== undefined && page.startIndex !== expectedStart) problems.push(`page startIndex ${JSON.stringify(page.startIndex)} should be ${expectedStart}`);
    for (const item of many(page.items)) problems.push(...validateAnnotation(item, context));
    count += many(page.items).length;
    expectedStart = count;
    page = page.next;
  }
  if (collection.total !== undefined && collection.total !== count) problems.push(`total ${JSON.stringify(collection.total)} but ${count} items`);
  return problems;
}

export function validateAnnotation(annotation: unknown, context: ValidationContext = {}): string[] {
  if (!isObject(annotation)) return ['an annotation is not an object'];
  const where = String(annotation.id);
  const problems: string[] = [];
  if (!isIri(annotation.id)) problems.push(`${where}: an Annotation MUST have exactly one IRI id`);
  if (!many(annotation.type).includes('Annotation')) problems.push(`${where}: type MUST include Annotation`);
  if (annotation.target === undefined) problems.push(`${where}: an Annotation MUST have at least one target`);
  for (const motivation of many(annotation.motivation)) if (!MOTIVATIONS.has(motivation as string)) problems.push(`${where}: unknown motivation ${String(motivation)}`);
  for (const field of ['created', 'modified', 'generated'] as const) if (annotation[field] !== undefined && !isTime(annotation[field])) problems.push(`${where}: ${field} MUST be an xsd:dateTime with timezone`);
  for (const creator of many(annotation.creator)) if (!isIri(creator) && !(isObject(creator) && (creator.id === undefined || isIri(creator.id)))) problems.push(`${where}: bad creator`);
  for (const body of many(annotation.body)) {
    if (isIri(body)) continue;
    if (!isObject(body)) {
      problems.push(`${where}: a body is neither an IRI nor a resource`);
      continue;
    }
    if (many(body.type).includes('TextualBody') && typeof body.value !== 'string') problems.push(`${where}: a TextualBody MUST have a string value`);
    for (const purpose of many(body.purpose)) if (!MOTIVATIONS.has(purpose as string)) problems.push(`${where}: unknown purpose ${String(purpose)}`);
    if (body.id !== undefined && !isIri(body.id)) problems.push(`${where}: body id must be an IRI`);
  }
  for (const target of many(annotation.target)) problems.push(...validateTarget(where, target, context));
  return problems;
}

function validateTarget(where: string, target: unknown, context: ValidationContext): string[] {
  if (isIri(target)) return [];
  if (!isObject(target)) return [`${where}: a target is neither an IRI nor a resource`];
  const problems: string[] = [];
  const source = isObject(target.source) ? target.source.id : target.source;
  if (target.selector !== undefined && !isIri(source)) problems.push(`${where}: a SpecificResource MUST have exactly one source IRI`);
  const text = typeof source === 'string' ? context.texts?.get(source) : undefined;
  const selected = new Set<string>();
  for (const selector of many(target.selector)) {
    if (!isObject(selector)) {
      problems.push(`${where}: a selector is not an object`);
      continue;
    }
    if (selector.type === 'TextQuoteSelector') {
      if (typeof selector.exact !== 'string') problems.push(`${where}: TextQuoteSelector MUST have exact`);
      for (const field of ['prefix', 'suffix'] as const) if (selector[field] !== undefined && typeof selector[field] !== 'string') problems.push(`${where}: ${field} must be a string`);
      if (text !== undefined && typeof selector.exact === 'string' && !text.includes(`${typeof selector.prefix === 'string' ? selector.prefix : ''}${selector.exact}${typeof selector.suffix === 'string' ? selector.suffix : ''}`)) problems.push(`${where}: the quote with its prefix and suffix is not in the text`);
      selected.add(String(selector.exact));
    } else if (selector.type === 'TextPositionSelector') {
      const { start, end } = selector;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) problems.push(`${where}: TextPositionSelector MUST have integer 0 <= start <= end`);
      else if (text !== undefined) {
        const codePoints = Array.from(text);
        if ((end as number) > codePoints.length) problems.push(`${where}: position beyond the text`);
        selected.add(codePoints.slice(start as number, end as number).join(''));
      }
    } else problems.push(`${where}: unexpected selector ${String(selector.type)}`);
  }
  // Several selectors of one target MUST describe the same segment.
  if (text !== undefined && selected.size > 1) problems.push(`${where}: the selectors select different text: ${[...selected].map((s) => JSON.stringify(s)).join(' vs ')}`);
  return problems;
}
