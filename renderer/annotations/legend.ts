/** Rules for renaming a colour in the legend (the service validates the same limits). */
import { ColorLabel, type ColorId, type Legend } from '../../preload/contract';
import { COLORS } from './colors';

/** Why `raw` cannot be the new name of colour `id`, or null when it can. */
export function labelProblem(legend: Legend, id: ColorId, raw: string): string | null {
  const parsed = ColorLabel.safeParse(raw);
  if (!parsed.success) {
    const label = raw.trim();
    if (label.length === 0) return 'A colour needs a name.';
    if (label.length > 40) return 'A colour name can be at most 40 characters.';
    return 'A colour name cannot contain control characters.';
  }
  const clash = COLORS.find((c) => c.id !== id && legend[c.id].toLowerCase() === parsed.data.toLowerCase());
  return clash ? `Another colour is already called “${legend[clash.id]}”.` : null;
}
