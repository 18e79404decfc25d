/**
 * Opening the real store protected (issue 16), for the tests that run the
 * reliability suite and the store tests on both kinds of store. The keys are
 * made once per process (one scrypt derivation), or handed to a child process
 * through FIELDMARK_TEST_KEYS, so every process of a test unlocks the same
 * folder with the same data key.
 */
import { createKeys, type Keyfile } from '../../main/core/store/crypto/keyfile';
import { StoreCipher } from '../../main/core/store/crypto/store-cipher';
import { openStore, type OpenedStore, type OpenStoreOptions } from '../../main/core/store/store';

export type StoreKind = 'plain' | 'encrypted';
export const STORE_KINDS: readonly StoreKind[] = ['plain', 'encrypted'];
export const TEST_PASSPHRASE = 'a test passphrase, long enough';
export const TEST_KEYS_ENV = 'FIELDMARK_TEST_KEYS';
/** Which kind of store a child process opens (absent: plain). */
export const STORE_KIND_ENV = 'FIELDMARK_TEST_STORE_KIND';

export function storeKindFromEnv(): StoreKind {
  return process.env[STORE_KIND_ENV] === 'encrypted' ? 'encrypted' : 'plain';
}

/** The environment a child process needs to open a folder of this kind. */
export async function storeKindEnv(kind: StoreKind): Promise<Record<string, string>> {
  return kind === 'plain' ? {} : { [STORE_KIND_ENV]: kind, ...(await testKeysEnv()) };
}

/** The cipher a test uses to read a protected folder's files directly (null for plain). */
export async function testCipher(kind: StoreKind): Promise<StoreCipher | null> {
  if (kind === 'plain') return null;
  const { keys, dataKey } = await testKeys();
  return new StoreCipher(keys, Buffer.from(dataKey));
}

export interface TestKeys {
  keys: Keyfile;
  dataKey: Buffer;
  recoveryKey: string;
}

let made: Promise<TestKeys> | null = null;

/** This process's test keys: from the environment (a child) or made once. */
export function testKeys(): Promise<TestKeys> {
  const fromEnv = process.env[TEST_KEYS_ENV];
  if (fromEnv) {
    const parsed = JSON.parse(fromEnv) as { keys: Keyfile; dataKey: string; recoveryKey: string };
    return Promise.resolve({ keys: parsed.keys, dataKey: Buffer.from(parsed.dataKey, 'hex'), recoveryKey: parsed.recoveryKey });
  }
  made ??= createKeys(TEST_PASSPHRASE, { recovery: true, targetMs: 1 }).then((k) => ({ keys: k.keys, dataKey: k.dataKey, recoveryKey: k.recoveryKey! }));
  return made;
}

/** The environment a child process needs to open the same protected folder. */
export async function testKeysEnv(): Promise<Record<string, string>> {
  const k = await testKeys();
  return { [TEST_KEYS_ENV]: JSON.stringify({ keys: k.keys, dataKey: k.dataKey.toString('hex'), recoveryKey: k.recoveryKey }) };
}

/**
 * Opens the store; for `encrypted`, unlocks it with the test key, or protects
 * it first if the folder is still plain (a fresh folder, or a crash before the
 * keyfile was made durable).
 */
export async function openStoreAs(kind: StoreKind, options: OpenStoreOptions): Promise<OpenedStore> {
  const store = await openStore(options);
  if (kind === 'plain') return store;
  const { keys, dataKey } = await testKeys();
  try {
    if (store.protection === 'locked') await store.unlock(dataKey);
    else if (store.protection === 'plain' && !store.status.readOnly) await store.protect(keys, dataKey);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
