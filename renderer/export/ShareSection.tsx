/**
 * The dialog's sharing job: Download Web Annotations (W3C JSON-LD) for a
 * colleague, optionally encrypted with a passphrase of its own (issue 16), and
 * Import… a colleague's file, which goes to the review step first.
 */
import { useApp } from '../app-state/app-context';
import { EncryptOption } from './EncryptOption';
import { FileButton } from './FileButton';
import { useEncryptChoice } from './use-encrypt-choice';
import { useExportDownload } from './use-export-download';
import { useShareGate } from './share-gate';

interface ShareSectionProps {
  headingId: string;
  disabled: boolean;
  readOnly: boolean;
  run(label: string, task: () => Promise<void>): Promise<void>;
  /** Import… takes focus as the section appears: an import's review or passphrase was cancelled. */
  focusImport: boolean;
  onImportChosen(input: HTMLInputElement): void;
}

export function ShareSection({ headingId, disabled, readOnly, run, focusImport, onImportChosen }: ShareSectionProps) {
  const { client } = useApp();
  const download = useExportDownload(run);
  const encrypt = useEncryptChoice();
  const { audience } = useShareGate();
  const downloadAnnotations = () =>
    download(
      'Exporting Web Annotations',
      async () => {
        const passphrase = encrypt.passphrase();
        return client.exportAnnotations(passphrase === undefined ? { audience } : { audience, passphrase });
      },
      (name) => `Web Annotations exported as ${name}.`,
    );

  return (
    <section className="export-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="export-section-title">
        Share with a colleague
      </h3>
      <p className="export-hint">Web Annotations (W3C JSON-LD) keep quotes, notes, tags and colours. Import… also reads a REFI-QDA codebook (.qdc) or project (.qdpx). Importing shows a review first and can be undone.</p>
      <EncryptOption choice={encrypt} disabled={disabled} />
      <div className="export-actions">
        <button type="button" className="export-button" disabled={disabled} onClick={() => void downloadAnnotations()}>
          Download Web Annotations
        </button>
        <FileButton label="Import…" accept=".json,.jsonld,.qdc,.qdpx,application/json,application/ld+json" disabled={disabled || readOnly} autoFocus={focusImport} onChosen={onImportChosen} />
      </div>
    </section>
  );
}
