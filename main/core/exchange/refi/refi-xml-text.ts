/**
 * Text as XML can carry it. XML 1.0 allows only the characters of its `Char`
 * production (https://www.w3.org/TR/xml/#charsets) and a parser turns every
 * CR LF or lone CR into LF (https://www.w3.org/TR/xml/#sec-line-ends). So a
 * definition or note is written with LF line ends and with U+FFFD in place of
 * a character XML cannot hold; what a reader gets back is then exactly what was
 * written. The report's own text never goes through XML: it travels as a file.
 */

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with LF line ends and only characters XML 1.0 allows. */
export function xmlSafeText(text: string): string {
  return text.replace(/\r\n?/gu, '\n').replace(NOT_XML_CHAR, '\uFFFD');
}

/** A value for an attribute: as above, and line breaks and tabs as spaces, which attribute normalisation would make of them anyway. */
export function xmlSafeAttribute(text: string): string {
  return xmlSafeText(text).replace(/[\n\t]/gu, ' ');
}
