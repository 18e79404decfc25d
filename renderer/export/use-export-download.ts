/**
 * The shape every file export in the dialog shares: save the note still being
 * typed (it belongs in the file), ask the service for the file, download it
 * and say so.
 */
import type { FileOutput } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { downloadFile } from './download';
import type { DialogTask } from './use-dialog-task';
import { useShareGate } from './share-gate';

export type ExportDownload = (label: string, fetch: () => Promise<FileOutput>, done: (filename: string) => string) => Promise<void>;

export function useExportDownload(run: DialogTask['run']): ExportDownload {
  const { notify } = useApp();
  const { flushNotes } = useAnnotations();
  const gate = useShareGate();
  return (label, fetch, done) =>
    run(label, async () => {
      await flushNotes();
      // Issue 16: a shared file waits for the personal-data review; going back writes nothing.
      if (!(await gate.check())) return;
      const file = await fetch();
      downloadFile(file.filename, file.content);
      notify(done(file.filename));
    });
}
