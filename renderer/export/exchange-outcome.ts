/**
 * What the notice says once an import or a restore is done, and the notice's
 * "Undo import" action, which puts back every annotation the import changed.
 */
import type { FieldmarkClient } from '../api/client';
import type { NoticeAction, NotifyOptions } from '../app-state/app-context';
import { reasonOf } from './use-dialog-task';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Applied = { applied: number; codesApplied: number; linksApplied?: number; assessmentsApplied?: number; rejected: number };

/** "Imported 3 annotations.", "Imported 6 codes.", "Imported 3 annotations, 2 links and 1 assessment." (what was written, nothing that was not). */
export function importedMessage(result: Applied): string {
  const rejected = result.rejected > 0 ? ` ${plural(result.rejected, 'item was', 'items were')} left out.` : '';
  const parts = [
    [result.applied, 'annotation', 'annotations'],
    [result.codesApplied, 'code', 'codes'],
    [result.linksApplied ?? 0, 'link', 'links'],
    [result.assessmentsApplied ?? 0, 'assessment', 'assessments'],
  ] as const;
  const written = parts.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many));
  const what = written.length === 0 ? plural(0, 'annotation', 'annotations') : written.length === 1 ? written[0]! : `${written.slice(0, -1).join(', ')} and ${written[written.length - 1]}`;
  return `Imported ${what}.${rejected}`;
}

export function restoredMessage(result: { annotations: number; backup: string }, fileName: string): string {
  return `Restored ${plural(result.annotations, 'annotation', 'annotations')} from ${fileName}. Your previous annotations were backed up first as ${result.backup}.`;
}

interface UndoImportDeps {
  client: FieldmarkClient;
  reload(): Promise<void>;
  notify(message: string, options?: NotifyOptions): number;
}

/** The "Undo import" action of the notice that reports import `id`. */
export function undoImportAction(id: string, { client, reload, notify }: UndoImportDeps): NoticeAction {
  return {
    label: 'Undo import',
    run: async () => {
      try {
        const undone = await client.undoImport({ id });
        await reload();
        const codes = undone.codes > 0 ? ` ${plural(undone.codes, 'code was', 'codes were')} put back or removed.` : '';
        notify(`Import undone: ${plural(undone.reverted, 'annotation is', 'annotations are')} back as they were.${codes}`);
      } catch (err) {
        notify(`The import could not be undone. ${reasonOf(err)}`, { kind: 'error' });
      }
    },
  };
}
