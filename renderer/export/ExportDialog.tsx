/**
 * Export and import: a toolbar button opening one dialog for Markdown export
 * (download or clipboard), Web Annotations, backup and restore, and importing a
 * colleague's file with a review step. In the desktop app the File menu picks
 * files natively and hands their text here (window.fieldmark.onMenu).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ImportPreview as Preview, MarkdownOptions } from '../../preload/contract';
import type { MenuEvent } from '../../preload/bridge';
import { useApp } from '../app-state/app-context';
import { isFilterActive, toContractFilter } from '../annotations/annotation-filter';
import { useAnnotations } from '../annotations/annotations-context';
import { copyText, downloadFile } from './download';
import { checkImportFile } from './import-review';
import { ImportPreview } from './ImportPreview';
import './export.css';

type GroupBy = NonNullable<MarkdownOptions['groupBy']>;

type Stage =
  | { kind: 'options' }
  | { kind: 'preview'; fileName: string; preview: Preview }
  | { kind: 'confirm-restore'; fileName: string; content: string };

const GROUPS: ReadonlyArray<{ value: GroupBy; label: string }> = [
  { value: 'section', label: 'Section' },
  { value: 'tag', label: 'Tag' },
  { value: 'color', label: 'Colour' },
];

export const RESTORE_QUESTION = 'Replace all annotations with this backup?';

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ExportDialog() {
  const { client, status, notify } = useApp();
  const { filter, reload, flushNotes } = useAnnotations();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'options' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('section');
  const [includeNotes, setIncludeNotes] = useState(true);
  const [includeTags, setIncludeTags] = useState(true);
  const [includeColors, setIncludeColors] = useState(true);
  const [includeDates, setIncludeDates] = useState(false);
  const [scope, setScope] = useState<'all' | 'filter'>('all');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const restoreInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const confirmTitleId = useId();
  const confirmTextId = useId();
  const filterActive = isFilterActive(filter);
  const readOnly = status.readOnly;

  const reset = useCallback(() => {
    setStage({ kind: 'options' });
    setError(null);
    setBusy(null);
  }, []);

  // The native modal dialog gives focus trapping, Esc and the inert background.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const confirm = confirmRef.current;
    if (!confirm) return;
    const wanted = open && stage.kind === 'confirm-restore';
    if (wanted && !confirm.open) confirm.showModal();
    if (!wanted && confirm.open) confirm.close();
  }, [open, stage]);

  useEffect(() => {
    if (!filterActive) setScope('all');
  }, [filterActive]);

  /** Runs one request with the dialog marked busy; errors are shown in the dialog and change nothing. */
  const run = useCallback(async (label: string, task: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await task();
    } catch (err) {
      setError(`${label} did not work. ${messageOf(err)}`);
    } finally {
      setBusy(null);
    }
  }, []);

  const markdownOptions = (): MarkdownOptions => ({
    groupBy,
    includeNotes,
    includeTags,
    includeColors,
    includeDates,
    ...(scope === 'filter' && filterActive ? { filter: toContractFilter(filter) } : {}),
  });

  const exportMarkdown = async () => {
    // A note still being typed belongs in the export.
    await flushNotes();
    return client.exportMarkdown(markdownOptions());
  };

  const downloadMarkdown = () =>
    run('Exporting Markdown', async () => {
      const file = await exportMarkdown();
      downloadFile(file.filename, file.content);
      notify(`Markdown exported as ${file.filename}.`);
    });

  const copyMarkdown = () =>
    run('Copying Markdown', async () => {
      const file = await exportMarkdown();
      const copied = await copyText(file.content, dialogRef.current ?? document.body);
      if (!copied) throw new Error('This window may not use the clipboard. Use “Download Markdown” instead.');
      notify('Markdown copied to the clipboard.');
    });

  const downloadAnnotations = () =>
    run('Exporting Web Annotations', async () => {
      await flushNotes();
      const file = await client.exportAnnotations();
      downloadFile(file.filename, file.content);
      notify(`Web Annotations exported as ${file.filename}.`);
    });

  const backUp = () =>
    run('Backing up', async () => {
      await flushNotes();
      const file = await client.exportBackup();
      downloadFile(file.filename, file.content);
      notify(`Backup saved as ${file.filename}.`);
    });

  const previewContent = useCallback(
    (fileName: string, content: string) =>
      run('Reading the import', async () => {
        const preview = await client.previewImport({ content });
        setStage({ kind: 'preview', fileName, preview });
      }),
    [client, run],
  );

  const readChosenFile = async (input: HTMLInputElement | null): Promise<{ name: string; content: string } | null> => {
    const file = input?.files?.[0];
    if (input) input.value = '';
    if (!file) return null;
    const problem = checkImportFile(file);
    if (problem) {
      setError(problem);
      return null;
    }
    try {
      return { name: file.name, content: await file.text() };
    } catch (err) {
      setError(`“${file.name}” could not be read. ${messageOf(err)} Nothing was changed.`);
      return null;
    }
  };

  const onImportChosen = async () => {
    setError(null);
    const chosen = await readChosenFile(importInput.current);
    if (chosen) await previewContent(chosen.name, chosen.content);
  };

  const onRestoreChosen = async () => {
    setError(null);
    const chosen = await readChosenFile(restoreInput.current);
    if (chosen) setStage({ kind: 'confirm-restore', fileName: chosen.name, content: chosen.content });
  };

  const commit = (preview: Preview, reject: string[]) =>
    run('Importing', async () => {
      const result = await client.commitImport({ id: preview.id, reject });
      await reload();
      setOpen(false);
      reset();
      const rejected = result.rejected > 0 ? ` ${plural(result.rejected, 'item was', 'items were')} left out.` : '';
      notify(`Imported ${plural(result.applied, 'annotation', 'annotations')}.${rejected}`, {
        action: {
          label: 'Undo import',
          run: async () => {
            try {
              const undone = await client.undoImport({ id: result.id });
              await reload();
              notify(`Import undone: ${plural(undone.reverted, 'annotation is', 'annotations are')} back as they were.`);
            } catch (err) {
              notify(`The import could not be undone. ${messageOf(err)}`, { kind: 'error' });
            }
          },
        },
      });
    });

  const restore = (fileName: string, content: string) =>
    run('Restoring', async () => {
      await flushNotes();
      const result = await client.restoreBackup({ content });
      await reload();
      setOpen(false);
      reset();
      notify(
        `Restored ${plural(result.annotations, 'annotation', 'annotations')} from ${fileName}. Your previous annotations were backed up first as ${result.backup}.`,
        { sticky: true },
      );
    });

  // Desktop: File → Import…/Restore… pick the file natively and send its text here.
  useEffect(() => {
    const bridge = window.fieldmark as { onMenu?: (cb: (event: MenuEvent) => void) => () => void } | undefined;
    if (typeof bridge?.onMenu !== 'function') return;
    return bridge.onMenu((event) => {
      if (event.action === 'import-file') {
        setOpen(true);
        setStage({ kind: 'options' });
        void previewContent(event.fileName, event.content);
      } else if (event.action === 'restore-file') {
        setOpen(true);
        setError(null);
        setStage({ kind: 'confirm-restore', fileName: event.fileName, content: event.content });
      } else if (event.action === 'exported') {
        notify(`Saved ${event.fileName} in ${event.path}.`);
      }
    });
  }, [notify, previewContent]);

  const disabled = busy !== null;

  return (
    <>
      <button type="button" className="toolbar-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export
      </button>
      <dialog
        ref={dialogRef}
        className="export-dialog"
        aria-labelledby={titleId}
        onClose={(event) => {
          // React passes the nested confirmation's close event up the tree: only our own counts.
          if (event.target !== event.currentTarget) return;
          setOpen(false);
          reset();
        }}
      >
        <div className="export-head">
          <h2 id={titleId}>Export and import</h2>
          <button type="button" className="export-close" aria-label="Close export and import" onClick={() => setOpen(false)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {error && stage.kind !== 'confirm-restore' && (
          <p className="export-error" role="alert">
            {error}
          </p>
        )}
        <p className="export-busy" role="status" aria-live="polite">
          {busy ? `${busy}…` : ''}
        </p>
        {stage.kind === 'preview' ? (
          <ImportPreview
            fileName={stage.fileName}
            preview={stage.preview}
            busy={disabled}
            onCommit={(reject) => void commit(stage.preview, reject)}
            onCancel={reset}
          />
        ) : (
          <div className="export-body">
            <section className="export-section" aria-labelledby={`${titleId}-md`}>
              <h3 id={`${titleId}-md`} className="export-section-title">
                Markdown
              </h3>
              <fieldset className="export-fieldset">
                <legend>Group by</legend>
                {GROUPS.map((g) => (
                  <label key={g.value} className="export-choice">
                    <input type="radio" name="export-group" value={g.value} checked={groupBy === g.value} onChange={() => setGroupBy(g.value)} /> {g.label}
                  </label>
                ))}
              </fieldset>
              <fieldset className="export-fieldset">
                <legend>Include</legend>
                <label className="export-choice">
                  <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} /> Notes
                </label>
                <label className="export-choice">
                  <input type="checkbox" checked={includeTags} onChange={(e) => setIncludeTags(e.target.checked)} /> Tags
                </label>
                <label className="export-choice">
                  <input type="checkbox" checked={includeColors} onChange={(e) => setIncludeColors(e.target.checked)} /> Colour labels
                </label>
                <label className="export-choice">
                  <input type="checkbox" checked={includeDates} onChange={(e) => setIncludeDates(e.target.checked)} /> Dates
                </label>
              </fieldset>
              <fieldset className="export-fieldset">
                <legend>Annotations</legend>
                <label className="export-choice">
                  <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Everything
                </label>
                <label className="export-choice">
                  <input type="radio" name="export-scope" checked={scope === 'filter'} disabled={!filterActive} onChange={() => setScope('filter')} /> What the
                  Annotations panel shows
                  {!filterActive && <span className="export-hint"> (no filter is set)</span>}
                </label>
              </fieldset>
              <div className="export-actions">
                <button type="button" className="export-button primary" disabled={disabled} onClick={() => void downloadMarkdown()}>
                  Download Markdown
                </button>
                <button type="button" className="export-button" disabled={disabled} onClick={() => void copyMarkdown()}>
                  Copy Markdown
                </button>
              </div>
            </section>

            <section className="export-section" aria-labelledby={`${titleId}-share`}>
              <h3 id={`${titleId}-share`} className="export-section-title">
                Share with a colleague
              </h3>
              <p className="export-hint">
                Web Annotations (W3C JSON-LD) keep quotes, notes, tags and colours. Importing shows a review first and can be undone.
              </p>
              <div className="export-actions">
                <button type="button" className="export-button" disabled={disabled} onClick={() => void downloadAnnotations()}>
                  Download Web Annotations
                </button>
                <button type="button" className="export-button" disabled={disabled || readOnly} onClick={() => importInput.current?.click()}>
                  Import…
                </button>
                <input
                  ref={importInput}
                  type="file"
                  accept=".json,.jsonld,application/json,application/ld+json"
                  hidden
                  tabIndex={-1}
                  onChange={() => void onImportChosen()}
                />
              </div>
            </section>

            <section className="export-section" aria-labelledby={`${titleId}-backup`}>
              <h3 id={`${titleId}-backup`} className="export-section-title">
                Backup
              </h3>
              <p className="export-hint">One file with all your annotations (deleted ones included), colour labels and settings.</p>
              <div className="export-actions">
                <button type="button" className="export-button" disabled={disabled} onClick={() => void backUp()}>
                  Back up
                </button>
                <button type="button" className="export-button" disabled={disabled || readOnly} onClick={() => restoreInput.current?.click()}>
                  Restore…
                </button>
                <input ref={restoreInput} type="file" accept=".json,application/json" hidden tabIndex={-1} onChange={() => void onRestoreChosen()} />
              </div>
              {readOnly && <p className="export-hint">Your data folder is read-only, so importing and restoring are off.</p>}
            </section>
          </div>
        )}
        <dialog
          ref={confirmRef}
          className="export-confirm"
          role="alertdialog"
          aria-labelledby={confirmTitleId}
          aria-describedby={confirmTextId}
          onCancel={(event) => {
            event.preventDefault();
            event.stopPropagation();
            reset();
          }}
        >
          <h3 id={confirmTitleId}>{RESTORE_QUESTION}</h3>
          <p id={confirmTextId}>
            A backup of your current annotations is taken first.
            {stage.kind === 'confirm-restore' && <> The file to restore is “{stage.fileName}”.</>}
          </p>
          {error && stage.kind === 'confirm-restore' && (
            <p className="export-error" role="alert">
              {error}
            </p>
          )}
          <div className="export-actions">
            <button
              type="button"
              className="export-button danger"
              disabled={disabled}
              onClick={() => stage.kind === 'confirm-restore' && void restore(stage.fileName, stage.content)}
            >
              Replace all annotations
            </button>
            <button type="button" className="export-button" disabled={disabled} onClick={reset}>
              Cancel
            </button>
          </div>
        </dialog>
      </dialog>
    </>
  );
}
