/**
 * A button that opens the browser's file picker through a hidden file input,
 * and hands the input over once a file is picked.
 */
import { useRef } from 'react';

interface FileButtonProps {
  label: string;
  accept: string;
  disabled: boolean;
  /** Takes focus as it appears (focus comes back to it when what it opened is cancelled). */
  autoFocus?: boolean;
  onChosen(input: HTMLInputElement): void;
}

export function FileButton({ label, accept, disabled, autoFocus, onChosen }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="export-button" disabled={disabled} autoFocus={autoFocus} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input ref={input} type="file" accept={accept} hidden tabIndex={-1} onChange={(event) => onChosen(event.currentTarget)} />
    </>
  );
}
