/**
 * The toolbar's protection controls (issue 16): "Protect with a passphrase"
 * while the store is plain; "Lock" and "Passphrase settings" once it is
 * protected, and then the status poll that empties the page when the store
 * locks elsewhere (a plain store cannot lock, so it is not polled).
 */
import { useApp } from '../app-state/app-context';
import { LockButton } from './LockButton';
import { pageLock } from './lock-signal';
import { PassphraseSettingsDialog } from './PassphraseSettingsDialog';
import { ProtectDialog } from './ProtectDialog';
import { useLockPolling } from './use-lock-polling';

export function ProtectionTools() {
  const { client, status } = useApp();
  useLockPolling(client, status.encrypted === true, pageLock.raise);
  if (!status.encrypted) return status.readOnly ? null : <ProtectDialog />;
  return (
    <>
      <LockButton />
      <PassphraseSettingsDialog />
    </>
  );
}
