/**
 * The briefing methods (issue 15): `getBriefing` (the structured document the
 * print view renders) and `exportBriefing` (DOCX, HTML or Markdown), each a
 * rendering of the one model (main/core/exchange/briefing/model.ts) over the
 * store as it is now. An export remembers its options in the settings
 * (`briefing`), so the composer opens as it was left in this data folder.
 */
import type { Audience, Briefing, BriefingOptions, Contract, SettingsPatch } from '../../../preload/contract';
import type { Implementation } from '../../../preload/rpc';
import { buildBriefing } from '../exchange/briefing/model';
import { renderBriefingDocx } from '../exchange/briefing/docx';
import { renderBriefingHtml } from '../exchange/briefing/html';
import { renderBriefingMarkdown } from '../exchange/briefing/markdown';
import { codebookOf } from '../store/codebook';
import { listCodeViews } from './code-analysis';
import { audienceOf } from '../exchange/audience';
import { exportScope } from './share-scope';
import type { ServiceContext } from './service-context';

export type BriefingMethods = Pick<Implementation<Contract>, 'getBriefing' | 'exportBriefing'>;

const EXTENSIONS = { docx: 'docx', html: 'html', markdown: 'md' } as const;

/** `fieldmark-briefing-<slug>.<ext>`: the title in lower case, letters and digits of any script, runs of anything else as one `-`. */
export function briefingFileName(title: string, format: keyof typeof EXTENSIONS): string {
  const slug = [...title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/gu, '')].slice(0, 60).join('').replace(/-+$/u, '');
  return `fieldmark-briefing-${slug || 'untitled'}.${EXTENSIONS[format]}`;
}

/**
 * The briefing of the store as it is now, for `audience` (issue 16). getBriefing is 'share' too: its model is the
 * preview and what Print / Save as PDF writes, a document for others like the downloads.
 */
export function briefingOf(ctx: ServiceContext, options: BriefingOptions, audience: Audience = 'share'): Briefing {
  // The audience filter is the model's pre-filter: a shared briefing never sees a private annotation or a sensitive note.
  const scope = exportScope(ctx, audience, 'readable');
  const views = scope.views;
  const recommendations = scope.recommendations();
  const codebook = listCodeViews(codebookOf(ctx.store.doc.codes), views);
  return buildBriefing({ report: ctx.report, views, codebook, recommendations, legend: ctx.store.doc.settings.legend, options });
}

/** Builds the briefing methods; `updateSettings` is the settings service's own, so remembering joins its queue. */
export function createBriefingMethods(ctx: ServiceContext, updateSettings: (patch: SettingsPatch) => unknown): BriefingMethods {
  /** Best effort: a read-only or full data folder must not cost the user the file they asked for. */
  const remember = async (options: BriefingOptions) => {
    if (ctx.store.status.readOnly) return;
    if (JSON.stringify(ctx.store.doc.settings.briefing) === JSON.stringify(options)) return;
    try {
      await updateSettings({ briefing: options });
    } catch {
      // The store reports a failed write in its status notices; the export itself succeeded.
    }
  };

  return {
    getBriefing: (options) => briefingOf(ctx, options),

    exportBriefing: async ({ format, audience, ...options }) => {
      const briefing = briefingOf(ctx, options, audienceOf({ audience }));
      const filename = briefingFileName(options.title, format);
      let output: { filename: string; content: string } | { filename: string; contentBase64: string };
      if (format === 'docx') {
        const bytes = await renderBriefingDocx(briefing, { created: ctx.now(), toc: options.include?.toc ?? false });
        output = { filename, contentBase64: Buffer.from(bytes).toString('base64') };
      } else {
        output = { filename, content: format === 'html' ? renderBriefingHtml(briefing) : renderBriefingMarkdown(briefing) };
      }
      await remember(options);
      return output;
    },
  };
}
