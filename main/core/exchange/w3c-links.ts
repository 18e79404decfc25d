/**
 * Links and assessments in the W3C export (issue 14), as the Web Annotation
 * model allows them (https://www.w3.org/TR/annotation-model/):
 * - each link leaving an annotation is a body with purpose `linking` (§3.3.5)
 *   that is a SpecificResource (§4): for a recommendation, the report itself
 *   (`urn:sha256:<hash>`) narrowed by a TextQuoteSelector and a
 *   TextPositionSelector to the recommendation's passage; for another
 *   annotation, `source: urn:uuid:<its id>`. The relation is
 *   `fieldmark:relation`, the link's own id and dates are the body's `id`,
 *   `created`, `modified` and `fieldmark:deletedAt` (a tombstone travels so a
 *   merge elsewhere does not bring the link back);
 * - the assessments travel on the collection under `fieldmark:assessments`.
 * Every `fieldmark:` term expands through the prefix in the export's @context.
 */
import { quoteSelectorFor } from '../anchoring/quote-selector';
import type { RecommendationItem } from '../report/recommendations';
import type { StoredAssessment, StoredLink } from '../store/store-schema';

/** Namespace of Fieldmark's own terms (declared as the `fieldmark` prefix in the @context). */
export const FIELDMARK_NAMESPACE = 'urn:x-fieldmark:';
export const DELETED_AT_KEY = 'fieldmark:deletedAt';
export const RELATION_KEY = 'fieldmark:relation';
export const RECOMMENDATION_KEY = 'fieldmark:recommendation';
export const ASSESSMENTS_KEY = 'fieldmark:assessments';

/** A recommendation's passage in the report, as a link body points at it. */
export interface RecommendationPassage {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A link as a `linking` body; null when it points at a recommendation this text does not have. */
export function linkBody(link: StoredLink, sha256: string, passages: ReadonlyMap<string, RecommendationPassage>): Record<string, Json> | null {
  const body: Record<string, Json> = { id: `urn:uuid:${link.id}`, type: 'SpecificResource', purpose: 'linking' };
  if ('recommendation' in link.to) {
    const passage = passages.get(link.to.recommendation);
    if (!passage) return null;
    Object.assign(body, {
      source: `urn:sha256:${sha256}`,
      selector: [
        { type: 'TextQuoteSelector', exact: passage.exact, prefix: passage.prefix, suffix: passage.suffix },
        { type: 'TextPositionSelector', start: passage.start, end: passage.end },
      ],
      [RECOMMENDATION_KEY]: passage.id,
    });
  } else {
    body.source = `urn:uuid:${link.to.annotation}`;
  }
  body[RELATION_KEY] = link.relation;
  body.created = link.createdAt;
  body.modified = link.updatedAt;
  if (link.deletedAt !== null) body[DELETED_AT_KEY] = link.deletedAt;
  return body;
}

/** Links by the annotation they leave, each list in a stable order (by id). */
export function linksByAnnotation(links: readonly StoredLink[]): Map<string, StoredLink[]> {
  const out = new Map<string, StoredLink[]>();
  for (const link of [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    out.set(link.from, [...(out.get(link.from) ?? []), link]);
  }
  return out;
}

/** The assessments as the collection carries them, by recommendation order; a title only when the user set one. */
export function assessmentsJson(assessments: readonly StoredAssessment[]): Json[] {
  const order = (id: string) => Number(id.slice('rec-'.length));
  return [...assessments]
    .sort((a, b) => order(a.id) - order(b.id))
    .map((a) => {
      const out: Record<string, Json> = { id: a.id };
      if (a.title !== null) out.title = a.title;
      Object.assign(out, { status: a.status, rationale: a.rationale, assessedBy: a.assessedBy, assessedAt: a.assessedAt, updatedAt: a.updatedAt });
      return out;
    });
}

/** The recommendations' passages with their quote selectors, by id. */
export function recommendationPassages(text: string, items: readonly Pick<RecommendationItem, 'id' | 'start' | 'end'>[]): Map<string, RecommendationPassage> {
  return new Map(
    items.map((r) => {
      const quote = quoteSelectorFor(text, r.start, r.end);
      return [r.id, { id: r.id, start: r.start, end: r.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
    }),
  );
}
