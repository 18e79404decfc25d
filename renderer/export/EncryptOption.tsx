/**
 * "Encrypt with a passphrase" for the Web Annotations file (issue 16), for a
 * USB stick that might get lost: the file's own passphrase, typed twice.
 */
import type { EncryptChoice } from './use-encrypt-choice';
import { PassphraseFields } from './PassphraseFields';

interface EncryptOptionProps {
  choice: EncryptChoice;
  disabled: boolean;
}

export function EncryptOption({ choice, disabled }: EncryptOptionProps) {
  return (
    <div className="export-encrypt">
      <label className="export-choice">
        <input type="checkbox" checked={choice.on} disabled={disabled} onChange={(event) => choice.setOn(event.target.checked)} />
        Encrypt with a passphrase
      </label>
      {choice.on && (
        <div className="export-encrypt-fields">
          <PassphraseFields
            label="Passphrase for this file"
            repeatLabel="Repeat the passphrase for this file"
            value={choice.value}
            repeated={choice.repeated}
            disabled={disabled}
            onChange={choice.setValue}
            onRepeatChange={choice.setRepeated}
          />
          <p className="export-hint">Tell your colleague the passphrase another way than the file. The file has no recovery key: without the passphrase nobody can open it.</p>
        </div>
      )}
    </div>
  );
}
