/**
 * The dialog's backup job: Back up saves one file with everything (deleted
 * annotations, colour labels and settings included); Restore… picks such a
 * file, which is restored only after the confirmation.
 */
import { useApp } from '../app-state/app-context';
import { FileButton } from './FileButton';
import { useExportDownload } from './use-export-download';

interface BackupSectionProps {
  headingId: string;
  disabled: boolean;
  readOnly: boolean;
  run(label: string, task: () => Promise<void>): Promise<void>;
  onRestoreChosen(input: HTMLInputElement): void;
}

export function BackupSection({ headingId, disabled, readOnly, run, onRestoreChosen }: BackupSectionProps) {
  const { client } = useApp();
  const download = useExportDownload(run);
  const backUp = () => download('Backing up', () => client.exportBackup(), (name) => `Backup saved as ${name}.`);

  return (
    <section className="export-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="export-section-title">
        Backup
      </h3>
      <p className="export-hint">One file with all your annotations (deleted ones included), colour labels and settings.</p>
      <div className="export-actions">
        <button type="button" className="export-button" disabled={disabled} onClick={() => void backUp()}>
          Back up
        </button>
        <FileButton label="Restore…" accept=".json,application/json" disabled={disabled || readOnly} onChosen={onRestoreChosen} />
      </div>
      {readOnly && <p className="export-hint">Your data folder is read-only, so importing and restoring are off.</p>}
    </section>
  );
}
