/**
 * Where a CommonMark parser would read a character of plain text as syntax, so that
 * markdown-escape.ts backslash-escapes only those characters and leaves the rest of
 * a quote as it reads (`3.5 million yen (approximately $33,950)` stays as is).
 *
 * Spec: https://spec.commonmark.org/0.31.2/ (section numbers below), plus the
 * GitHub Flavored Markdown additions that markdown-it's default preset and most
 * note apps enable: tables and strikethrough (https://github.github.com/gfm/).
 *
 * Every rule errs towards escaping where the neighbouring text is unknown: escaped
 * text is often followed or preceded by other text on the same line (a heading is
 * `citation · colour label`, a filter line joins values with `, ` and `; `), so the
 * start and end of the text count as "anything could be there".
 */

const SPACE = 0x20;
const UNDERSCORE = 0x5f;

/**
 * Line starts that open a block (only tried at the first non-space character of a
 * line; leading spaces are written as references, so indented code (§4.4) and
 * indented markers cannot occur):
 * - ATX heading, one to six `#` then a space, tab or line end (§4.2);
 * - block quote `>` (§5.1);
 * - bullet list item `-`, `+`, `*` then a space, tab or line end (§5.2);
 * - setext underline `===` / `---` (§4.3), thematic break `---`, `- - -` (§4.1);
 * - GFM table delimiter row such as `|---|:-:` or `:--` (GFM §4.10), which turns
 *   the line above into a table header.
 * `*`, `_`, `` ` ``, `~`, `<`, `[` at a line start are escaped by the inline rules
 * (thematic breaks `***` `___`, fences §4.5, HTML blocks §4.6, link reference
 * definitions §4.7 all begin with one of them).
 */
const BLOCK_MARKER = /#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|=+[ \t]*$|[-|:][|: \t]*(?:-[-|: \t]*)?$/my;
/** Ordered list item: up to nine digits, then `.` or `)`, then a space, tab or line end (§5.2). */
const ORDERED_MARKER = /([0-9]{1,9})[.)](?:[ \t]|$)/my;

/**
 * The index of the character to escape so that the line starting at `i` does not
 * open a block, or -1. `$` in the patterns also matches before a line break, which
 * only ever adds an escape in one-line text.
 */
export function blockMarkerAt(text: string, i: number): number {
  BLOCK_MARKER.lastIndex = i;
  if (BLOCK_MARKER.test(text)) return i;
  ORDERED_MARKER.lastIndex = i;
  const ordered = ORDERED_MARKER.exec(text);
  return ordered ? i + ordered[1]!.length : -1;
}

/**
 * In a heading, a closing run of `#` at the end (§4.2: preceded by a space, or the
 * whole content) is dropped; returns the index of the run's first `#` or -1.
 */
export function closingHashesAt(text: string): number {
  let start = text.length;
  while (start > 0 && text.charCodeAt(start - 1) === 0x23) start--;
  if (start === text.length) return -1;
  return start === 0 || isWhiteSpace(text.charCodeAt(start - 1)) ? start : -1;
}

/** Characters after `<` that can begin raw HTML (§6.6: a tag name, `/`, `!`, `?`) or an autolink (§6.5: a scheme or an email's local part). */
const OPENS_AFTER_LT = /[A-Za-z0-9!#$%&'*+\-./=?^_`{|}~]/y;

/** An entity or numeric character reference (§2.5), or the start of one that the text after ours could complete. */
const REFERENCE_AT =
  /&(?:#[xX][0-9a-fA-F]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{1,31};|#[xX]?[0-9a-fA-F]*$|[A-Za-z][A-Za-z0-9]*$|$)/y;

export interface InlineRun {
  /** End of the run of equal characters the decision covers. */
  end: number;
  escape: boolean;
}

/**
 * Whether the inline-syntax character at `i` (`\`, `` ` ``, `*`, `_`, `~`, `[`, `<`, `&`)
 * must be escaped. `inner` says a non-space character came earlier on this line,
 * so a space just before `i` is written as a literal space.
 */
export function inlineRunAt(text: string, i: number, inner: boolean): InlineRun {
  const code = text.charCodeAt(i);
  const next = i + 1;
  switch (code) {
    case 0x5c: // §2.4: a backslash escapes the ASCII punctuation or line break after it
      return { end: next, escape: !isLiteralAfterBackslash(text.charCodeAt(next)) };
    case 0x3c:
      OPENS_AFTER_LT.lastIndex = next;
      return { end: next, escape: next >= text.length || OPENS_AFTER_LT.test(text) };
    case 0x26:
      REFERENCE_AT.lastIndex = i;
      return { end: next, escape: REFERENCE_AT.test(text) };
    case 0x2a: // * emphasis (§6.2)
    case 0x5f: // _ emphasis (§6.2)
    case 0x7e: {
      // ~ GFM strikethrough (markdown-it: `~~`), flanking like `*`
      let end = next;
      while (text.charCodeAt(end) === code) end++;
      return { end, escape: !isInertDelimiterRun(text, i, end, inner) };
    }
    default:
      // ` opens a code span (§6.1) that a later backtick run, ours or not, could close;
      // [ opens every link, image and reference definition (§6.3, §6.4, §4.7), so an
      // escaped `[` also disarms `![` and any `]`.
      return { end: next, escape: true };
  }
}

/**
 * A delimiter run that can neither open nor close emphasis (§6.2): spaces on both
 * sides (neither left- nor right-flanking), or `_` inside a word of ASCII letters and
 * digits (both flanking, but `_` then needs punctuation beside it). The spaces must
 * reach the parser as spaces, so a leading or trailing space (written as `&#32;`) does not count.
 */
function isInertDelimiterRun(text: string, start: number, end: number, inner: boolean): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (text.charCodeAt(start) === UNDERSCORE && isAsciiAlphanumeric(before) && isAsciiAlphanumeric(after)) return true;
  return inner && before === SPACE && after === SPACE && spacesStayLiteral(text, end);
}

/** True when the white space run at `i` is followed by more text on its line, so it is written literally. */
export function spacesStayLiteral(text: string, i: number): boolean {
  let end = i;
  while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
  return end < text.length && !isBreak(text.charCodeAt(end));
}

function isLiteralAfterBackslash(code: number): boolean {
  // NaN (the end of the text) compares false: a neighbour could be punctuation.
  // Line and paragraph separators are written as references, which start with `&`.
  if (code === 0x2028 || code === 0x2029) return false;
  return isAsciiAlphanumeric(code) || (code >= 0xa1 && code < 0xd800 && !isWhiteSpace(code));
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The plain space and the Unicode space separators (Zs) that parsers trim at a line's ends. */
export function isWhiteSpace(code: number): boolean {
  return (
    code === SPACE ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

export function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}
