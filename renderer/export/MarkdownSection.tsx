/**
 * The dialog's Markdown export: grouping, what to include and which
 * annotations, then Download Markdown or Copy Markdown. A note still being
 * typed is saved first, so it is in the export.
 */
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { copyText } from './download';
import { useExportDownload } from './use-export-download';
import { useShareGate } from './share-gate';
import type { GroupBy, Include, MarkdownChoices } from './use-markdown-options';

const GROUPS: ReadonlyArray<{ value: GroupBy; label: string }> = [
  { value: 'section', label: 'Section' },
  { value: 'tag', label: 'Tag' },
  { value: 'color', label: 'Colour' },
  { value: 'code', label: 'Code' },
];

const INCLUDES: ReadonlyArray<{ field: Include; label: string }> = [
  { field: 'includeNotes', label: 'Notes' },
  { field: 'includeTags', label: 'Tags' },
  { field: 'includeColors', label: 'Colour labels' },
  { field: 'includeDates', label: 'Dates' },
  { field: 'includeAssessment', label: 'Recommendation assessment' },
];

interface MarkdownSectionProps {
  headingId: string;
  choices: MarkdownChoices;
  disabled: boolean;
  run(label: string, task: () => Promise<void>): Promise<void>;
  /** Where the clipboard fallback puts its temporary text area (inside the modal, so it can take focus). */
  clipboardHost(): HTMLElement;
}

export function MarkdownSection({ headingId, choices, disabled, run, clipboardHost }: MarkdownSectionProps) {
  const { client, notify } = useApp();
  const { flushNotes } = useAnnotations();
  const { groupBy, setGroupBy, include, setInclude, scope, setScope, filterActive } = choices;

  const gate = useShareGate();
  const exportDownload = useExportDownload(run);
  const options = () => ({ ...choices.options(), audience: gate.audience });
  const download = () => exportDownload('Exporting Markdown', () => client.exportMarkdown(options()), (name) => `Markdown exported as ${name}.`);

  const copy = () =>
    run('Copying Markdown', async () => {
      // A note still being typed belongs in the export.
      await flushNotes();
      if (!(await gate.check())) return;
      const file = await client.exportMarkdown(options());
      const copied = await copyText(file.content, clipboardHost());
      if (!copied) throw new Error('This window may not use the clipboard. Use “Download Markdown” instead.');
      notify('Markdown copied to the clipboard.');
    });

  return (
    <section className="export-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="export-section-title">
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
        {INCLUDES.map((i) => (
          <label key={i.field} className="export-choice">
            <input type="checkbox" checked={include[i.field]} onChange={(e) => setInclude(i.field, e.target.checked)} /> {i.label}
          </label>
        ))}
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
        <button type="button" className="export-button primary" disabled={disabled} onClick={() => void download()}>
          Download Markdown
        </button>
        <button type="button" className="export-button" disabled={disabled} onClick={() => void copy()}>
          Copy Markdown
        </button>
      </div>
    </section>
  );
}
