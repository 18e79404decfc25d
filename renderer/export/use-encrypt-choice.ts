/**
 * The export's "Encrypt with a passphrase" choice (issue 16): off, or on with a
 * passphrase typed twice. `passphrase()` gives what to send, or throws the
 * reason it cannot be used yet (the dialog shows it).
 */
import { useState } from 'react';
import { newPassphraseProblem } from '../../common/passphrase-rules';

export interface EncryptChoice {
  on: boolean;
  setOn(on: boolean): void;
  value: string;
  repeated: string;
  setValue(value: string): void;
  setRepeated(value: string): void;
  /** The passphrase to seal with, or undefined for a plain file; throws when the two entries are not usable. */
  passphrase(): string | undefined;
}

export function useEncryptChoice(): EncryptChoice {
  const [on, setOn] = useState(false);
  const [value, setValue] = useState('');
  const [repeated, setRepeated] = useState('');
  return {
    on,
    setOn,
    value,
    repeated,
    setValue,
    setRepeated,
    passphrase() {
      if (!on) return undefined;
      const problem = newPassphraseProblem(value, repeated);
      if (problem) throw new Error(problem);
      return value;
    },
  };
}
