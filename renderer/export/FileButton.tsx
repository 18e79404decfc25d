/**
 * A button that opens the browser's file picker through a hidden file input,
 * and hands the input over once a file is picked.
 */
import { useRef } from 'react';

interface FileButtonProps {
  label: string;
  accept: string;
  disabled: boolean;
  onChosen(input: HTMLInputElement): void;
}

export function FileButton({ label, accept, disabled, onChosen }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="export-button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input ref={input} type="file" accept={accept} hidden tabIndex={-1} onChange={(event) => onChosen(event.currentTarget)} />
    </>
  );
}
