/**
 * The colour legend: each colour's sample (background and underline style),
 * its label, how many annotations it has (a toggle that filters by colour) and
 * a way to rename it. Labels are saved in the settings through the service.
 */
import { useState } from 'react';
import type { ColorId, Legend } from '../../preload/contract';
import { COLORS } from './colors';
import { labelProblem } from './legend';

export interface LegendEditorProps {
  legend: Legend;
  counts: Record<ColorId, number>;
  chosen: readonly ColorId[];
  readOnly: boolean;
  onToggle(id: ColorId): void;
  /** Persists a new label; resolves false when it was not saved (the app shows why). */
  onRename(id: ColorId, label: string): Promise<boolean>;
}

function RenameField({ legend, id, onDone, onRename }: { legend: Legend; id: ColorId; onDone(): void; onRename: LegendEditorProps['onRename'] }) {
  const [value, setValue] = useState(legend[id]);
  const [problem, setProblem] = useState<string | null>(null);
  const swatch = COLORS.find((c) => c.id === id)!.swatch;
  const save = async () => {
    if (value.trim() === legend[id]) {
      onDone();
      return;
    }
    const why = labelProblem(legend, id, value);
    if (why) {
      setProblem(why);
      return;
    }
    if (await onRename(id, value.trim())) onDone();
    else setProblem('The new name was not saved.');
  };
  return (
    <span className="fm-rename">
      <input
        type="text"
        className="fm-rename-input"
        aria-label={`Name for the ${swatch.toLowerCase()} highlights`}
        value={value}
        maxLength={80}
        autoFocus
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onDone();
          }
        }}
        onBlur={() => void save()}
      />
      {problem && (
        <span className="fm-field-message" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

export function LegendEditor({ legend, counts, chosen, readOnly, onToggle, onRename }: LegendEditorProps) {
  const [renaming, setRenaming] = useState<ColorId | null>(null);
  return (
    <section className="fm-legend" aria-labelledby="fm-legend-title">
      <h3 id="fm-legend-title" className="fm-panel-subtitle">
        Colours
      </h3>
      <ul className="fm-legend-list">
        {COLORS.map((color) => {
          const label = legend[color.id];
          const pressed = chosen.includes(color.id);
          return (
            <li key={color.id} className="fm-legend-row" data-color={color.id}>
              <span className="fm-sample" data-color={color.id} aria-hidden="true" title={`${color.swatch}, ${color.decoration} underline`}>
                Aa
              </span>
              {renaming === color.id ? (
                <RenameField legend={legend} id={color.id} onRename={onRename} onDone={() => setRenaming(null)} />
              ) : (
                <>
                  <button
                    type="button"
                    className="fm-filter-toggle"
                    aria-pressed={pressed}
                    aria-label={`${label} (${counts[color.id]})`}
                    title={`Show only ${label}`}
                    onClick={() => onToggle(color.id)}
                  >
                    <span className="fm-legend-label">{label}</span>
                    <span className="fm-count">{counts[color.id]}</span>
                  </button>
                  <button
                    type="button"
                    className="fm-icon-button"
                    aria-label={`Rename ${label}`}
                    title="Rename this colour"
                    disabled={readOnly}
                    onClick={() => setRenaming(color.id)}
                  >
                    <span aria-hidden="true">✎</span>
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
