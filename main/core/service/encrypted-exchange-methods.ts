/**
 * Encrypted exchange files at the contract (issue 16), around the plain
 * exchange methods: `exportAnnotations({ passphrase })` seals the W3C file it
 * would have written (exchange/encrypted-exchange.ts), and `previewImport`
 * opens a sealed file before the usual parsing: PASSPHRASE_REQUIRED without a
 * passphrase, WRONG_PASSPHRASE with a wrong one. Nothing else changes: the
 * audience, the preview and the commit are the plain methods' own.
 */
import type { ExchangeMethods } from './exchange-service';
import { encryptedFileName, openExchange, sealExchange } from '../exchange/encrypted-exchange';
import { checkNewPassphrase } from '../store/crypto/passphrase-rules';

type Wrapped = Pick<ExchangeMethods, 'exportAnnotations' | 'previewImport'>;

/** The same methods, with exportAnnotations and previewImport able to seal and open. */
export function withEncryptedExchange<M extends Wrapped>(methods: M): M {
  return {
    ...methods,
    async exportAnnotations(input) {
      const { passphrase, ...plain } = input ?? {};
      // Refused before the file is rendered, so a short passphrase costs nothing.
      if (passphrase !== undefined) checkNewPassphrase(passphrase);
      const file = await methods.exportAnnotations(plain);
      if (passphrase === undefined) return file;
      return { filename: encryptedFileName(file.filename), content: await sealExchange(file.content, passphrase) };
    },
    async previewImport(input) {
      if (!('content' in input)) return methods.previewImport(input);
      const { passphrase, content } = input;
      return methods.previewImport({ content: await openExchange(content, passphrase) });
    },
  };
}
