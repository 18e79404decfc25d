/**
 * The Briefing form (issue 15): title, subtitle, author, date and summary;
 * which annotations; grouping; what to include; the paper. Native controls in
 * fieldsets, so it works from the keyboard and reads well to a screen reader.
 */
import type { BriefingGroupBy } from '../../preload/contract';
import { PAPER_SIZES, type PaperSize } from '../../common/paper-size';
import type { BriefingDraft, IncludeField } from './briefing-draft';
import { INCLUDE_FIELDS } from './briefing-draft';

const GROUPS: ReadonlyArray<{ value: BriefingGroupBy; label: string }> = [
  { value: 'section', label: 'Section' },
  { value: 'color', label: 'Colour' },
  { value: 'code', label: 'Code' },
  { value: 'recommendation', label: 'Recommendation' },
];

const INCLUDE_LABELS: Record<IncludeField, string> = {
  notes: 'Notes',
  codes: 'Codes',
  colors: 'Colour labels',
  assessment: 'Recommendation assessment table',
  matrix: 'Coding matrix',
  codebook: 'Codebook appendix',
  sources: 'Sources',
};

interface BriefingFormProps {
  draft: BriefingDraft;
  update(patch: Partial<BriefingDraft>): void;
  /** Whether the Annotations panel has a filter, so its selection can be chosen. */
  panelFiltered: boolean;
  paper: PaperSize;
  setPaper(paper: PaperSize): void;
}

function TextField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  return (
    <label className="bf-field">
      <span>{label}</span>
      <input type="text" value={value} maxLength={300} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function BriefingForm({ draft, update, panelFiltered, paper, setPaper }: BriefingFormProps) {
  return (
    <form className="bf-form" aria-label="Briefing options" onSubmit={(e) => e.preventDefault()}>
      <TextField label="Title" value={draft.title} onChange={(title) => update({ title })} />
      <TextField label="Subtitle" value={draft.subtitle} onChange={(subtitle) => update({ subtitle })} />
      <TextField label="Author or organisation" value={draft.author} onChange={(author) => update({ author })} />
      <TextField label="Date" value={draft.date} onChange={(date) => update({ date })} />
      <label className="bf-field">
        <span>Executive summary</span>
        <textarea rows={5} value={draft.summary} maxLength={20_000} onChange={(e) => update({ summary: e.target.value })} />
      </label>
      <fieldset className="bf-fieldset">
        <legend>Annotations</legend>
        <label className="bf-choice">
          <input type="radio" name="bf-scope" checked={draft.scope === 'all'} onChange={() => update({ scope: 'all' })} /> Every annotation
        </label>
        <label className="bf-choice">
          <input type="radio" name="bf-scope" checked={draft.scope === 'panel'} disabled={!panelFiltered} onChange={() => update({ scope: 'panel' })} /> What the
          Annotations panel shows
        </label>
      </fieldset>
      <fieldset className="bf-fieldset">
        <legend>Group by</legend>
        {GROUPS.map((g) => (
          <label key={g.value} className="bf-choice">
            <input type="radio" name="bf-group" checked={draft.groupBy === g.value} onChange={() => update({ groupBy: g.value })} /> {g.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="bf-fieldset">
        <legend>Include</legend>
        {INCLUDE_FIELDS.map((field) => (
          <label key={field} className="bf-choice">
            <input
              type="checkbox"
              checked={draft.include[field]}
              onChange={(e) => update({ include: { ...draft.include, [field]: e.target.checked } })}
            />{' '}
            {INCLUDE_LABELS[field]}
          </label>
        ))}
      </fieldset>
      <label className="bf-field">
        <span>Paper size</span>
        <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
          {PAPER_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
