/**
 * B11 (issue 16): what the passphrase-protected store costs. The same 10,000
 * annotations in two folders, one plain and one protected (AES-256-GCM under
 * the data key): the median time to durably save one new annotation in each
 * (target: encrypted ≤ plain + 0.3 ms), and the median cold load of each
 * (target: encrypted ≤ 1.3× plain), where the encrypted load is open + unlock
 * with the data key already unwrapped. The scrypt derivation that unwraps it
 * (once per unlock) is reported on its own, with the parameters tuned here.
 */
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { createKeys, unwrapWithPassphrase } from '../../../main/core/store/crypto/keyfile';
import { openStore, type OpenedStore } from '../../../main/core/store/store';
import type { StoreOp, StoredAnnotation } from '../../../main/core/store/store-schema';
import { encodeJournalLine, encodeSealedJournalLine } from '../../../main/core/store/journal-adapter';
import { StoreCipher } from '../../../main/core/store/crypto/store-cipher';
import { alternate, batched, batchedAsync, median, timeOnce } from '../harness/measure';
import type { CaseResult } from '../harness/results';
import { seededStore } from './seeded-store';

const PASSPHRASE = 'bench passphrase, long enough';
const SAVE_BUDGET_MS = 0.3;
const LOAD_RATIO = 1.3;

function freshAnnotation(template: StoredAnnotation, n: number): StoredAnnotation {
  const hex = n.toString(16).padStart(12, '0');
  const at = new Date(Date.UTC(2025, 8, 1) + n * 1000).toISOString();
  return { ...template, id: `00000000-0000-4000-8000-${hex}`, createdAt: at, updatedAt: at, note: `Encrypted bench note ${n}` };
}

export async function benchEncryption(annotations: StoredAnnotation[], runs: number): Promise<CaseResult[]> {
  const made = await createKeys(PASSPHRASE, { recovery: true });
  const plain = await seededStore(annotations);
  const sealed = await seededStore(annotations);
  await sealed.store.protect(made.keys, made.dataKey);
  await sealed.store.idle();
  const template = annotations[0]!;
  const cipher = new StoreCipher(made.keys, Buffer.from(made.dataKey));
  let serial = 1;
  const saveWith = (store: OpenedStore) => () =>
    batchedAsync(
      (): StoreOp => ({ op: 'putAnnotation', value: freshAnnotation(template, serial++) }),
      (op) => store.apply([op]),
    );
  try {
    const saves = await alternate({ plain: saveWith(plain.store), encrypted: saveWith(sealed.store) }, { runs, warmup: 1 });
    await plain.store.close();
    await sealed.store.close();
    let loaded = { plain: 0, encrypted: 0 };
    const loads = await alternate(
      {
        plain: async () => {
          const t0 = performance.now();
          const store = await openStore({ dataDir: plain.dir });
          const ms = performance.now() - t0;
          loaded = { ...loaded, plain: store.doc.annotations.length };
          await store.idle();
          await store.close();
          return ms;
        },
        encrypted: async () => {
          const t0 = performance.now();
          const store = await openStore({ dataDir: sealed.dir });
          await store.unlock(made.dataKey);
          const ms = performance.now() - t0;
          loaded = { ...loaded, encrypted: store.doc.annotations.length };
          await store.idle();
          await store.close();
          return ms;
        },
      },
      { runs, warmup: 1 },
    );
    // Both hold the seeded set plus the saves measured above (a different number in each).
    if (loaded.plain < annotations.length || loaded.encrypted < annotations.length) throw new Error(`B11 loaded ${loaded.plain} plain and ${loaded.encrypted} encrypted annotations.`);
    const derive = await alternate({ derive: () => timeOnce(() => unwrapWithPassphrase(made.keys, PASSPHRASE)) }, { runs: 3, warmup: 1 });
    const savePlain = median(saves.plain!);
    const saveEncrypted = median(saves.encrypted!);
    // Paired by round (the two ran back to back), so drift in the disk's fsync time cancels out.
    const overhead = median(saves.encrypted!.map((ms, i) => ms - saves.plain![i]!));
    const encode = await alternate(
      {
        plain: () => batched(() => encodeJournalLine([{ op: 'putAnnotation', value: freshAnnotation(template, serial++) }])),
        encrypted: () => batched(() => encodeSealedJournalLine([{ op: 'putAnnotation', value: freshAnnotation(template, serial++) }], cipher)),
      },
      { runs, warmup: 1 },
    );
    const loadPlain = median(loads.plain!);
    const loadEncrypted = median(loads.encrypted!);
    const ratio = loadEncrypted / loadPlain;
    const kdf = made.keys.kdf;
    const scheme = `scrypt N=2^${Math.log2(kdf.N)} r=${kdf.r} p=${kdf.p} (tuned here), AES-256-GCM`;
    return [
      {
        id: 'B11-save',
        case: `durably persist one new annotation with ${annotations.length.toLocaleString('en')} in the store: encrypted minus plain`,
        ours_ms: saveEncrypted,
        peer_ms: savePlain,
        ratio: overhead,
        ratio_of: 'encrypted − plain (ms)',
        target: `≤ +${SAVE_BUDGET_MS} ms (median)`,
        met: overhead <= SAVE_BUDGET_MS,
        runs,
        details: {
          peer: 'the same store, plain',
          batched: 'each sample is the mean of one save over a batch of ≥ 50 ms of saves; ratio: the median of the per-round differences',
          encryptOneEntryMs: median(encode.encrypted!) - median(encode.plain!),
          encryptOneEntry: 'the only extra work of a save: sealing its journal entry (encodeSealedJournalLine against encodeJournalLine), batched',
          scheme,
        },
      },
      {
        id: 'B11-load',
        case: `cold load of ${annotations.length.toLocaleString('en')} annotations: encrypted (open + unlock with the data key) against plain`,
        ours_ms: loadEncrypted,
        peer_ms: loadPlain,
        ratio,
        ratio_of: 'encrypted/plain',
        target: `≤ ${LOAD_RATIO}× the plain load, key derivation apart`,
        met: ratio <= LOAD_RATIO,
        runs,
        details: { keyDerivationMs: median(derive.derive!), keyDerivation: `${scheme}: once per unlock, before the load`, scheme },
      },
    ];
  } finally {
    await plain.store.close().catch(() => undefined);
    await sealed.store.close().catch(() => undefined);
    await rm(plain.dir, { recursive: true, force: true });
    await rm(sealed.dir, { recursive: true, force: true });
  }
}
