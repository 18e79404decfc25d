/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): one
 * AnnotationCollection whose first AnnotationPage holds every annotation inline.
 *
 * How Fieldmark's fields map, so that a round trip loses nothing:
 * - id → `urn:uuid:<id>`; createdAt/updatedAt → `created`/`modified`;
 * - the anchor → a SpecificResource target whose `source` is `urn:sha256:<hash of
 *   the text>` with a TextQuoteSelector and a TextPositionSelector (§4.2.4, §4.2.5);
 * - the note → a TextualBody with purpose `commenting`; each tag → a TextualBody
 *   with purpose `tagging` (§3.3.5); motivation is `commenting` when there is a note,
 *   else `highlighting`;
 * - the colour → the target's `styleClass` `fieldmark-<colour id>` with the
 *   annotation-level CssStylesheet the model requires for it (§4.4), so other
 *   tools can paint it too;
 * - a deletion → `fieldmark:deletedAt` (a term of the `fieldmark` prefix declared
 *   in the @context). Tombstones are exported so that a merge elsewhere does not
 *   bring the annotation back; they carry no note and no tags, because a deleted
 *   note should not leave the machine;
 * - each link the annotation makes → a `linking` body, and the assessments → the
 *   collection's `fieldmark:assessments` (issue 14; w3c-links.ts);
 * - the sensitivity → `fieldmark:sensitivity`, and a note withheld from a shared
 *   file → `fieldmark:noteWithheld: true` with no commenting body (issue 16;
 *   w3c-sensitivity.ts; the audience filter, audience.ts, already emptied it).
 */
import { createHash } from 'node:crypto';
import { COLOR_IDS, type AnnotationView, type ColorId } from '../../../preload/contract';
import type { StoredAssessment, StoredLink } from '../store/store-schema';
import { ASSESSMENTS_KEY, DELETED_AT_KEY, FIELDMARK_NAMESPACE, assessmentsJson, linkBody, linksByAnnotation, type RecommendationPassage } from './w3c-links';
import { sensitivityJson } from './w3c-sensitivity';

export { DELETED_AT_KEY, FIELDMARK_NAMESPACE };
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const W3C_CONTEXT = [ANNO_CONTEXT, { fieldmark: FIELDMARK_NAMESPACE }] as const;
export const STYLE_CLASS_PREFIX = 'fieldmark-';

/** Paint for other tools: the app's hue plus its underline style, so colour is never the only cue. */
const COLOR_CSS: Record<ColorId, string> = {
  key: 'background-color: rgba(250, 204, 21, 0.35); text-decoration: underline solid;',
  gap: 'background-color: rgba(239, 68, 68, 0.25); text-decoration: underline wavy;',
  progress: 'background-color: rgba(34, 197, 94, 0.25); text-decoration: underline double;',
  statistic: 'background-color: rgba(59, 130, 246, 0.25); text-decoration: underline dashed;',
  question: 'background-color: rgba(168, 85, 247, 0.25); text-decoration: underline dotted;',
};

/** Stands in for a source that is not a valid IRI (a foreign file's orphan), so the export stays valid. */
export const UNKNOWN_SOURCE = `${FIELDMARK_NAMESPACE}unknown-source`;
// RFC 3986 absolute URI, conservatively: a scheme, a non-empty path of plain
// characters (pchar or "/"), then an optional query and fragment of the same.
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const IRI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:(?:${PCHAR}|/)+(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`);

/** The source itself when it is an absolute IRI of plain ASCII, else UNKNOWN_SOURCE. */
export function exportableSource(source: string): string {
  return IRI.test(source) ? source : UNKNOWN_SOURCE;
}

/** The style class that carries a colour. */
export function styleClassFor(color: ColorId): string {
  return `${STYLE_CLASS_PREFIX}${color}`;
}

/** The colour a style class names, or null when it is not one of ours. */
export function colorFromStyleClass(styleClass: string): ColorId | null {
  if (!styleClass.startsWith(STYLE_CLASS_PREFIX)) return null;
  const id = styleClass.slice(STYLE_CLASS_PREFIX.length);
  return (COLOR_IDS as readonly string[]).includes(id) ? (id as ColorId) : null;
}

export interface W3CExportInput {
  report: { title: string; sha256: string };
  /** Every annotation, tombstones included. */
  annotations: readonly AnnotationView[];
  exportedAt: Date;
  /** Every stored link, tombstones included (issue 14); absent means none. */
  links?: readonly StoredLink[];
  /** The recommendations' passages by id, which links to a recommendation point at. */
  recommendations?: ReadonlyMap<string, RecommendationPassage>;
  /** The stored assessments (only recommendations the user touched). */
  assessments?: readonly StoredAssessment[];
  /** Ids of the annotations whose note this (shared) file withholds. */
  withheld?: ReadonlySet<string>;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A UUID (version 8 layout) from a hash, so the collection id is stable for the same data. */
function uuidFromHash(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One annotation as a W3C Web Annotation (without its own @context when inside a collection), with its `linking` bodies. */
export function toW3CAnnotation(a: AnnotationView, withContext = true, linking: readonly Json[] = [], withheld = false): Record<string, Json> {
  const deleted = a.deletedAt !== null;
  const body: Json[] = [];
  if (!deleted && a.note.length > 0) {
    body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  }
  if (!deleted) for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push(...linking);
  const [position, quote] = a.target.selector;
  const annotation: Record<string, Json> = {};
  if (withContext) annotation['@context'] = [...W3C_CONTEXT];
  Object.assign(annotation, {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: !deleted && a.note.length > 0 ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
  });
  if (body.length > 0) annotation.body = body;
  annotation.target = {
    type: 'SpecificResource',
    source: exportableSource(a.target.source),
    styleClass: styleClassFor(a.color),
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ],
  };
  annotation.stylesheet = { type: 'CssStylesheet', value: `.${styleClassFor(a.color)} { ${COLOR_CSS[a.color]} }` };
  if (deleted) annotation[DELETED_AT_KEY] = a.deletedAt;
  Object.assign(annotation, sensitivityJson(a.sensitivity, withheld && !deleted));
  return annotation;
}

/**
 * A view's W3C target: where it is placed in the current text, or — for an
 * orphan — the selectors it was made with, so nothing is invented for it.
 */
function exportedView(a: AnnotationView, sha256: string): AnnotationView {
  if (a.anchor.status === 'orphan') return a;
  return {
    ...a,
    target: {
      source: `urn:sha256:${sha256}`,
      sha256,
      selector: [
        { type: 'TextPositionSelector', start: a.start, end: a.end },
        { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      ],
    },
  };
}

/** Builds the W3C AnnotationCollection (JSON-LD value). Pure: the same input gives the same value. */
export function toW3C(input: W3CExportInput): Record<string, Json> {
  const sorted = [...input.annotations].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const links = linksByAnnotation(input.links ?? []);
  const passages = input.recommendations ?? new Map<string, RecommendationPassage>();
  const bodiesOf = (id: string) => (links.get(id) ?? []).flatMap((link) => linkBody(link, input.report.sha256, passages) ?? []);
  const withheld = input.withheld ?? new Set<string>();
  const items = sorted.map((a) => toW3CAnnotation(exportedView(a, input.report.sha256), true, bodiesOf(a.id), withheld.has(a.id)));
  const created = input.exportedAt.toISOString();
  const collection: Record<string, Json> = {
    '@context': [...W3C_CONTEXT],
    id: `urn:uuid:${uuidFromHash(`${input.report.sha256}\n${created}\n${sorted.map((a) => a.id).join('\n')}`)}`,
    type: 'AnnotationCollection',
    label: `Fieldmark annotations: ${input.report.title}`,
    created,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  if ((input.assessments ?? []).length > 0) collection[ASSESSMENTS_KEY] = assessmentsJson(input.assessments!);
  return collection;
}

/** The W3C export as the JSON text written to the `.jsonld` file. */
export function renderW3C(input: W3CExportInput): string {
  return `${JSON.stringify(toW3C(input), null, 2)}\n`;
}
