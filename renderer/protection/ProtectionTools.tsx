/**
 * The toolbar's protection controls (issue 16): "Protect with a passphrase"
 * while the store is plain; "Lock" and "Passphrase settings" once it is protected.
 */
import { useApp } from '../app-state/app-context';
import { LockButton } from './LockButton';
import { PassphraseSettingsDialog } from './PassphraseSettingsDialog';
import { ProtectDialog } from './ProtectDialog';

export function ProtectionTools() {
  const { status } = useApp();
  if (!status.encrypted) return status.readOnly ? null : <ProtectDialog />;
  return (
    <>
      <LockButton />
      <PassphraseSettingsDialog />
    </>
  );
}
