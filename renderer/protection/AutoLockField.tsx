/** How long Fieldmark waits, with no calls from any window, before it locks itself (0 = never). */
import { useId } from 'react';
import { DEFAULT_SETTINGS } from '../../preload/contract';
import { useApp } from '../app-state/app-context';

const CHOICES = [0, 1, 5, 15, 30, 60, 120];
/** Settings stored before issue 16 have no autoLockMinutes: the default applies. */
const DEFAULT_MINUTES = DEFAULT_SETTINGS.autoLockMinutes ?? 15;

function label(minutes: number): string {
  if (minutes === 0) return 'Never';
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function AutoLockField() {
  const { settings, updateSettings } = useApp();
  const id = useId();
  const current = settings.autoLockMinutes ?? DEFAULT_MINUTES;
  const choices = CHOICES.includes(current) ? CHOICES : [...CHOICES, current].sort((a, b) => a - b);
  return (
    <section className="export-section protection-fields" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="export-section-title">
        Lock automatically
      </h3>
      <label htmlFor={id}>Lock after this long without use</label>
      <select id={id} className="protection-input" value={current} onChange={(event) => void updateSettings({ autoLockMinutes: Number(event.target.value) })}>
        {choices.map((minutes) => (
          <option key={minutes} value={minutes}>
            {label(minutes)}
          </option>
        ))}
      </select>
      <p className="export-hint">Measured from the last thing any Fieldmark window did. Locking also happens when the computer sleeps (desktop app).</p>
    </section>
  );
}
