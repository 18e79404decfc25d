/**
 * `exportTracker` (issue 14): the recommendation tracker as CSV or Markdown
 * (main/core/exchange/tracker-export.ts renders it).
 */
import type { Contract } from '../../../preload/contract';
import type { Implementation } from '../../../preload/rpc';
import { renderTrackerCsv, renderTrackerMarkdown } from '../exchange/tracker-export';
import { reportFileStem } from './refi-export-service';
import type { ServiceContext } from './service-context';
import { audienceOf } from '../exchange/audience';
import { exportScope } from './share-scope';

export type TrackerMethods = Pick<Implementation<Contract>, 'exportTracker'>;

/** Builds `exportTracker` over the shared context: the tracker with the evidence the file's audience may see. */
export function createTrackerMethods(ctx: ServiceContext): TrackerMethods {
  return {
    exportTracker: (input) => {
      const { format } = input;
      const scope = exportScope(ctx, audienceOf(input), 'readable');
      const recs = scope.recommendations();
      const views = new Map(scope.views.map((v) => [v.id, v]));
      const stem = reportFileStem('recommendations', ctx.report);
      if (format === 'csv') return { filename: `${stem}.csv`, content: renderTrackerCsv(recs, views) };
      return { filename: `${stem}.md`, content: renderTrackerMarkdown(recs, views, { title: ctx.report.title, exportedAt: ctx.now() }) };
    },
  };
}
