/**
 * The service over the data-folder store with protection (issue 16): the lock
 * in front of every method, the protection methods, idle auto-lock, and
 * encrypted backups in and out.
 *
 * - Locked: every method but getStatus and unlock answers LOCKED; nothing of
 *   the store is decrypted or held (the inner service, with its views, exists
 *   only while unlocked).
 * - lock() refuses new calls at once, lets calls in flight finish, then the
 *   store saves what is pending and forgets the key and the records.
 * - Idle time is measured here, in main, from the last call of any client
 *   (getStatus, which clients poll, does not count); the check runs on a timer
 *   and before serving each call, so a machine that slept past the limit locks
 *   before it answers.
 * - A wrong passphrase or recovery key is WRONG_PASSPHRASE and writes nothing.
 */
import { METHOD_NAMES, type Contract, type MethodName, type StoreStatus } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import type { ReportModel } from '../report/report-model';
import { parseContainer, openWithSecret, type Secret } from '../store/crypto/container';
import { createKeys, rewrapPassphrase, unwrapWithPassphrase, unwrapWithRecoveryKey, type Keyfile } from '../store/crypto/keyfile';
import { checkNewPassphrase } from '../store/crypto/passphrase-rules';
import type { OpenedStore } from '../store/store';
import { createSerializer } from './serializer';
import type { Service } from './service';

/** What an exported backup's container holds (bound into its encryption). */
export const BACKUP_UNIT = 'fieldmark-backup';
const DEFAULT_AUTO_LOCK_MINUTES = 15;
const IDLE_CHECK_MS = 15_000;

export interface ProtectedServiceOptions {
  report: ReportModel;
  store: OpenedStore;
  /** Builds the methods over an open (plain or unlocked) store. */
  build: (report: ReportModel, store: OpenedStore) => Service;
  /** Milliseconds for idle time; tests inject theirs. */
  clock?: () => number;
  /** Check idleness on a timer (the hosts); tests call checkIdle() instead. */
  idleTimer?: boolean;
  /** scrypt tuning target (ms); tests pass 1 to stay at the floor N=2^17. */
  deriveTargetMs?: number;
}

export interface ProtectedService extends Service {
  /** Locks if the store has been idle for the settings' time; resolves to whether it locked. */
  checkIdle(): Promise<boolean>;
}

function locked(): FieldmarkError {
  return new FieldmarkError('LOCKED', 'Your notes are locked. Unlock them with your passphrase or recovery key.');
}

function wrongSecret(): FieldmarkError {
  return new FieldmarkError('WRONG_PASSPHRASE', 'That passphrase or recovery key is not right. Check it and try again; nothing was changed.');
}

/** The data key a passphrase (or a recovery key typed in its place) or a recovery key unwraps; null when wrong. */
async function dataKeyOf(keys: Keyfile, secret: Secret): Promise<Buffer | null> {
  if (secret.recoveryKey !== undefined) return unwrapWithRecoveryKey(keys, secret.recoveryKey);
  if (secret.passphrase === undefined) return null;
  return unwrapWithRecoveryKey(keys, secret.passphrase) ?? (await unwrapWithPassphrase(keys, secret.passphrase));
}

export function createProtectedService(options: ProtectedServiceOptions): ProtectedService {
  const { report, store, build } = options;
  const clock = options.clock ?? Date.now;
  let inner: Service | null = store.protection === 'locked' ? null : build(report, store);
  let lastCall = clock();
  let locking = false;
  let inFlight = 0;
  let wakeDrained: (() => void) | null = null;
  // Protection changes (unlock, lock, protect, …) run one at a time.
  const serialize = createSerializer();
  const exclusive = <T>(task: () => Promise<T>) => serialize('protection', task);

  const status = (): StoreStatus => {
    const s = store.status;
    return { dataDir: s.dataDir, readOnly: s.readOnly, notices: [...s.notices], encrypted: store.protection !== 'plain', locked: store.protection === 'locked' || locking };
  };

  const open = (): Service => {
    if (!inner || locking) throw locked();
    return inner;
  };

  async function track<T>(call: () => T | Promise<T>): Promise<T> {
    inFlight++;
    try {
      return await call();
    } finally {
      inFlight--;
      if (inFlight === 0 && wakeDrained) {
        const wake = wakeDrained;
        wakeDrained = null;
        wake();
      }
    }
  }

  const lockNow = () =>
    exclusive(async () => {
      if (store.protection !== 'unlocked') return;
      locking = true;
      try {
        if (inFlight > 0) await new Promise<void>((resolve) => (wakeDrained = resolve));
        await store.lock();
        inner = null;
      } finally {
        locking = false;
      }
    });

  async function checkIdle(): Promise<boolean> {
    if (store.protection !== 'unlocked' || locking) return false;
    const minutes = store.doc.settings.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
    if (minutes <= 0 || clock() - lastCall < minutes * 60_000) return false;
    await lockNow();
    return true;
  }

  const timer = options.idleTimer === false ? null : setInterval(() => void checkIdle().catch(() => undefined), IDLE_CHECK_MS);
  timer?.unref();

  const requireUnlocked = async (): Promise<void> => {
    await checkIdle();
    open();
    lastCall = clock();
  };

  const protection: Pick<Implementation<Contract>, 'unlock' | 'lock' | 'protectStore' | 'changePassphrase' | 'unprotectStore' | 'exportBackup' | 'restoreBackup'> = {
    unlock: (input) =>
      exclusive(async () => {
        if (store.protection === 'plain') throw new FieldmarkError('INVALID_INPUT', 'Your notes are not protected with a passphrase, so there is nothing to unlock.');
        if (store.protection === 'locked') {
          const keys = store.keys;
          const dataKey = keys ? await dataKeyOf(keys, input) : null;
          if (!dataKey) throw wrongSecret();
          await store.unlock(dataKey);
          dataKey.fill(0);
          inner = build(report, store);
        }
        lastCall = clock();
        return status();
      }),
    async lock() {
      if (store.protection === 'plain') throw new FieldmarkError('INVALID_INPUT', 'Your notes are not protected with a passphrase, so there is nothing to lock.');
      if (store.protection === 'locked' || locking) throw locked();
      await lockNow();
      return status();
    },
    async protectStore({ passphrase }) {
      await requireUnlocked();
      checkNewPassphrase(passphrase);
      return exclusive(async () => {
        if (store.protection !== 'plain') throw new FieldmarkError('INVALID_INPUT', 'Your notes are already protected with a passphrase. Change the passphrase instead.');
        const made = await createKeys(passphrase, { recovery: true, targetMs: options.deriveTargetMs });
        await store.protect(made.keys, made.dataKey);
        made.dataKey.fill(0);
        return { recoveryKey: made.recoveryKey! };
      });
    },
    async changePassphrase(input) {
      await requireUnlocked();
      checkNewPassphrase(input.newPassphrase);
      return exclusive(async () => {
        const keys = store.keys;
        if (store.protection !== 'unlocked' || !keys) throw new FieldmarkError('INVALID_INPUT', 'Your notes are not protected with a passphrase yet. Protect them first.');
        const dataKey = await dataKeyOf(keys, input);
        if (!dataKey) throw wrongSecret();
        await store.rewrap(await rewrapPassphrase(keys, dataKey, input.newPassphrase));
        dataKey.fill(0);
        return status();
      });
    },
    async unprotectStore({ passphrase }) {
      await requireUnlocked();
      return exclusive(async () => {
        const keys = store.keys;
        if (store.protection !== 'unlocked' || !keys) throw new FieldmarkError('INVALID_INPUT', 'Your notes are not protected with a passphrase.');
        if (!(await dataKeyOf(keys, { passphrase }))) throw wrongSecret();
        await store.unprotect();
        return status();
      });
    },
    async exportBackup(input) {
      await requireUnlocked();
      const file = await track(() => open().impl.exportBackup(input));
      // A protected store's backup is encrypted, with the keys of today (it opens with today's passphrase).
      const sealed = store.sealForExport(Buffer.from(file.content, 'utf8'), BACKUP_UNIT);
      return sealed === null ? file : { filename: file.filename, content: sealed };
    },
    async restoreBackup({ content, passphrase, recoveryKey }) {
      await requireUnlocked();
      const container = parseContainer(content);
      if (!container) return track(() => open().impl.restoreBackup({ content }));
      if (container.name !== BACKUP_UNIT) throw new FieldmarkError('INVALID_IMPORT', 'This encrypted file is not a Fieldmark backup. To bring in annotations, use Import instead.');
      const plain = store.openWithOwnKey(container) ?? (await openWithSecret(container, { passphrase, recoveryKey }, 'This backup', BACKUP_UNIT));
      return track(() => open().impl.restoreBackup({ content: plain.toString('utf8') }));
    },
  };

  const impl = {} as Record<MethodName, (input: unknown) => unknown>;
  for (const name of METHOD_NAMES) {
    const own = (protection as Record<string, ((input: unknown) => unknown) | undefined>)[name];
    if (name === 'getStatus') impl[name] = () => status();
    else if (own) impl[name] = own;
    else {
      impl[name] = async (input: unknown) => {
        await requireUnlocked();
        const method = open().impl[name] as (input: unknown) => unknown;
        return track(() => method(input));
      };
    }
  }

  return {
    impl: impl as unknown as Implementation<Contract>,
    status: () => store.status,
    checkIdle,
    async close() {
      if (timer) clearInterval(timer);
      await store.close();
    },
  };
}
