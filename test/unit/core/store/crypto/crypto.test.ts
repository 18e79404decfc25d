import { describe, expect, it } from 'vitest';
import { isSealed, newDataKey, open, SealBroken, seal } from '../../../../../main/core/store/crypto/envelope';
import { deriveKey, deriveTuned, ScryptParams } from '../../../../../main/core/store/crypto/kdf';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from '../../../../../main/core/store/crypto/recovery-key';
import { createKeys, parseKeyfile, renderKeyfile, rewrapPassphrase, unwrapWithPassphrase, unwrapWithRecoveryKey } from '../../../../../main/core/store/crypto/keyfile';
import { checkNewPassphrase } from '../../../../../main/core/store/crypto/passphrase-rules';
import { openWithSecret, parseContainer, renderContainer, sealWithPassphrase } from '../../../../../main/core/store/crypto/container';

const PASS = 'correct horse battery';
// The scrypt tests derive at N=2^17 several times each: seconds apiece on a loaded machine.

describe('envelope (AES-256-GCM)', () => {
  const key = newDataKey();
  it('round-trips and uses a fresh nonce per unit', () => {
    const a = seal(key, Buffer.from('hello'), 'fieldmark.json');
    const b = seal(key, Buffer.from('hello'), 'fieldmark.json');
    expect(isSealed(a)).toBe(true);
    expect(a.subarray(4, 16).equals(b.subarray(4, 16))).toBe(false);
    expect(a.equals(b)).toBe(false);
    expect(open(key, a, 'fieldmark.json').toString()).toBe('hello');
  });
  it('fails on every flipped bit, another name (AAD) or another key', () => {
    const sealed = seal(key, Buffer.from('a note about a shelter'), 'fieldmark.json');
    for (let i = 0; i < sealed.length; i++) {
      const bad = Buffer.from(sealed);
      bad[i]! ^= 1 << i % 8;
      expect(() => open(key, bad, 'fieldmark.json')).toThrow(SealBroken);
    }
    expect(() => open(key, sealed, 'fieldmark.journal')).toThrow(SealBroken);
    expect(() => open(newDataKey(), sealed, 'fieldmark.json')).toThrow(SealBroken);
    expect(() => open(key, sealed.subarray(0, sealed.length - 1), 'fieldmark.json')).toThrow(SealBroken);
  });
  it('does not contain the plaintext', () => {
    const sealed = seal(key, Buffer.from('MARKER-XYZ '.repeat(20)), 'n');
    expect(sealed.includes(Buffer.from('MARKER-XYZ'))).toBe(false);
  });
});

describe('scrypt key derivation', { timeout: 180_000 }, () => {
  it('tunes N to at least 2^17 with r=8, p=1 and a 16-byte salt, and derives the same key again', async () => {
    const tuned = await deriveTuned(PASS, 1);
    expect(tuned.params).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(Buffer.from(tuned.params.salt, 'base64')).toHaveLength(16);
    expect((await deriveKey(PASS, tuned.params)).equals(tuned.key)).toBe(true);
    expect((await deriveKey(PASS + '!', tuned.params)).equals(tuned.key)).toBe(false);
  });
  it('refuses parameters below the floor', () => {
    expect(ScryptParams.safeParse({ name: 'scrypt', N: 2 ** 16, r: 8, p: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' }).success).toBe(false);
    expect(ScryptParams.safeParse({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' }).success).toBe(true);
  });
});

describe('recovery key', () => {
  it('is 52 Crockford characters in groups of 4 and reads back forgivingly', () => {
    const { bytes, text } = newRecoveryKey();
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)!.equals(bytes)).toBe(true);
    expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))!.equals(bytes)).toBe(true);
    const zeros = formatRecoveryKey(Buffer.alloc(32));
    expect(parseRecoveryKey(zeros.replace(/0/g, 'O'))!.equals(Buffer.alloc(32))).toBe(true);
  });
  it('refuses text that is not a key', () => {
    expect(parseRecoveryKey('correct horse battery staple')).toBeNull();
    expect(parseRecoveryKey('U'.repeat(52))).toBeNull();
    expect(parseRecoveryKey(formatRecoveryKey(Buffer.alloc(32)).slice(0, -1) + '1')).toBeNull();
  });
});

describe('keyfile', { timeout: 180_000 }, () => {
  it('wraps the data key under the passphrase and the recovery key, holding nothing else', async () => {
    const made = await createKeys(PASS, { recovery: true, targetMs: 1 });
    expect(Object.keys(made.keys).sort()).toEqual(['cipher', 'format', 'kdf', 'passphraseKey', 'recovery', 'version']);
    const text = renderKeyfile(made.keys);
    expect(parseKeyfile(text)).toEqual(made.keys);
    expect((await unwrapWithPassphrase(made.keys, PASS))!.equals(made.dataKey)).toBe(true);
    expect(await unwrapWithPassphrase(made.keys, 'wrong passphrase here')).toBeNull();
    expect(unwrapWithRecoveryKey(made.keys, made.recoveryKey!)!.equals(made.dataKey)).toBe(true);
    expect(unwrapWithRecoveryKey(made.keys, newRecoveryKey().text)).toBeNull();
    expect(text.includes(made.dataKey.toString('base64'))).toBe(false);
  });
  it('a new passphrase re-wraps the same data key with a fresh salt; the recovery key still works', async () => {
    const made = await createKeys(PASS, { recovery: true, targetMs: 1 });
    const next = await rewrapPassphrase(made.keys, made.dataKey, 'another long passphrase');
    expect(next.kdf.salt).not.toBe(made.keys.kdf.salt);
    expect(next.kdf.N).toBe(made.keys.kdf.N);
    expect(await unwrapWithPassphrase(next, PASS)).toBeNull();
    expect((await unwrapWithPassphrase(next, 'another long passphrase'))!.equals(made.dataKey)).toBe(true);
    expect(unwrapWithRecoveryKey(next, made.recoveryKey!)!.equals(made.dataKey)).toBe(true);
  });
  it('refuses damaged keyfiles', () => {
    expect(parseKeyfile('{')).toBeNull();
    expect(parseKeyfile('{"format":"fieldmark-keys"}')).toBeNull();
  });
});

describe('passphrase rules', () => {
  it('refuses fewer than 10 characters with a clear INVALID_INPUT', () => {
    expect(() => checkNewPassphrase('short')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/at least 10 characters/) }));
    expect(() => checkNewPassphrase('🙂🙂🙂🙂🙂🙂🙂🙂🙂')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => checkNewPassphrase('ten chars!')).not.toThrow();
  });
});

describe('container', { timeout: 180_000 }, () => {
  it('opens with the passphrase or recovery key of its day; typed errors otherwise', async () => {
    const made = await createKeys(PASS, { recovery: true, targetMs: 1 });
    const text = renderContainer(made.keys, made.dataKey, Buffer.from('{"secret":"MARKER"}'), 'fieldmark-backup');
    expect(text.includes('MARKER')).toBe(false);
    const container = parseContainer(text)!;
    expect((await openWithSecret(container, { passphrase: PASS }, 'This backup', 'fieldmark-backup')).toString()).toBe('{"secret":"MARKER"}');
    expect((await openWithSecret(container, { recoveryKey: made.recoveryKey! }, 'This backup')).toString()).toContain('MARKER');
    expect((await openWithSecret(container, { passphrase: made.recoveryKey! }, 'This backup')).toString()).toContain('MARKER');
    await expect(openWithSecret(container, {}, 'This backup')).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    await expect(openWithSecret(container, { passphrase: 'not the passphrase' }, 'This backup')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await expect(openWithSecret(container, { passphrase: PASS }, 'This backup', 'other')).rejects.toMatchObject({ code: 'INVALID_IMPORT' });
    const tampered = parseContainer(text)!;
    const data = Buffer.from(tampered.data, 'base64');
    data[30]! ^= 4;
    tampered.data = data.toString('base64');
    await expect(openWithSecret(tampered, { passphrase: PASS }, 'This backup')).rejects.toMatchObject({ code: 'INVALID_IMPORT' });
  });
  it('seals exchange text under its own passphrase and salt', async () => {
    const text = await sealWithPassphrase('MARKER text', PASS, 'fieldmark-exchange');
    const container = parseContainer(text)!;
    expect(container.keys.recovery).toBeUndefined();
    expect((await openWithSecret(container, { passphrase: PASS }, 'This file')).toString()).toBe('MARKER text');
  });
});
