/**
 * The recommendation tracker's methods (issue 14): listing the 12
 * recommendations with their assessment and evidence, and changing a title,
 * status or rationale. Who assessed and when are recorded by the service, not
 * sent by the view: `assessedBy` is the Assessor setting at the time of a
 * status or rationale change, `assessedAt` the service's clock then. A title
 * change alone leaves both as they were.
 */
import type { Contract, RecommendationView } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import { recommendationsOf, type RecommendationItem } from '../report/recommendations';
import { StoredAssessment } from '../store/store-schema';
import type { ViewCache } from './annotation-view';
import { defaultAssessment, recommendationViews } from './recommendation-view';
import { createSerializer } from './serializer';
import type { ServiceContext } from './service-context';

export type RecommendationMethods = Pick<Implementation<Contract>, 'listRecommendations' | 'updateRecommendation'>;

/** The report's recommendations, or a NOT_FOUND naming the id. */
export function findRecommendation(items: readonly RecommendationItem[], id: string): RecommendationItem {
  const item = items.find((r) => r.id === id);
  if (!item) throw new FieldmarkError('NOT_FOUND', `The report has no recommendation ${id} (it has ${items.length}, rec-1 to rec-${items.length}). Nothing was changed.`);
  return item;
}

/** A title as stored: trimmed, and null (the default) when empty or the same as the default. */
function storedTitle(title: string | null, item: RecommendationItem): string | null {
  const trimmed = title?.trim() ?? '';
  return trimmed === '' || trimmed === item.title ? null : trimmed;
}

/** Builds the tracker methods over the shared context. */
export function createRecommendationMethods(ctx: ServiceContext, cache: ViewCache): RecommendationMethods {
  const items = recommendationsOf(ctx.report.text, ctx.report.blocks);
  const serialize = createSerializer();
  const startOf = (id: string) => cache.get(id)?.start ?? 0;
  const viewsNow = (): RecommendationView[] => recommendationViews(items, ctx.store.doc, startOf);
  const viewOf = (id: string) => viewsNow().find((v) => v.id === id)!;

  return {
    listRecommendations: () => viewsNow(),

    updateRecommendation: ({ id, title, status, rationale }) => {
      const item = findRecommendation(items, id);
      return serialize(`recommendation:${id}`, () => ctx.gate.shared(async () => {
        const now = ctx.now().toISOString();
        const before = ctx.store.doc.assessments.find((a) => a.id === id) ?? defaultAssessment(id, now);
        const next = {
          ...before,
          title: title === undefined ? before.title : storedTitle(title, item),
          status: status ?? before.status,
          rationale: rationale ?? before.rationale,
        };
        const assessed = next.status !== before.status || next.rationale !== before.rationale;
        if (!assessed && next.title === before.title) return viewOf(id);
        if (assessed) {
          next.assessedBy = ctx.store.doc.settings.assessor.trim() || null;
          next.assessedAt = now;
        }
        await ctx.store.apply([{ op: 'putAssessments', values: [StoredAssessment.parse({ ...next, updatedAt: now })] }]);
        return viewOf(id);
      }));
    },
  };
}
