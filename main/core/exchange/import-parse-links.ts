/**
 * Reading the links and assessments a Fieldmark W3C export carries (issue 14;
 * the shapes are written by w3c-links.ts): a `linking` body with a
 * `fieldmark:relation` is a link leaving its annotation, and the collection's
 * `fieldmark:assessments` are the recommendations' assessments. A linking body
 * without a relation is another tool's and is read as before (its link as note
 * text). Pure; every refusal is INVALID_IMPORT naming the problem.
 */
import {
  AnnotationRelation,
  MAX_NOTE_LENGTH,
  MAX_RECOMMENDATION_TITLE_LENGTH,
  RecommendationId,
  RecommendationRelation,
  RecommendationStatus,
  type LinkRelation,
} from '../../../preload/contract';
import { UUID, cleanNote, cleanText, fail, isObj, kindOf, readDate, shown, toArray, uuidFromForeignId, type Obj } from './import-values';
import { ASSESSMENTS_KEY, DELETED_AT_KEY, RECOMMENDATION_KEY, RELATION_KEY } from './w3c-links';

/** Where a link points: a recommendation (by id, or by the passage its selectors give) or an annotation. */
export type IncomingLinkTarget = { recommendation: string } | { annotation: string } | { passage: { start: number; end: number } };

export interface IncomingLink {
  /** A UUID (lower case); derived from its ends and relation when the file gives none. */
  id: string;
  from: string;
  to: IncomingLinkTarget;
  relation: LinkRelation;
  createdAt: string | null;
  updatedAt: string | null;
  deletedAt: string | null;
}

export interface IncomingAssessment {
  id: string;
  title: string | null;
  status: RecommendationStatus;
  rationale: string;
  assessedBy: string | null;
  assessedAt: string | null;
  updatedAt: string;
}

/** Whether a body is one of Fieldmark's links (and so not note text). */
export function isFieldmarkLink(body: unknown): body is Obj {
  return isObj(body) && toArray(body.purpose).includes('linking') && body[RELATION_KEY] !== undefined;
}

function bareUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const bare = value.trim().replace(/^urn:uuid:/iu, '');
  return UUID.test(bare) ? bare.toLowerCase() : null;
}

function targetOf(body: Obj, where: string): IncomingLinkTarget {
  const source = typeof body.source === 'string' ? body.source : isObj(body.source) && typeof body.source.id === 'string' ? body.source.id : null;
  if (source !== null && /^urn:uuid:/iu.test(source)) {
    const annotation = bareUuid(source);
    if (annotation === null) fail(`${where} has a link to "${shown(source)}", which is not an annotation id.`);
    return { annotation };
  }
  const rec = body[RECOMMENDATION_KEY];
  if (rec !== undefined) {
    if (!RecommendationId.safeParse(rec).success) fail(`${where} has a link to "${shown(String(rec))}", which is not a recommendation (rec-1 to rec-12).`);
    return { recommendation: rec as string };
  }
  const position = toArray(body.selector).find((s): s is Obj => isObj(s) && toArray(s.type).includes('TextPositionSelector'));
  if (position && Number.isSafeInteger(position.start) && Number.isSafeInteger(position.end)) {
    return { passage: { start: position.start as number, end: position.end as number } };
  }
  fail(`${where} has a link that names neither an annotation nor a recommendation.`);
}

/** One of Fieldmark's linking bodies of the annotation `from`, checked. */
export function readLinkBody(body: Obj, from: string, where: string): IncomingLink {
  const to = targetOf(body, where);
  const relation = body[RELATION_KEY];
  const allowed = 'annotation' in to ? AnnotationRelation : RecommendationRelation;
  if (!allowed.safeParse(relation).success) {
    const kind = 'annotation' in to ? 'another highlight' : 'a recommendation';
    fail(`${where} has a link to ${kind} with the relation ${typeof relation === 'string' ? `"${shown(relation)}"` : kindOf(relation)}, which is not one of ${allowed.options.join(', ')}.`);
  }
  if ('annotation' in to && to.annotation === from) fail(`${where} is linked to itself; an annotation cannot be linked to itself.`);
  const key = 'annotation' in to ? to.annotation : 'recommendation' in to ? to.recommendation : `${to.passage.start}-${to.passage.end}`;
  const created = readDate(body, 'created', 'link creation', where);
  const updated = readDate(body, 'modified', 'link modification', where);
  return {
    id: bareUuid(body.id) ?? uuidFromForeignId(`link\n${from}\n${key}\n${String(relation)}`),
    from,
    to,
    relation: relation as LinkRelation,
    createdAt: created ?? updated,
    updatedAt: updated ?? created,
    deletedAt: readDate(body, DELETED_AT_KEY, 'unlinking', where),
  };
}

function optionalText(item: Obj, key: string, where: string, max: number): string | null {
  const value = item[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(`${where} has a ${key} that is ${kindOf(value)}, not text.`);
  const text = cleanNote(value);
  if (text.length > max) fail(`${where} has a ${key} longer than ${max.toLocaleString('en')} characters.`);
  return text;
}

function readAssessment(value: unknown, index: number): IncomingAssessment {
  const where = `Assessment ${index}`;
  if (!isObj(value)) fail(`${where} in the file is ${kindOf(value)}, not an assessment.`);
  if (!RecommendationId.safeParse(value.id).success) fail(`${where} is for "${shown(String(value.id))}", which is not a recommendation (rec-1 to rec-12).`);
  if (!RecommendationStatus.safeParse(value.status).success) {
    fail(`${where} (${String(value.id)}) has the status "${shown(String(value.status))}", which is not one of ${RecommendationStatus.options.join(', ')}.`);
  }
  const assessedAt = readDate(value, 'assessedAt', 'assessment', where);
  const updatedAt = readDate(value, 'updatedAt', 'modification', where) ?? assessedAt;
  if (updatedAt === null) fail(`${where} (${String(value.id)}) has no date (updatedAt), so it cannot be merged.`);
  const title = optionalText(value, 'title', where, MAX_RECOMMENDATION_TITLE_LENGTH);
  const assessedBy = optionalText(value, 'assessedBy', where, 100);
  return {
    id: value.id as string,
    title: title === null ? null : cleanText(title).replace(/\s+/gu, ' ').trim() || null,
    status: value.status as RecommendationStatus,
    rationale: optionalText(value, 'rationale', where, MAX_NOTE_LENGTH) ?? '',
    assessedBy: assessedBy === '' ? null : assessedBy,
    assessedAt,
    updatedAt,
  };
}

/** The collection's assessments (none when it carries none); the same recommendation twice is refused. */
export function readAssessments(root: unknown): IncomingAssessment[] {
  if (!isObj(root) || root[ASSESSMENTS_KEY] === undefined) return [];
  const list = root[ASSESSMENTS_KEY];
  if (!Array.isArray(list)) fail(`The file's assessments ("${ASSESSMENTS_KEY}") are ${kindOf(list)}, not a list.`);
  const out = list.map((value, i) => readAssessment(value, i + 1));
  const ids = new Set<string>();
  for (const a of out) {
    if (ids.has(a.id)) fail(`The file assesses ${a.id} twice. Nothing was imported.`);
    ids.add(a.id);
  }
  return out;
}
