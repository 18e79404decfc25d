import { beforeAll, describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../../../preload/rpc';
import { encryptedFileName, openExchange, sealExchange } from '../../../../main/core/exchange/encrypted-exchange';
import { sealWithPassphrase } from '../../../../main/core/store/crypto/container';

const PLAIN = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', note: 'Shelter in Osaka, call Ms. Tanaka' });
const PASSPHRASE = 'correct horse battery staple';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldmarkError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('encrypted exchange files (issue 16)', () => {
  // Each seal derives a key with tuned scrypt (about 0.5 s or more): two files serve every test.
  let sealed: string;
  let again: string;
  beforeAll(async () => {
    [sealed, again] = await Promise.all([sealExchange(PLAIN, PASSPHRASE), sealExchange(PLAIN, PASSPHRASE)]);
  }, 60_000);

  it('round-trips the text with the passphrase, and carries none of it in the clear', async () => {
    expect(sealed).not.toContain('Tanaka');
    expect(sealed).not.toContain('AnnotationCollection');
    expect(JSON.parse(sealed)).toMatchObject({ format: 'fieldmark-encrypted', name: 'fieldmark-exchange/w3c-annotations' });
    expect(await openExchange(sealed, PASSPHRASE)).toBe(PLAIN);
  });

  it('uses its own salt and nonce each time', async () => {
    const [a, b] = [JSON.parse(sealed), JSON.parse(again)];
    expect(a.keys.kdf.salt).not.toBe(b.keys.kdf.salt);
    expect(a.data).not.toBe(b.data);
    expect(a.keys.recovery).toBeUndefined();
  });

  it('asks for the passphrase (PASSPHRASE_REQUIRED), refuses a wrong one (WRONG_PASSPHRASE)', async () => {
    expect(await codeOf(openExchange(sealed, undefined))).toBe('PASSPHRASE_REQUIRED');
    expect(await codeOf(openExchange(sealed, 'incorrect horse battery'))).toBe('WRONG_PASSPHRASE');
  });

  it('refuses an altered file as damaged, never as a wrong passphrase', async () => {
    const file = JSON.parse(sealed);
    const bytes = Buffer.from(file.data, 'base64');
    bytes[bytes.length - 20]! ^= 0x01;
    file.data = bytes.toString('base64');
    expect(await codeOf(openExchange(JSON.stringify(file), PASSPHRASE))).toBe('INVALID_IMPORT');
  });

  it('refuses a container that holds something else (an encrypted backup goes to Restore)', async () => {
    const backup = await sealWithPassphrase('{"format":"fieldmark-backup"}', PASSPHRASE, 'backup');
    expect(await codeOf(openExchange(backup, PASSPHRASE))).toBe('INVALID_IMPORT');
  });

  it('passes a plain file through untouched', async () => {
    expect(await openExchange(PLAIN, undefined)).toBe(PLAIN);
  });

  it('refuses a passphrase shorter than 10 characters', async () => {
    expect(await codeOf(sealExchange(PLAIN, 'short'))).toBe('INVALID_INPUT');
  });

  it('names the file as encrypted JSON', () => {
    expect(encryptedFileName('fieldmark-annotations-2026-12-04.jsonld')).toBe('fieldmark-annotations-2026-12-04.encrypted.json');
  });
});
