/**
 * Text that XML 1.0 (DOCX) and HTML cannot carry: C0 controls other than tab,
 * line feed and carriage return, U+FFFE/U+FFFF, and lone surrogates (UTF-8
 * cannot encode them). Each becomes U+FFFD, deterministically, as the
 * Markdown export does (markdown-escape.ts), so a hostile note can neither
 * break the file nor vanish without a trace.
 * (XML 1.0 §2.2 Char; HTML's parser reports these as errors.)
 */
// With the u flag a surrogate range matches only lone surrogates (a pair is one code point).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\ud800-\udfff]/gu;

/** `text` with what XML and HTML cannot hold replaced by U+FFFD; CRLF and CR become LF. */
export function safeText(text: string): string {
  return text.replace(/\r\n?/gu, '\n').replace(UNSAFE, '\uFFFD');
}

/** HTML-escaped safe text (for element content and quoted attribute values alike). */
export function escapeHtml(text: string): string {
  return safeText(text).replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
}
