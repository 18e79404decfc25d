/**
 * Telling an encrypted exchange file (issue 16) from a plain one before asking
 * the service, so the import asks for its passphrase first. The file says so
 * in its first bytes: `{"format":"fieldmark-encrypted"` (main/core/store/crypto/container.ts).
 */
const HEAD = '{"format":"fieldmark-encrypted"';

export function isEncryptedFile(content: string): boolean {
  return content.replace(/^\uFEFF/u, '').startsWith(HEAD);
}
