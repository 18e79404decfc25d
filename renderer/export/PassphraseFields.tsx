/** A new passphrase typed twice, with the rule said beside it. */
import { useId } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../common/passphrase-rules';
import './encrypt.css';

interface PassphraseFieldsProps {
  label: string;
  repeatLabel: string;
  value: string;
  repeated: string;
  disabled: boolean;
  onChange(value: string): void;
  onRepeatChange(value: string): void;
}

export function PassphraseFields(props: PassphraseFieldsProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-new`}>{props.label}</label>
      <input
        id={`${id}-new`}
        className="export-input"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        aria-describedby={`${id}-rule`}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <p id={`${id}-rule`} className="export-hint">
        At least {MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.
      </p>
      <label htmlFor={`${id}-repeat`}>{props.repeatLabel}</label>
      <input
        id={`${id}-repeat`}
        className="export-input"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        value={props.repeated}
        disabled={props.disabled}
        onChange={(event) => props.onRepeatChange(event.target.value)}
      />
    </>
  );
}
