/**
 * "Move to…" and "Merge into…": a list of the places the service would accept
 * (move-targets.ts) and a button to confirm. Escape cancels; a refusal stays
 * beside the list.
 */
import { useId, useState } from 'react';
import type { Target } from './move-targets';

export interface TargetPickerProps {
  /** "Move “Debt bondage” under" */
  label: string;
  confirm: string;
  targets: readonly Target[];
  /** Makes the move or merge; resolves with the service's message when it refused. */
  onPick(target: Target): Promise<string | null>;
  onCancel(): void;
}

export function TargetPicker({ label, confirm, targets, onPick, onCancel }: TargetPickerProps) {
  const [chosen, setChosen] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (targets.length === 0) {
    return (
      <div className="cb-form">
        <p className="cb-message">There is no other code to choose.</p>
        <button type="button" className="fm-button" autoFocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  const pick = async () => {
    setBusy(true);
    const refused = await onPick(targets[chosen]!);
    setBusy(false);
    setProblem(refused);
  };
  return (
    <form
      className="cb-form"
      onSubmit={(event) => {
        event.preventDefault();
        void pick();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <label htmlFor={`${id}-target`} className="fm-field-label">
        {label}
      </label>
      <div className="cb-form-row">
        <select id={`${id}-target`} className="cb-select" value={chosen} autoFocus aria-describedby={`${id}-message`} onChange={(event) => setChosen(Number(event.target.value))}>
          {targets.map((target, i) => (
            <option key={target.id ?? ''} value={i}>
              {target.label}
            </option>
          ))}
        </select>
        <button type="submit" className="fm-button" disabled={busy}>
          {confirm}
        </button>
        <button type="button" className="fm-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p id={`${id}-message`} className="cb-message" role={problem ? 'alert' : undefined}>
        {problem ?? ''}
      </p>
    </form>
  );
}
