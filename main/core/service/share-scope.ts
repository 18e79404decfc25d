/**
 * The audience filter over the service's data (issue 16): every export method
 * takes its annotations, links and recommendation evidence from `exportScope`,
 * so a file for sharing can never carry a private annotation or a sensitive
 * note because one exporter forgot. And `reviewShare`: what a shared file would
 * leave out or withhold, and the likely personal data in the notes that go.
 */
import type { Audience, AnnotationView, Contract, RecommendationView, ShareHit } from '../../../preload/contract';
import type { Implementation } from '../../../preload/rpc';
import { annotationFilter } from '../../../common/annotation-filter';
import { leftOut, linksForAudience, noteWithheld, viewsForAudience, type NoteStyle } from '../exchange/audience';
import { findPersonalData } from '../exchange/personal-data';
import { recommendationsOf } from '../report/recommendations';
import { codebookOf } from '../store/codebook';
import type { StoredLink } from '../store/store-schema';
import { recommendationViews } from './recommendation-view';
import type { ServiceContext } from './service-context';

export interface ExportScope {
  audience: Audience;
  /** The views the file may show (tombstones included), withheld notes replaced per the note style. */
  views: AnnotationView[];
  /** Ids whose note is withheld (exchange formats mark them). */
  withheld: ReadonlySet<string>;
  /** The stored links the file may carry. */
  links: StoredLink[];
  /** The recommendations with evidence from the annotations the file may show only. */
  recommendations(): RecommendationView[];
}

/** What an export for `audience` may take from the store, for a format of `style`. */
export function exportScope(ctx: ServiceContext, audience: Audience, style: NoteStyle): ExportScope {
  const all = ctx.views();
  const { views, withheld, excluded } = viewsForAudience(all, audience, style);
  const links = linksForAudience(ctx.store.doc.links, excluded);
  const recommendations = () => {
    const starts = new Map(views.map((v) => [v.id, v.start]));
    const annotations = ctx.store.doc.annotations.filter((a) => !excluded.has(a.id));
    const doc = { links, annotations, assessments: ctx.store.doc.assessments };
    return recommendationViews(recommendationsOf(ctx.report.text, ctx.report.blocks), doc, (id) => starts.get(id) ?? 0);
  };
  return { audience, views, withheld, links, recommendations };
}

/** `reviewShare`, over the live annotations the filter (or the ids) picks, or all of them. */
export function createShareMethods(ctx: ServiceContext): Pick<Implementation<Contract>, 'reviewShare'> {
  return {
    reviewShare(input) {
      const book = codebookOf(ctx.store.doc.codes);
      const matches = annotationFilter(input?.filter, (id) => book.get(id)?.parentId);
      const ids = input?.ids ? new Set(input.ids) : null;
      const chosen = ctx.views().filter((v) => matches(v) && (ids === null || ids.has(v.id)));
      let privateCount = 0;
      let sensitiveNoteCount = 0;
      const hits: ShareHit[] = [];
      for (const view of chosen) {
        if (leftOut(view, 'share')) privateCount++;
        else if (noteWithheld(view, 'share')) sensitiveNoteCount += view.note === '' ? 0 : 1;
        else {
          for (const hit of findPersonalData(view.note)) hits.push({ annotationId: view.id, citation: view.citation, note: view.note, ...hit });
        }
      }
      return { privateCount, sensitiveNoteCount, hits };
    },
  };
}
