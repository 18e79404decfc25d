/**
 * The codebook methods of the contract (issue 13). Every write is one durable
 * `store.apply` batch. Creating and editing a code run in the gate's shared
 * part and the codebook's queue (as saves with new tags do, so one name never
 * makes two codes); merge, delete and restore change many annotations at once,
 * so they run alone (exclusive), like an import: no edit in flight can be
 * overwritten by a batch built from the state before it.
 */
import { COLOR_IDS, SectionId, type CodeView, type Contract } from '../../../preload/contract';
import type { Implementation } from '../../../preload/rpc';
import { codebookOf } from '../store/codebook';
import { codingMatrix, listCodeViews } from './code-analysis';
import { coOccurrence } from './code-co-occurrence';
import { deletePlan, editedCode, mergePlan, newCode } from './code-edits';
import { restorePlan } from './code-restore';
import type { ServiceContext } from './service-context';

export type CodeMethods = Pick<
  Implementation<Contract>,
  'listCodes' | 'createCode' | 'updateCode' | 'mergeCodes' | 'deleteCode' | 'restoreCodes' | 'codingMatrix' | 'coOccurrence'
>;

/** The sections of the report in reading order, with their titles (the matrix's columns). */
function sectionColumns(ctx: ServiceContext): Array<{ id: string; label: string }> {
  const titles = new Map<string, string>();
  for (const block of ctx.report.blocks) if (block.section && block.sectionTitle && !titles.has(block.section)) titles.set(block.section, block.sectionTitle);
  return SectionId.options.filter((id) => titles.has(id)).map((id) => ({ id, label: titles.get(id)! }));
}

export function createCodeMethods(ctx: ServiceContext): CodeMethods {
  const book = () => codebookOf(ctx.store.doc.codes);
  const viewOf = (id: string): CodeView => listCodeViews(book(), ctx.views()).find((c) => c.id === id)!;
  const codeWrite = <T>(task: () => Promise<T>) => ctx.gate.shared(() => ctx.codeWrites(task));

  return {
    listCodes: () => listCodeViews(book(), ctx.views()),

    createCode: (input) =>
      codeWrite(async () => {
        const code = newCode(ctx.store.doc, input, ctx.now().toISOString());
        await ctx.store.apply([{ op: 'putCodes', values: [code] }]);
        return viewOf(code.id);
      }),

    updateCode: ({ id, ...input }) =>
      codeWrite(async () => {
        const before = codebookOf(ctx.store.doc.codes).get(id);
        const code = editedCode(ctx.store.doc, id, input, ctx.now().toISOString());
        if (code !== before) await ctx.store.apply([{ op: 'putCodes', values: [code] }]);
        return viewOf(id);
      }),

    mergeCodes: ({ from, into }) =>
      ctx.gate.exclusive(async () => {
        const { ops, change } = mergePlan(ctx.store.doc, from, into, ctx.now().toISOString());
        await ctx.store.apply(ops);
        return change;
      }),

    deleteCode: ({ id, withDescendants }) =>
      ctx.gate.exclusive(async () => {
        const { ops, change } = deletePlan(ctx.store.doc, id, withDescendants ?? false, ctx.now().toISOString());
        await ctx.store.apply(ops);
        return change;
      }),

    restoreCodes: (change) =>
      ctx.gate.exclusive(async () => {
        const plan = restorePlan(ctx.store.doc, change, ctx.now().toISOString());
        await ctx.store.apply(plan.ops);
        return { codes: plan.codes, annotations: plan.annotations };
      }),

    codingMatrix: ({ columns }) => {
      if (columns === 'colors') {
        const legend = ctx.store.doc.settings.legend;
        return codingMatrix(book(), ctx.views(), COLOR_IDS.map((id) => ({ id, label: legend[id] })), (v) => v.color);
      }
      return codingMatrix(book(), ctx.views(), sectionColumns(ctx), (v) => v.section);
    },

    coOccurrence: () => coOccurrence(book(), ctx.views()),
  };
}
