/**
 * Export and import: a toolbar button opening one dialog for Markdown export
 * (download or clipboard), Web Annotations, backup and restore, and importing a
 * colleague's file with a review step. In the desktop app the File menu picks
 * files natively and hands their text here (window.fieldmark.onMenu).
 *
 * This component holds what the jobs share: the dialog, its stage (options,
 * import review, restore question) and the one request running at a time.
 * Each job is its own piece: MarkdownSection, ShareSection (Web Annotations and
 * Import…, which also takes REFI-QDA .qdc and .qdpx), CodebookSection (the
 * codebook and the REFI-QDA project), ImportPreview, BackupSection, RestoreConfirm and exchange-outcome
 * (the notices, with Undo import). Who the files are for (issue 16) is
 * AudienceChoice, and the review before sharing ShareReviewList, through the
 * share gate every section's export waits on.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { PreviewImportInput, ImportPreview as Preview } from '../../preload/contract';
import { onMenuEvent } from '../api/menu-events';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { BackupSection } from './BackupSection';
import { readChosenFile, readChosenImport } from './chosen-file';
import { CodebookSection } from './CodebookSection';
import { importedMessage, restoredMessage, undoImportAction } from './exchange-outcome';
import { isEncryptedFile } from './encrypted-file';
import { ImportPreview } from './ImportPreview';
import { PassphrasePrompt } from './PassphrasePrompt';
import { MarkdownSection } from './MarkdownSection';
import { RestoreConfirm } from './RestoreConfirm';
import { ShareSection } from './ShareSection';
import { useDialogTask } from './use-dialog-task';
import { useMarkdownOptions } from './use-markdown-options';
import { useModal } from './use-modal';
import { AudienceChoice } from './AudienceChoice';
import { ShareGateContext } from './share-gate';
import { ShareReviewList } from './ShareReviewList';
import { useShareGateState } from './use-share-gate';
import './export.css';

type Stage =
  | { kind: 'options' }
  | { kind: 'preview'; fileName: string; preview: Preview }
  | { kind: 'passphrase'; fileName: string; content: string }
  | { kind: 'confirm-restore'; fileName: string; content: string };

export function ExportDialog() {
  const { client, status, notify } = useApp();
  const { filter, reload, flushNotes, update } = useAnnotations();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'options' });
  // A cancelled import (review or passphrase) gives focus back to Import… as the options come back.
  const [backToImport, setBackToImport] = useState(false);
  const { busy, error, setError, run, clear } = useDialogTask();
  const markdown = useMarkdownOptions(filter);
  const share = useShareGateState(client);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const readOnly = status.readOnly;
  const restoring = stage.kind === 'confirm-restore' ? stage : null;

  const reset = useCallback(() => {
    setStage({ kind: 'options' });
    setBackToImport(false);
    clear();
  }, [clear]);

  const cancelImport = () => {
    reset();
    setBackToImport(true);
  };
  // One-shot: Import… takes focus as the options mount again, and no later remount of them takes it again.
  useEffect(() => {
    if (backToImport) setBackToImport(false);
  }, [backToImport]);

  // The confirmation is shown after the dialog, so it opens on top of it.
  useModal(dialogRef, open);
  useModal(confirmRef, open && restoring !== null);

  const previewContent = useCallback(
    (fileName: string, input: PreviewImportInput) => {
      const passphrase = 'passphrase' in input ? input.passphrase : undefined;
      // An encrypted file (issue 16) asks for its passphrase first.
      if ('content' in input && passphrase === undefined && isEncryptedFile(input.content)) {
        setStage({ kind: 'passphrase', fileName, content: input.content });
        return Promise.resolve();
      }
      return run(passphrase === undefined ? 'Reading the import' : 'Opening the encrypted file', async () => {
        const preview = await client.previewImport(input);
        setStage({ kind: 'preview', fileName, preview });
      });
    },
    [client, run],
  );

  const onImportChosen = async (input: HTMLInputElement) => {
    setError(null);
    const chosen = await readChosenImport(input);
    if (chosen.ok) await previewContent(chosen.name, chosen.input);
    else if (chosen.problem) setError(chosen.problem);
  };

  const onRestoreChosen = async (input: HTMLInputElement) => {
    setError(null);
    const chosen = await readChosenFile(input);
    if (chosen.ok) setStage({ kind: 'confirm-restore', fileName: chosen.name, content: chosen.content });
    else if (chosen.problem) setError(chosen.problem);
  };

  const commit = (preview: Preview, reject: string[], accept: string[]) =>
    run('Importing', async () => {
      const result = await client.commitImport({ id: preview.id, reject, accept });
      await reload();
      setOpen(false);
      reset();
      notify(importedMessage(result), { action: undoImportAction(result.id, { client, reload, notify }) });
    });

  const restore = (fileName: string, content: string) =>
    run('Restoring', async () => {
      await flushNotes();
      const result = await client.restoreBackup({ content });
      await reload();
      setOpen(false);
      reset();
      notify(restoredMessage(result, fileName), { sticky: true });
    });

  // Desktop: File → Import…/Restore… pick the file natively and send its text here.
  useEffect(
    () =>
      onMenuEvent((event) => {
        if (event.action === 'import-file') {
          setOpen(true);
          setStage({ kind: 'options' });
          void previewContent(event.fileName, event.contentBase64 !== undefined ? { contentBase64: event.contentBase64 } : { content: event.content ?? '' });
        } else if (event.action === 'restore-file') {
          setOpen(true);
          setError(null);
          setStage({ kind: 'confirm-restore', fileName: event.fileName, content: event.content });
        } else if (event.action === 'exported') {
          notify(`Saved ${event.fileName} in ${event.path}.`);
        }
      }) ?? undefined,
    [notify, previewContent, setError],
  );

  const disabled = busy !== null;

  return (
    <>
      <button type="button" className="toolbar-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export
      </button>
      <ShareGateContext.Provider value={share.gate}>
      <dialog
        ref={dialogRef}
        className="export-dialog"
        aria-labelledby={titleId}
        onClose={(event) => {
          // React passes the nested confirmation's close event up the tree: only our own counts.
          if (event.target !== event.currentTarget) return;
          setOpen(false);
          reset();
          // Issue 16: a review left open writes nothing, and the next opening is for sharing again.
          share.answer(false);
          share.setAudience('share');
        }}
      >
        <div className="export-head">
          <h2 id={titleId}>Export and import</h2>
          <button type="button" className="export-close" aria-label="Close export and import" onClick={() => setOpen(false)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {error && !restoring && (
          <p className="export-error" role="alert">
            {error}
          </p>
        )}
        <p className="export-busy" role="status" aria-live="polite">
          {busy ? `${busy}…` : ''}
        </p>
        {stage.kind === 'passphrase' ? (
          <PassphrasePrompt
            fileName={stage.fileName}
            busy={disabled}
            onOpen={(passphrase) => void previewContent(stage.fileName, { content: stage.content, passphrase })}
            onCancel={cancelImport}
          />
        ) : stage.kind === 'preview' ? (
          <ImportPreview fileName={stage.fileName} preview={stage.preview} busy={disabled} onCommit={(reject, accept) => void commit(stage.preview, reject, accept)} onCancel={cancelImport} />
        ) : share.pending ? (
          <ShareReviewList
            review={share.pending}
            onMarkSensitive={(id) => void update(id, { sensitivity: 'sensitive' }).then(share.refresh)}
            onAnswer={share.answer}
          />
        ) : (
          <div className="export-body">
            {open && <AudienceChoice state={share} disabled={disabled} />}
            <MarkdownSection headingId={`${titleId}-md`} choices={markdown} disabled={disabled} run={run} clipboardHost={() => dialogRef.current ?? document.body} />
            <ShareSection headingId={`${titleId}-share`} disabled={disabled} readOnly={readOnly} run={run} focusImport={backToImport} onImportChosen={(input) => void onImportChosen(input)} />
            <CodebookSection headingId={`${titleId}-codebook`} disabled={disabled} run={run} />
            <BackupSection headingId={`${titleId}-backup`} disabled={disabled} readOnly={readOnly} run={run} onRestoreChosen={(input) => void onRestoreChosen(input)} />
          </div>
        )}
        <RestoreConfirm
          dialogRef={confirmRef}
          fileName={restoring?.fileName ?? null}
          error={error}
          disabled={disabled}
          onConfirm={() => restoring && void restore(restoring.fileName, restoring.content)}
          onCancel={reset}
        />
      </dialog>
      </ShareGateContext.Provider>
    </>
  );
}
