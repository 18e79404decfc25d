/**
 * The protection methods (issue 16) for a store that cannot be protected: the
 * in-memory stores of tests and benchmarks. Each answers in words why not,
 * never pretending to have protected or locked anything. The data-folder
 * store gets the real ones from protection-service.ts.
 */
import type { Contract } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';

export type ProtectionMethods = Pick<Implementation<Contract>, 'protectStore' | 'changePassphrase' | 'unprotectStore' | 'lock' | 'unlock'>;

/** The answer of every protection method on a store without a data folder. */
function notHere(): never {
  throw new FieldmarkError('INVALID_INPUT', 'This store has no data folder, so it cannot be protected with a passphrase, locked or unlocked.');
}

export function unprotectableMethods(): ProtectionMethods {
  return { protectStore: notHere, changePassphrase: notHere, unprotectStore: notHere, lock: notHere, unlock: notHere };
}
