/**
 * `exportTracker` (issue 14): the recommendation tracker as CSV or Markdown
 * (main/core/exchange/tracker-export.ts renders it).
 */
import type { Contract } from '../../../preload/contract';
import type { Implementation } from '../../../preload/rpc';
import { renderTrackerCsv, renderTrackerMarkdown } from '../exchange/tracker-export';
import { reportFileStem } from './refi-export-service';
import type { ServiceContext } from './service-context';

export type TrackerMethods = Pick<Implementation<Contract>, 'exportTracker'>;

/** Builds `exportTracker` over the shared context and the tracker's own listing. */
export function createTrackerMethods(ctx: ServiceContext, list: Implementation<Contract>['listRecommendations']): TrackerMethods {
  return {
    exportTracker: async ({ format }) => {
      const recs = await list(undefined);
      const views = new Map(ctx.views().map((v) => [v.id, v]));
      const stem = reportFileStem('recommendations', ctx.report);
      if (format === 'csv') return { filename: `${stem}.csv`, content: renderTrackerCsv(recs, views) };
      return { filename: `${stem}.md`, content: renderTrackerMarkdown(recs, views, { title: ctx.report.title, exportedAt: ctx.now() }) };
    },
  };
}
