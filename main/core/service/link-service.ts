/**
 * Linking annotations (issue 14): an annotation to a recommendation (progress,
 * gap or context) or to another annotation (supports, contradicts, follows-up,
 * same-issue). A link is directed and typed; linking an identical live link
 * again writes nothing; unlinking tombstones it, and linking it again revives
 * the same record. Both methods answer with the `from` annotation's view; the
 * view cache updates the other end's view in the same write.
 */
import { randomUUID } from 'node:crypto';
import { AnnotationRelation, RecommendationRelation, type AnnotationView, type Contract, type LinkInput } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import { recommendationsOf } from '../report/recommendations';
import { StoredLink, type StoredAnnotation } from '../store/store-schema';
import type { ViewCache } from './annotation-view';
import { findRecommendation } from './recommendation-service';
import type { ServiceContext } from './service-context';

export type LinkMethods = Pick<Implementation<Contract>, 'linkAnnotation' | 'unlinkAnnotation'>;

/** The same link: same source, same target, same relation. */
export function sameLink(link: Pick<StoredLink, 'from' | 'to' | 'relation'>, input: LinkInput): boolean {
  if (link.from !== input.from || link.relation !== input.relation) return false;
  if ('recommendation' in link.to) return 'recommendation' in input.to && input.to.recommendation === link.to.recommendation;
  return 'annotation' in input.to && input.to.annotation === link.to.annotation;
}

/** Refuses a relation that does not fit the kind of target, in a sentence. */
export function checkRelation(input: LinkInput): void {
  if ('recommendation' in input.to && !RecommendationRelation.safeParse(input.relation).success) {
    throw new FieldmarkError('INVALID_INPUT', `“${input.relation}” links a highlight to another highlight; a link to a recommendation is progress, gap or context. Nothing was changed.`);
  }
  if ('annotation' in input.to && !AnnotationRelation.safeParse(input.relation).success) {
    throw new FieldmarkError('INVALID_INPUT', `“${input.relation}” links a highlight to a recommendation; a link to another highlight is supports, contradicts, follows-up or same-issue. Nothing was changed.`);
  }
  if ('annotation' in input.to && input.to.annotation === input.from) {
    throw new FieldmarkError('INVALID_INPUT', 'An annotation cannot be linked to itself.');
  }
}

/** Builds the link methods over the shared context and the view cache. */
export function createLinkMethods(ctx: ServiceContext, cache: ViewCache): LinkMethods {
  const items = recommendationsOf(ctx.report.text, ctx.report.blocks);
  // Every link write takes one queue, so two quick links of the same pair make one record.
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => ctx.gate.shared(task));
    queue = run.catch(() => undefined);
    return run;
  };

  const annotation = (id: string, role: string): StoredAnnotation => {
    const record = ctx.store.doc.annotations.find((a) => a.id === id);
    if (!record) throw new FieldmarkError('NOT_FOUND', `The ${role} annotation no longer exists (an import may have been undone). Nothing was changed.`);
    return record;
  };
  const liveAnnotation = (id: string, role: string): void => {
    if (annotation(id, role).deletedAt !== null) {
      throw new FieldmarkError('NOT_FOUND', `The ${role} annotation is in Recently deleted. Restore it before linking it; nothing was changed.`);
    }
  };
  const viewOf = (id: string): AnnotationView => {
    const view = cache.get(id);
    if (!view) throw new FieldmarkError('INTERNAL', 'The link was saved but the annotation could not be shown. Reload to see it.');
    return view;
  };

  return {
    linkAnnotation: (input) => {
      checkRelation(input);
      return serialize(async () => {
        liveAnnotation(input.from, 'linked');
        if ('recommendation' in input.to) findRecommendation(items, input.to.recommendation);
        else liveAnnotation(input.to.annotation, 'other');
        const existing = ctx.store.doc.links.find((l) => sameLink(l, input));
        if (existing && existing.deletedAt === null) return viewOf(input.from);
        const now = ctx.now().toISOString();
        const link: StoredLink = existing
          ? { ...existing, deletedAt: null, updatedAt: now }
          : { id: randomUUID(), from: input.from, to: input.to, relation: input.relation, createdAt: now, updatedAt: now, deletedAt: null };
        await ctx.store.apply([{ op: 'putLinks', values: [StoredLink.parse(link)] }]);
        return viewOf(input.from);
      });
    },

    unlinkAnnotation: (input) => {
      checkRelation(input);
      return serialize(async () => {
        annotation(input.from, 'linked');
        const existing = ctx.store.doc.links.find((l) => sameLink(l, input) && l.deletedAt === null);
        if (!existing) {
          // Nothing to take away; an unknown target is still an error the caller should hear about.
          if ('recommendation' in input.to) findRecommendation(items, input.to.recommendation);
          else annotation(input.to.annotation, 'other');
          return viewOf(input.from);
        }
        const now = ctx.now().toISOString();
        await ctx.store.apply([{ op: 'putLinks', values: [{ ...existing, deletedAt: now, updatedAt: now }] }]);
        return viewOf(input.from);
      });
    },
  };
}
