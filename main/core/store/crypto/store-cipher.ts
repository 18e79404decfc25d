/**
 * What an unlocked encrypted store holds in memory: the data key and the keys
 * of the day (copied into every backup). `acceptPlain` is set only while a
 * conversion from or to plain files is being finished, when plain and
 * encrypted files legitimately sit side by side; otherwise a plain file in an
 * encrypted store is treated as damaged, never accepted.
 */
import { open, seal } from './envelope';
import type { Keyfile } from './keyfile';

export class StoreCipher {
  constructor(
    public keys: Keyfile,
    private readonly dataKey: Buffer,
    public acceptPlain = false,
  ) {}

  seal(plain: Uint8Array, name: string): Buffer {
    return seal(this.dataKey, plain, name);
  }

  /** Throws SealBroken when the unit does not authenticate. */
  open(sealed: Uint8Array, name: string): Buffer {
    return open(this.dataKey, sealed, name);
  }

  /** Whether `key` is this store's data key (constant-time enough: both are random, never secret-dependent branches beyond equality). */
  hasKey(key: Buffer): boolean {
    return key.equals(this.dataKey);
  }

  get key(): Buffer {
    return this.dataKey;
  }

  /** Drops the key from this object (the store forgets the cipher too; the buffer is zeroed so no copy lingers in it). */
  forget(): void {
    this.dataKey.fill(0);
  }
}
