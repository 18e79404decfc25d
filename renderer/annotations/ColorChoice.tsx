/**
 * A card's colour: one radio per colour label. The colour just chosen shows as
 * checked while the service stores it; a refusal is said under the choice.
 */
import { useState } from 'react';
import type { ColorId } from '../../preload/contract';
import { COLORS } from './colors';
import type { ChangeResult } from './use-annotation-changes';

interface ColorChoiceProps {
  /** The radio group's name, unique per card. */
  name: string;
  color: ColorId;
  readOnly: boolean;
  colorName(id: ColorId): string;
  onChoose(color: ColorId): Promise<ChangeResult>;
}

export function ColorChoice({ name, color: stored, readOnly, colorName, onChoose }: ColorChoiceProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<ColorId | null>(null);
  return (
    <>
      <div role="radiogroup" aria-label="Colour" className="fm-color-choice">
        {COLORS.map((color) => (
          <label key={color.id} className="fm-color-option" data-color={color.id}>
            <input
              type="radio"
              name={name}
              value={color.id}
              checked={(pending ?? stored) === color.id}
              disabled={readOnly}
              onChange={async () => {
                setPending(color.id);
                const result = await onChoose(color.id);
                setPending(null);
                setProblem(result.ok ? null : result.error);
              }}
            />
            <span className="fm-swatch" data-color={color.id} aria-hidden="true" />
            <span>{colorName(color.id)}</span>
          </label>
        ))}
      </div>
      {problem && <p className="fm-field-message">{problem}</p>}
    </>
  );
}
