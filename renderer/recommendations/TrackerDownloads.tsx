/** The tracker as a file: CSV (for a spreadsheet) or Markdown, as the service writes it (exportTracker). */
import { useState } from 'react';
import { useApp } from '../app-state/app-context';
import { changeFailure } from '../annotations/change-failure';
import { downloadFile } from '../export/download';
import { ShareNotice } from '../export/ShareNotice';

const FORMATS = [
  { format: 'csv', label: 'Download tracker (CSV)' },
  { format: 'markdown', label: 'Download tracker (Markdown)' },
] as const;

export function TrackerDownloads() {
  const { client } = useApp();
  const [said, setSaid] = useState('');
  return (
    <div className="rt-downloads">
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="rt-link-button"
          onClick={async () => {
            try {
              const file = await client.exportTracker({ format });
              downloadFile(file.filename, file.content);
              setSaid(`Downloaded ${file.filename}.`);
            } catch (error) {
              setSaid(`The tracker could not be exported. ${changeFailure(error)}`);
            }
          }}
        >
          {label}
        </button>
      ))}
      <ShareNotice className="rt-said" />
      <span className="rt-said" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
