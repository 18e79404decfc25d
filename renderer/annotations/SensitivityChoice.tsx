/**
 * A card's sensitivity (issue 16): a radio group named "Sensitivity", each
 * option in words with an icon (never colour alone): Normal (travels as it
 * is), Sensitive (a shared file withholds the note), Private (a shared file
 * leaves the annotation out). Like the colour, the choice shows at once and a
 * refusal is said under it.
 */
import { useState } from 'react';
import { SENSITIVITY_LABELS, Sensitivity } from '../../preload/contract';
import type { ChangeResult } from './use-annotation-changes';

/** What each mark means for a shared file, as the option's description. */
const MEANING: Record<Sensitivity, string> = {
  normal: 'Shared files include it with its note.',
  sensitive: 'Shared files keep the quote and codes but withhold the note.',
  private: 'Shared files leave it out entirely.',
};

/** 16 px outline icons: an open eye, an eye with a bar across, a padlock. */
export function SensitivityIcon({ sensitivity }: { sensitivity: Sensitivity }) {
  const paths: Record<Sensitivity, string> = {
    normal: 'M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5Z M8 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
    sensitive: 'M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5Z M2 14 14 2',
    private: 'M4 7V5a4 4 0 0 1 8 0v2 M3 7h10v7H3Z M8 10v2',
  };
  return (
    <svg className="fm-sensitivity-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[sensitivity]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

interface SensitivityChoiceProps {
  /** The radio group's name, unique per card. */
  name: string;
  sensitivity: Sensitivity;
  readOnly: boolean;
  onChoose(sensitivity: Sensitivity): Promise<ChangeResult>;
}

export function SensitivityChoice({ name, sensitivity: stored, readOnly, onChoose }: SensitivityChoiceProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<Sensitivity | null>(null);
  return (
    <>
      <div role="radiogroup" aria-label="Sensitivity" className="fm-color-choice fm-sensitivity-choice">
        {Sensitivity.options.map((option) => (
          <label key={option} className="fm-color-option" title={MEANING[option]}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={(pending ?? stored) === option}
              disabled={readOnly}
              onChange={async () => {
                setPending(option);
                const result = await onChoose(option);
                setPending(null);
                setProblem(result.ok ? null : result.error);
              }}
            />
            <SensitivityIcon sensitivity={option} />
            <span>{SENSITIVITY_LABELS[option]}</span>
          </label>
        ))}
      </div>
      {problem && <p className="fm-field-message">{problem}</p>}
    </>
  );
}
