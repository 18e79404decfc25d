/**
 * Reading an annotation file from outside: our W3C export, any W3C Web Annotation
 * collection, page, single annotation or plain array, and the Hypothesis export
 * shapes (`{ annotations: [...] }`, `{ total, rows: [...] }`). Real files vary, so
 * the variants are normalized: selector as object or array (and nested in
 * `refinedBy`), target as string, object or array, body as string, object or
 * array, missing prefix/suffix, Hypothesis `text` and `tags`.
 *
 * Pure: text in, normalized annotations out, nothing written. Every refusal is a
 * FieldmarkError('INVALID_IMPORT') whose message names the problem and the item.
 *
 * Decisions:
 * - control characters in text are removed (C0 except tab, line feed and carriage
 *   return; DEL; C1), lone surrogates become U+FFFD, and notes' CRLF/CR become LF;
 * - ids that are not UUIDs (Hypothesis ids, http ids) map to a UUID derived from
 *   them, so importing the same file twice finds the same annotations;
 * - tags are split at commas, trimmed and de-duplicated by the tag rule of
 *   common/tag-identity.ts ("TITP" and "ＴＩＴＰ" are one tag); a tag longer than 64
 *   characters, more than 50 tags or a note over 100,000 characters is refused
 *   (the limits of the app itself), as are invalid positions and dates.
 */
import { MAX_NOTE_LENGTH, MAX_TAGS, MAX_TAG_LENGTH, MAX_TAG_PATH_LENGTH, type ColorId, type Sensitivity } from '../../../preload/contract';
import { uniqueTags } from '../../../common/tag-identity';
import { parseUntrustedJson } from '../validation/safe-json';
import { UUID, cleanNote, cleanText, fail, hasType, isObj, kindOf, readDate, shown, toArray, uuidFromForeignId, type Obj } from './import-values';

export { cleanText, uuidFromForeignId };
import { isFieldmarkLink, readAssessments, readLinkBody, type IncomingAssessment, type IncomingLink } from './import-parse-links';
import { DELETED_AT_KEY, FIELDMARK_NAMESPACE, colorFromStyleClass } from './w3c-export';
import { readSensitivityMarks } from './w3c-sensitivity';

/** The file's format, as the preview names it to the user. */
export const IMPORT_FORMATS = {
  fieldmark: 'Fieldmark Web Annotations',
  w3c: 'W3C Web Annotations',
  hypothesis: 'Hypothesis export',
  qdc: 'REFI-QDA codebook (.qdc)',
  qdpx: 'REFI-QDA project (.qdpx)',
} as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[keyof typeof IMPORT_FORMATS];

/** One annotation from the file, normalized; nothing about this report is known yet. */
export interface IncomingAnnotation {
  /** A UUID (lower case). */
  id: string;
  /** The id as written in the file, when it was not a UUID. */
  originalId: string | null;
  /** 1-based place in the file, for messages. */
  index: number;
  createdAt: string | null;
  updatedAt: string | null;
  deletedAt: string | null;
  /** Null when the file does not say (other tools have no colours). */
  color: ColorId | null;
  note: string;
  /** Issue 16: the file withheld the note (a shared copy); it never replaces a note we have. */
  noteWithheld: boolean;
  /** The file's sensitivity mark; null when it has none (other tools, files made before issue 16). */
  sensitivity: Sensitivity | null;
  tags: string[];
  /** The target's source IRI, and its SHA-256 when it is `urn:sha256:<hash>`. */
  source: string | null;
  sha256: string | null;
  start: number | null;
  end: number | null;
  /** The quote; null when the file gives only a position, or nothing to anchor at all. */
  exact: string | null;
  prefix: string;
  suffix: string;
}

export interface ParsedImport {
  format: ImportFormat;
  annotations: IncomingAnnotation[];
  /** The links the annotations make (a Fieldmark export's `linking` bodies); absent means none. */
  links?: IncomingLink[];
  /** The collection's `fieldmark:assessments`; absent means none. */
  assessments?: IncomingAssessment[];
}

const MAX_REFINED_DEPTH = 4;

/** Whether a JSON-LD object declares Fieldmark's namespace in its @context (our own export). */
function declaresFieldmark(value: unknown): boolean {
  return isObj(value) && toArray(value['@context']).some((c) => isObj(c) && c.fieldmark === FIELDMARK_NAMESPACE);
}

/** Finds the list of annotations in the file and names its format. */
function locateAnnotations(root: unknown): { format: ImportFormat; list: unknown[] } {
  if (Array.isArray(root)) return { format: root.some(declaresFieldmark) ? IMPORT_FORMATS.fieldmark : IMPORT_FORMATS.w3c, list: root };
  if (!isObj(root)) {
    fail(`The file holds ${kindOf(root)}, not annotations. Choose a file exported by Fieldmark (.jsonld) or Hypothesis (.json).`);
  }
  const format: ImportFormat = declaresFieldmark(root) ? IMPORT_FORMATS.fieldmark : IMPORT_FORMATS.w3c;
  if (hasType(root, 'AnnotationCollection')) {
    const first = Array.isArray(root.first) ? root.first[0] : root.first;
    if (typeof first === 'string') {
      fail(`The collection's annotations are not in the file: its first page is only a link (${shown(first)}). Export the collection with its annotations included.`);
    }
    if (first === undefined && Array.isArray(root.items)) return { format, list: root.items };
    if (first === undefined && (root.total === 0 || root.total === undefined)) return { format, list: [] };
    if (!isObj(first) || !Array.isArray(first.items)) {
      fail('The collection has no list of annotations ("first.items"). Export the collection with its annotations included.');
    }
    if (typeof first.next === 'string' || isObj(first.next)) {
      fail('The collection continues on further pages that are not in the file, so importing it would be incomplete. Export all annotations into one file.');
    }
    return { format, list: first.items };
  }
  if (hasType(root, 'AnnotationPage')) {
    if (!Array.isArray(root.items)) fail('The annotation page has no list of annotations ("items").');
    return { format, list: root.items };
  }
  if (hasType(root, 'Annotation')) return { format, list: [root] };
  if (Array.isArray(root.annotations)) return { format: IMPORT_FORMATS.hypothesis, list: root.annotations };
  if (Array.isArray(root.rows)) return { format: IMPORT_FORMATS.hypothesis, list: root.rows };
  fail(
    'The file is JSON but not an annotation file: Fieldmark reads W3C Web Annotations (a collection or a list) and Hypothesis exports ({ "annotations": [...] } or { "rows": [...] }).',
  );
}

interface Selectors {
  quote: Obj | null;
  position: Obj | null;
}

/** The first TextQuoteSelector and TextPositionSelector among the selectors and their refinements. */
function findSelectors(selectorValue: unknown): Selectors {
  const found: Selectors = { quote: null, position: null };
  let level = toArray(selectorValue);
  for (let depth = 0; depth <= MAX_REFINED_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const s of level) {
      if (!isObj(s)) continue;
      if (!found.quote && hasType(s, 'TextQuoteSelector')) found.quote = s;
      if (!found.position && hasType(s, 'TextPositionSelector')) found.position = s;
      next.push(...toArray(s.refinedBy));
    }
    level = next;
  }
  return found;
}

function readTarget(item: Obj, where: string): Pick<IncomingAnnotation, 'source' | 'sha256' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'color'> {
  const targets = toArray(item.target);
  let chosen: { source: string | null; selectors: Selectors; styleClass: unknown } | null = null;
  for (const t of targets) {
    let candidate: { source: string | null; selectors: Selectors; styleClass: unknown };
    if (typeof t === 'string') candidate = { source: t, selectors: { quote: null, position: null }, styleClass: undefined };
    else if (isObj(t)) {
      const source = typeof t.source === 'string' ? t.source : isObj(t.source) && typeof t.source.id === 'string' ? t.source.id : typeof t.id === 'string' ? t.id : null;
      candidate = { source, selectors: findSelectors(t.selector), styleClass: t.styleClass };
    } else fail(`${where} has a target that is ${kindOf(t)}, not a link or an object.`);
    chosen ??= candidate;
    if (candidate.selectors.quote || candidate.selectors.position) {
      chosen = candidate;
      break;
    }
  }
  const { quote, position } = chosen?.selectors ?? { quote: null, position: null };

  let exact: string | null = null;
  let prefix = '';
  let suffix = '';
  if (quote) {
    for (const key of ['exact', 'prefix', 'suffix'] as const) {
      if (quote[key] !== undefined && quote[key] !== null && typeof quote[key] !== 'string') {
        fail(`${where} has a quote whose "${key}" is ${kindOf(quote[key])}, not text.`);
      }
    }
    exact = typeof quote.exact === 'string' && quote.exact !== '' ? cleanText(quote.exact) : null;
    prefix = typeof quote.prefix === 'string' ? cleanText(quote.prefix) : '';
    suffix = typeof quote.suffix === 'string' ? cleanText(quote.suffix) : '';
    if (exact === '') exact = null;
  }

  let start: number | null = null;
  let end: number | null = null;
  if (position) {
    const s = position.start;
    const e = position.end;
    const valid = Number.isSafeInteger(s) && Number.isSafeInteger(e) && (s as number) >= 0 && (e as number) >= (s as number);
    if (!valid) {
      fail(
        `${where} has a position that is out of range (start ${shown(String(s))}, end ${shown(String(e))}): positions are whole numbers from 0, with start no greater than end.`,
      );
    }
    if ((e as number) > (s as number)) {
      start = s as number;
      end = e as number;
    }
  }

  const source = chosen?.source ? cleanText(chosen.source) : null;
  const hash = source ? /^urn:sha256:([0-9a-f]{64})$/i.exec(source)?.[1]?.toLowerCase() ?? null : null;
  const color = toArray(chosen?.styleClass).reduce<ColorId | null>((found, c) => found ?? (typeof c === 'string' ? colorFromStyleClass(c) : null), null);
  return { source, sha256: hash, start, end, exact, prefix, suffix, color };
}

function readBodies(item: Obj, where: string): { notes: string[]; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  const visit = (body: unknown, depth: number): void => {
    if (typeof body === 'string') {
      notes.push(body);
      return;
    }
    if (!isObj(body)) fail(`${where} has a body that is ${kindOf(body)}, not text or an object.`);
    if (hasType(body, 'Choice') && depth < MAX_REFINED_DEPTH) {
      const [firstChoice] = toArray(body.items);
      if (firstChoice !== undefined) visit(firstChoice, depth + 1);
      return;
    }
    if (body.value !== undefined) {
      if (typeof body.value !== 'string') fail(`${where} has a body whose value is ${kindOf(body.value)}, not text.`);
      if (toArray(body.purpose).includes('tagging')) tags.push(body.value);
      else notes.push(body.value);
      return;
    }
    // An external resource: keep its link as note text rather than dropping it.
    const link = typeof body.source === 'string' ? body.source : typeof body.id === 'string' ? body.id : null;
    if (link) notes.push(link);
  };
  // Fieldmark's own links are not note text: import-parse-links.ts reads them.
  for (const body of toArray(item.body)) if (!isFieldmarkLink(body)) visit(body, 0);
  if (typeof item.bodyValue === 'string') notes.push(item.bodyValue);
  else if (item.bodyValue !== undefined) fail(`${where} has a bodyValue that is ${kindOf(item.bodyValue)}, not text.`);
  if (item.text !== undefined && item.text !== null) {
    if (typeof item.text !== 'string') fail(`${where} has a "text" (its note) that is ${kindOf(item.text)}, not text.`);
    if (item.text !== '') notes.push(item.text);
  }
  if (item.tags !== undefined && item.tags !== null) {
    if (!Array.isArray(item.tags)) fail(`${where} has "tags" that are ${kindOf(item.tags)}, not a list.`);
    for (const tag of item.tags) {
      if (typeof tag !== 'string') fail(`${where} has a tag that is ${kindOf(tag)}, not text.`);
      tags.push(tag);
    }
  }
  return { notes, tags };
}

function normalizeTags(raw: readonly string[], where: string): string[] {
  // Spellings of one tag ("TITP", "ＴＩＴＰ") become one, as in the service: tag-identity.ts.
  const tags = uniqueTags(raw.flatMap((value) => cleanText(value).split(',')));
  // A tag is a code path (issue 13): the limit is per part between slashes, as in the contract's Tag.
  const long = tags.find((tag) => tag.length > MAX_TAG_PATH_LENGTH || tag.split('/').some((part) => part.trim().length > MAX_TAG_LENGTH));
  if (long !== undefined && !long.includes('/')) fail(`${where} has a tag longer than ${MAX_TAG_LENGTH} characters ("${shown(long)}").`);
  if (long !== undefined) fail(`${where} has a tag path with a part longer than ${MAX_TAG_LENGTH} characters, or longer than ${MAX_TAG_PATH_LENGTH} in all ("${shown(long)}").`);
  if (tags.length > MAX_TAGS) fail(`${where} has ${tags.length} tags; an annotation can have at most ${MAX_TAGS}.`);
  return tags;
}

function readId(item: Obj, index: number, where: string, contentKey: () => string): { id: string; originalId: string | null } {
  const raw = item.id ?? item['@id'];
  if (raw === undefined || raw === null) return { id: uuidFromForeignId(`#${index}\n${contentKey()}`), originalId: null };
  if (typeof raw !== 'string' || raw.trim() === '') fail(`${where} has an id that is ${kindOf(raw)}, not a single piece of text.`);
  const bare = raw.trim().replace(/^urn:uuid:/i, '');
  if (UUID.test(bare)) return { id: bare.toLowerCase(), originalId: null };
  return { id: uuidFromForeignId(raw.trim()), originalId: cleanText(raw.trim()).slice(0, 200) };
}

/** Normalizes one item of the file. */
function readAnnotation(value: unknown, index: number): IncomingAnnotation {
  const label = `Annotation ${index}`;
  if (!isObj(value)) fail(`${label} in the file is ${kindOf(value)}, not an annotation.`);
  const idHint = typeof value.id === 'string' ? ` (${shown(value.id)})` : '';
  const where = `${label}${idHint}`;
  const target = readTarget(value, where);
  const { notes, tags } = readBodies(value, where);
  const note = cleanNote(notes.join('\n\n'));
  if (note.length > MAX_NOTE_LENGTH) fail(`${where} has a note longer than ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.`);
  const created = readDate(value, 'created', 'creation', where);
  const updated = readDate(value, 'modified', 'modification', where) ?? readDate(value, 'updated', 'modification', where);
  const deletedAt = readDate(value, DELETED_AT_KEY, 'deletion', where);
  const marks = readSensitivityMarks(value, where);
  const { id, originalId } = readId(value, index, where, () => JSON.stringify([target.exact, target.start, note]));
  return {
    id,
    originalId,
    index,
    createdAt: created ?? updated,
    updatedAt: updated ?? created,
    deletedAt,
    note: marks.noteWithheld ? '' : note,
    ...marks,
    tags: normalizeTags(tags, where),
    ...target,
  };
}

/** Parses an annotation file into normalized annotations; throws INVALID_IMPORT with a plain message otherwise. */
export function parseImport(content: string): ParsedImport {
  const root = parseUntrustedJson(content);
  const { format, list } = locateAnnotations(root);
  const assessments = format === IMPORT_FORMATS.fieldmark ? readAssessments(root) : [];
  if (list.length === 0 && assessments.length === 0) fail('The file holds no annotations. Nothing was imported.');
  const annotations = list.map((item, i) => readAnnotation(item, i + 1));
  const seen = new Map<string, number>();
  for (const a of annotations) {
    const earlier = seen.get(a.id);
    if (earlier !== undefined) {
      fail(`The file lists the same annotation twice (items ${earlier} and ${a.index}, id ${shown(a.originalId ?? a.id)}). Nothing was imported.`);
    }
    seen.set(a.id, a.index);
  }
  return { format, annotations, links: readLinks(list, annotations), assessments };
}

/** The links each annotation of the file makes, each link once. */
function readLinks(list: readonly unknown[], annotations: readonly IncomingAnnotation[]): IncomingLink[] {
  const links = new Map<string, IncomingLink>();
  list.forEach((item, i) => {
    if (!isObj(item)) return;
    const where = `Annotation ${i + 1}`;
    for (const body of toArray(item.body)) {
      if (!isFieldmarkLink(body)) continue;
      const link = readLinkBody(body, annotations[i]!.id, where);
      if (links.has(link.id)) fail(`The file lists the same link twice (${where}, id ${link.id}). Nothing was imported.`);
      links.set(link.id, link);
    }
  });
  return [...links.values()];
}
