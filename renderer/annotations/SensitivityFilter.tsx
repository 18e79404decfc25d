/**
 * The panel's sensitivity filter (issue 16): one toggle per mark, in words
 * with its icon; none pressed shows every annotation. It narrows the list like
 * the other facets and goes with "export what the panel shows".
 */
import { SENSITIVITY_LABELS, Sensitivity } from '../../preload/contract';
import type { PanelFilter } from './annotation-filter';
import { SensitivityIcon } from './SensitivityChoice';

interface SensitivityFilterProps {
  filter: PanelFilter;
  setFilter(update: (current: PanelFilter) => PanelFilter): void;
}

/** Adds or removes a mark from the filter. */
export function toggleSensitivity(f: PanelFilter, mark: Sensitivity): PanelFilter {
  const now = f.sensitivity ?? [];
  return { ...f, sensitivity: now.includes(mark) ? now.filter((s) => s !== mark) : [...now, mark] };
}

export function SensitivityFilter({ filter, setFilter }: SensitivityFilterProps) {
  return (
    <div role="group" aria-label="Sensitivity" className="fm-tag-filters">
      {Sensitivity.options.map((mark) => (
        <button
          key={mark}
          type="button"
          className="fm-filter-toggle fm-sensitivity-toggle"
          aria-pressed={(filter.sensitivity ?? []).includes(mark)}
          onClick={() => setFilter((f) => toggleSensitivity(f, mark))}
        >
          <SensitivityIcon sensitivity={mark} /> {SENSITIVITY_LABELS[mark]}
        </button>
      ))}
    </div>
  );
}
