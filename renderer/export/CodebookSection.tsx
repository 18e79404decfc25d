/**
 * The dialog's codebook and project job (issue 13): the codebook as a REFI-QDA
 * .qdc (for NVivo, ATLAS.ti, MAXQDA, QualCoder), as Markdown or as CSV, and the
 * whole coded report as a REFI-QDA project (.qdpx, a zip that arrives as base64).
 */
import type { CodebookFormat } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { downloadFile } from './download';
import { useExportDownload } from './use-export-download';
import { useShareGate } from './share-gate';

const CODEBOOK_BUTTONS: ReadonlyArray<{ format: CodebookFormat; label: string; what: string }> = [
  { format: 'qdc', label: 'Download codebook (.qdc)', what: 'Codebook (.qdc)' },
  { format: 'markdown', label: 'Download codebook (Markdown)', what: 'Codebook (Markdown)' },
  { format: 'csv', label: 'Download codebook (CSV)', what: 'Codebook (CSV)' },
];

/** The bytes of base64 text. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface CodebookSectionProps {
  headingId: string;
  disabled: boolean;
  run(label: string, task: () => Promise<void>): Promise<void>;
}

export function CodebookSection({ headingId, disabled, run }: CodebookSectionProps) {
  const { client, notify } = useApp();
  const { flushNotes } = useAnnotations();
  const download = useExportDownload(run);
  const gate = useShareGate();

  const downloadProject = () =>
    run('Exporting the project', async () => {
      await flushNotes();
      if (!(await gate.check())) return;
      const file = await client.exportProject({ format: 'qdpx', audience: gate.audience });
      downloadFile(file.filename, bytesOf(file.contentBase64));
      notify(`Project exported as ${file.filename}.`);
    });

  return (
    <section className="export-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="export-section-title">
        Codebook and project
      </h3>
      <p className="export-hint">
        The codebook with its definitions, for NVivo, ATLAS.ti, MAXQDA or QualCoder (REFI-QDA .qdc), to read (Markdown) or for a spreadsheet (CSV); or the
        whole coded report as a REFI-QDA project (.qdpx).
      </p>
      <div className="export-actions">
        {CODEBOOK_BUTTONS.map(({ format, label, what }) => (
          <button
            key={format}
            type="button"
            className="export-button"
            disabled={disabled}
            onClick={() => void download(`Exporting the codebook`, () => client.exportCodebook({ format, audience: gate.audience }), (name) => `${what} exported as ${name}.`)}
          >
            {label}
          </button>
        ))}
        <button type="button" className="export-button" disabled={disabled} onClick={() => void downloadProject()}>
          Download project (.qdpx)
        </button>
      </div>
    </section>
  );
}
