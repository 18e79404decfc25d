/**
 * The MUST requirements of the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/) as named rules, written from the
 * specification. Section numbers in the names point at the requirement.
 */
import { isDateTime, isNonNegativeInteger, isObject, isSingle, isUri, optionalSingle, typesOf, valuesOf, type Json } from './w3c-model-values';

export interface Rule {
  name: string;
  holds: (value: Json) => boolean;
}

export const ANNO_JSONLD = 'http://www.w3.org/ns/anno.jsonld';

/** §3.3.5: the motivations the model defines (bare terms only mean something through the anno.jsonld context). */
const MOTIVATIONS = new Set([
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing',
  'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
]);
const COLLECTION_TYPES = new Set(['Choice', 'Composite', 'List', 'Independents']);

const hasContext = (o: Json) => valuesOf(o['@context']).includes(ANNO_JSONLD);
const isMotivation = (v: unknown) => typeof v === 'string' && (MOTIVATIONS.has(v) || isUri(v));
const allUris = (v: unknown) => valuesOf(v).every(isUri);

/** §3.3.1, §3.3.6, §3.3.7, §3.2.1: properties any resource (annotation, body, target) may carry. */
function commonPropertiesValid(o: Json): boolean {
  return (
    ['created', 'modified', 'generated'].every((key) => optionalSingle(o[key], isDateTime)) &&
    allUris(o.rights) &&
    allUris(o.via) &&
    optionalSingle(o.canonical, isUri) &&
    optionalSingle(o.textDirection, (v) => v === 'ltr' || v === 'rtl' || v === 'auto')
  );
}

/** §3.2: a body or target is an IRI, an embedded textual body, a choice or set, a specific resource or an external resource. */
function resourceValid(resource: unknown, role: 'body' | 'target'): boolean {
  if (typeof resource === 'string') return isUri(resource);
  if (!isObject(resource) || !commonPropertiesValid(resource)) return false;
  const types = typesOf(resource);
  const purposeOk = valuesOf(resource.purpose).every(isMotivation);
  if (types.some((t) => COLLECTION_TYPES.has(t)) || resource.items !== undefined) {
    // §3.2.7: a choice or set has items and no value, source or purpose of its own.
    const items = valuesOf(resource.items);
    return items.length > 0 && resource.value === undefined && resource.source === undefined && resource.purpose === undefined && items.every((i) => resourceValid(i, role));
  }
  if (types.includes('SpecificResource') || resource.source !== undefined) {
    // §4: exactly one source, and never a value or items.
    const source = resource.source;
    const sourceOk = isSingle(source) && (isUri(source) || (isObject(source) && isUri(source.id) && commonPropertiesValid(source)));
    return sourceOk && resource.value === undefined && purposeOk && valuesOf(resource.styleClass).every((s) => typeof s === 'string');
  }
  if (types.includes('TextualBody') || resource.value !== undefined) {
    // §3.2.4: an embedded textual body has exactly one value; a target is never one.
    return role === 'body' && isSingle(resource.value) && typeof resource.value === 'string' && purposeOk;
  }
  // §3.2.2: an external web resource is identified by exactly one IRI and has no purpose.
  return isSingle(resource.id) && isUri(resource.id) && resource.purpose === undefined;
}

/** Every selector object in the annotation's bodies and targets, nested ones included (§4.2, §4.2.9, §4.2.10). */
function selectorsOf(annotation: Json): unknown[] {
  const found: unknown[] = [];
  const visitSelector = (selector: unknown): void => {
    found.push(selector);
    if (!isObject(selector)) return;
    for (const nested of [...valuesOf(selector.refinedBy), selector.startSelector, selector.endSelector]) {
      if (nested !== undefined) visitSelector(nested);
    }
  };
  const visitResource = (resource: unknown): void => {
    if (!isObject(resource)) return;
    valuesOf(resource.selector).forEach(visitSelector);
    valuesOf(resource.items).forEach(visitResource);
  };
  [...valuesOf(annotation.body), ...valuesOf(annotation.target)].forEach(visitResource);
  return found;
}

const selectorsOfType = (annotation: Json, type: string): Json[] =>
  selectorsOf(annotation).filter((s): s is Json => isObject(s) && typesOf(s).includes(type));

const isPositionSelector = (s: Json) => typesOf(s).some((t) => t === 'TextPositionSelector' || t === 'DataPositionSelector');

export const ANNOTATION_RULES: readonly Rule[] = [
  { name: '3.1 @context includes the anno.jsonld context', holds: hasContext },
  { name: '3.1 id is exactly one IRI', holds: (o) => isSingle(o.id) && isUri(o.id) },
  { name: '3.1 type includes Annotation', holds: (o) => typesOf(o).includes('Annotation') },
  { name: '3.1 has at least one target', holds: (o) => valuesOf(o.target).length > 0 },
  { name: '3.2 every target is an IRI or a valid resource', holds: (o) => valuesOf(o.target).every((t) => resourceValid(t, 'target')) },
  { name: '3.2 every body is an IRI or a valid resource', holds: (o) => valuesOf(o.body).every((b) => resourceValid(b, 'body')) },
  { name: '3.2.5 never both body and bodyValue', holds: (o) => o.body === undefined || o.bodyValue === undefined },
  { name: '3.2.5 bodyValue is exactly one string', holds: (o) => optionalSingle(o.bodyValue, (v) => typeof v === 'string') },
  { name: '3.3.1 created, modified and generated are single xsd:dateTime values', holds: commonPropertiesValid },
  { name: '3.3.5 every motivation is a defined motivation or an IRI', holds: (o) => valuesOf(o.motivation).every(isMotivation) },
  {
    name: '4.2 every selector is an IRI or has exactly one type',
    holds: (o) => selectorsOf(o).every((s) => isUri(s) || (isObject(s) && isSingle(s.type) && typeof s.type === 'string')),
  },
  {
    name: '4.2.4 every TextQuoteSelector has exactly one exact, and at most one prefix and suffix, all strings',
    holds: (o) =>
      selectorsOfType(o, 'TextQuoteSelector').every(
        (s) => isSingle(s.exact) && typeof s.exact === 'string' && ['prefix', 'suffix'].every((k) => optionalSingle(s[k], (v) => typeof v === 'string')),
      ),
  },
  {
    name: '4.2.5 every position selector has exactly one start and one end, non-negative integers',
    holds: (o) => selectorsOf(o).filter(isObject).filter(isPositionSelector).every((s) => isNonNegativeInteger(s.start) && isNonNegativeInteger(s.end)),
  },
  {
    // The model's segment runs from start up to end; the W3C suite leaves this unchecked.
    name: '4.2.5 every position selector has start no greater than end',
    holds: (o) => selectorsOf(o).filter(isObject).filter(isPositionSelector).every((s) => !(Number(s.start) > Number(s.end))),
  },
  {
    name: '4.2.1 every Fragment, CSS and XPath selector has exactly one string value',
    holds: (o) =>
      ['FragmentSelector', 'CssSelector', 'XPathSelector'].every((t) => selectorsOfType(o, t).every((s) => isSingle(s.value) && typeof s.value === 'string')),
  },
  {
    name: '4.2.9 every RangeSelector has exactly one startSelector and one endSelector',
    holds: (o) => selectorsOfType(o, 'RangeSelector').every((s) => isSingle(s.startSelector) && isObject(s.startSelector) && isSingle(s.endSelector) && isObject(s.endSelector)),
  },
  {
    // A styleClass names a class in the annotation's stylesheet; an embedded one is a CssStylesheet with its text.
    name: '4.4 a styleClass comes with exactly one stylesheet',
    holds: (o) => {
      const styled = [...valuesOf(o.target), ...valuesOf(o.body)].some((r) => isObject(r) && r.styleClass !== undefined);
      if (!styled && o.stylesheet === undefined) return true;
      const sheet = o.stylesheet;
      if (!isSingle(sheet)) return false;
      if (isUri(sheet)) return true;
      return isObject(sheet) && (isUri(sheet.id) || (typesOf(sheet).includes('CssStylesheet') && typeof sheet.value === 'string'));
    },
  },
];

/** The annotation rules an item of a collection page must meet (§5: items may leave @context to the collection). */
const ITEM_RULES = ANNOTATION_RULES.filter((r) => !r.name.startsWith('3.1 @context'));

function firstPage(o: Json): Json | null {
  return isObject(o.first) ? o.first : null;
}

export const COLLECTION_RULES: readonly Rule[] = [
  { name: '5.1 collection @context includes the anno.jsonld context', holds: hasContext },
  { name: '5.1 collection id is exactly one IRI', holds: (o) => isSingle(o.id) && isUri(o.id) },
  { name: '5.1 collection type includes AnnotationCollection', holds: (o) => typesOf(o).includes('AnnotationCollection') },
  { name: '5.1 total is a non-negative integer', holds: (o) => optionalSingle(o.total, isNonNegativeInteger) },
  { name: '5.1 first is present when the collection holds annotations', holds: (o) => !(Number(o.total) > 0) || (isSingle(o.first) && (isUri(o.first) || isObject(o.first))) },
  {
    name: '5.2 an inline first page is an AnnotationPage with a list of items',
    holds: (o) => !isObject(o.first) || (typesOf(o.first).includes('AnnotationPage') && Array.isArray(o.first.items)),
  },
  { name: '5.2 startIndex is a non-negative integer', holds: (o) => optionalSingle(firstPage(o)?.startIndex, isNonNegativeInteger) },
  {
    name: '5.2 every item of the first page meets the annotation rules',
    holds: (o) => valuesOf(firstPage(o)?.items).every((item) => isObject(item) && ITEM_RULES.every((r) => r.holds(item))),
  },
];
