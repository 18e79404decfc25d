/**
 * CommonMark-exact escaping: any text (a quote from the report, a note, a label)
 * written so that every CommonMark renderer shows it literally — no headings,
 * lists, emphasis, links, entities or raw HTML can come out of it.
 *
 * Rules (https://spec.commonmark.org/0.31.2/):
 * - every ASCII punctuation character is backslash-escaped (§2.4), which disarms
 *   every block and inline construct, `<` (raw HTML, autolinks) and `&` (entities);
 * - spaces at the start or end of a line, tabs, and Unicode white space other than
 *   the plain space (NBSP, ideographic space…) become numeric character references
 *   (§6.2), because paragraph parsing strips or interprets them (§4.8, JS `trim`);
 * - a line break inside the text becomes a hard break (backslash + newline, §6.7);
 *   line breaks at the very start or end become `&#10;`, because a hard break cannot
 *   end a paragraph; CRLF and CR count as one line break;
 * - characters no renderer can be relied on to show are replaced, deterministically,
 *   with U+FFFD: NUL (§2.3 does the same), other control characters (markdown-it
 *   refuses their character references) and lone surrogates (UTF-8 cannot hold them).
 *
 * Text that holds nothing but ordinary characters and ASCII punctuation (nearly
 * every quote and note) is escaped by one native regular-expression pass; other
 * text takes one pass over the string with a lookup table, copying safe runs with
 * a single `slice`. Either way escaping is linear and cheap for long exports.
 */

/** What to do with an ASCII code unit. */
const SAFE = 0;
const PUNCT = 1;
const SPACE = 2;
const BREAK = 3;
const REFERENCE = 4;
const REPLACE = 5;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 32; c++) ASCII_CLASS[c] = REPLACE;
ASCII_CLASS[0x7f] = REPLACE;
ASCII_CLASS[0x09] = REFERENCE;
ASCII_CLASS[0x0a] = BREAK;
ASCII_CLASS[0x0d] = BREAK;
ASCII_CLASS[0x20] = SPACE;
for (const ch of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') ASCII_CLASS[ch.charCodeAt(0)] = PUNCT;

const REPLACEMENT = '\uFFFD';

/** Class of a code unit at or above 0x80. */
function wideClass(code: number): number {
  if (code <= 0x9f) return REPLACE; // C1 controls
  if (code === 0xa0 || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f) return REFERENCE;
  if (code === 0x205f || code === 0x3000 || code === 0xfeff) return REFERENCE;
  if (code >= 0x2000 && code <= 0x200a) return REFERENCE;
  return SAFE;
}

export interface EscapeOptions {
  /** Written after every hard break, e.g. `> ` inside a block quote. */
  linePrefix?: string;
  /** For one-line contexts (headings, list items): every line break becomes `&#10;`. */
  singleLine?: boolean;
}

/** `\!`, `\"`, … precomputed, so escaping allocates no one-character strings. */
const ESCAPED: string[] = [];
for (let c = 0; c < 128; c++) ESCAPED[c] = ASCII_CLASS[c] === PUNCT ? `\\${String.fromCharCode(c)}` : '';
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/**
 * Anything besides ASCII punctuation that escaping must handle: control characters
 * and line breaks, white space that is not a plain space, surrogates, and a space
 * at either end (spaces at inner line ends only exist next to line breaks).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_FULL_PASS = /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff]|^ | $/;

/** Escapes `text` for use as inline content of a paragraph, heading or block quote. */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  // Most text needs only its punctuation escaped: one native pass does that.
  if (!NEEDS_FULL_PASS.test(text)) return text.replace(ASCII_PUNCTUATION, '\\$&');
  const prefix = options.linePrefix ?? '';
  const singleLine = options.singleLine ?? false;
  const length = text.length;
  // Line breaks before the first and after the last other character cannot be hard breaks.
  let firstContent = 0;
  while (firstContent < length && isBreak(text.charCodeAt(firstContent))) firstContent++;
  let lastContent = length - 1;
  while (lastContent >= firstContent && isBreak(text.charCodeAt(lastContent))) lastContent--;

  let out = '';
  let runStart = 0;
  let lineStart = true;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    let kind: number;
    if (code < 0x80) kind = ASCII_CLASS[code]!;
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        lineStart = false;
        continue;
      }
      kind = REPLACE;
    } else kind = wideClass(code);

    if (kind === SAFE) {
      i++;
      lineStart = false;
      continue;
    }
    if (kind === SPACE) {
      let end = i + 1;
      while (end < length && text.charCodeAt(end) === 0x20) end++;
      if (lineStart || end === length || isBreak(text.charCodeAt(end))) {
        out += text.slice(runStart, i) + '&#32;'.repeat(end - i);
        runStart = end;
      }
      i = end;
      lineStart = false;
      continue;
    }
    out += text.slice(runStart, i);
    if (kind === PUNCT) {
      out += ESCAPED[code];
      i++;
      lineStart = false;
    } else if (kind === REFERENCE) {
      out += `&#${code};`;
      i++;
      lineStart = false;
    } else if (kind === REPLACE) {
      out += REPLACEMENT;
      i++;
      lineStart = false;
    } else {
      const width = code === 0x0d && i + 1 < length && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      if (singleLine || i < firstContent || i > lastContent) out += '&#10;';
      else {
        out += '\\\n' + prefix;
        lineStart = true;
      }
      i += width;
    }
    runStart = i;
  }
  return out + text.slice(runStart);
}

function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/**
 * The text a CommonMark renderer recovers from `escapeMarkdown(text)`: the same
 * string with CRLF/CR as LF and the replaced characters as U+FFFD. Equal to `text`
 * for every string without control characters (other than tab and LF) or lone surrogates.
 */
export function markdownVisibleText(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | null = null;
    if (code === 0x0d) {
      replacement = '\n';
      if (text.charCodeAt(i + 1) === 0x0a) {
        out += text.slice(runStart, i) + replacement;
        i++;
        runStart = i + 1;
        continue;
      }
    } else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) {
      replacement = REPLACEMENT;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      replacement = REPLACEMENT;
    }
    if (replacement !== null) {
      out += text.slice(runStart, i) + replacement;
      runStart = i + 1;
    }
  }
  return out + text.slice(runStart);
}

/**
 * Writes `text` as a code span (shown literally and readably, e.g. `#tag/subtag`),
 * or escaped text where a code span could not hold it exactly (line breaks,
 * control characters, lone surrogates, or an empty string).
 */
export function markdownCode(text: string): string {
  const length = text.length;
  if (length === 0) return '';
  // One pass: refuse what a code span cannot hold, and note the backtick runs (§6.1).
  let runs: Set<number> | null = null;
  let run = 0;
  let onlySpaces = true;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return escapeMarkdown(text, { singleLine: true });
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return escapeMarkdown(text, { singleLine: true });
      i++;
    }
    if (code !== 0x20) onlySpaces = false;
    if (code === 0x60) run++;
    else if (run > 0) {
      (runs ??= new Set()).add(run);
      run = 0;
    }
  }
  if (run > 0) (runs ??= new Set()).add(run);
  let fence = 1;
  while (runs?.has(fence)) fence++;
  const marks = fence === 1 ? '`' : '`'.repeat(fence);
  // One space is stripped from each side when both sides have one, so pad exactly then.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  const pad = first === 0x60 || last === 0x60 || (!onlySpaces && first === 0x20 && last === 0x20);
  return pad ? `${marks} ${text} ${marks}` : `${marks}${text}${marks}`;
}
