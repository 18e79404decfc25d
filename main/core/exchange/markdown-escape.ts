/**
 * CommonMark-exact escaping that still reads as prose: any text (a quote from the
 * report, a note, a label) written so that every CommonMark renderer shows it
 * literally (no headings, lists, emphasis, links, entities or raw HTML can come
 * out of it), with a backslash only where a parser would otherwise read syntax.
 *
 * Rules (https://spec.commonmark.org/0.31.2/):
 * - a backslash (§2.4) goes before a character only where it would be syntax in
 *   its place: see markdown-syntax-rules.ts (block markers at a line start,
 *   emphasis, code spans, links, autolinks and raw HTML, references, a closing `#`
 *   run in a heading). `3.5 million yen (approximately $33,950)` stays as it is;
 * - spaces and Unicode space separators (NBSP, ideographic space…) at the start or
 *   end of a line, tabs, and the line and paragraph separators and BOM become
 *   numeric character references (§6.2), because paragraph parsing strips or
 *   interprets them (§4.8, JS `trim`); between words they stay as they are;
 * - a line break inside the text becomes a hard break (backslash + newline, §6.7);
 *   line breaks at the very start or end become `&#10;`, because a hard break cannot
 *   end a paragraph; CRLF and CR count as one line break;
 * - characters no renderer can be relied on to show are replaced, deterministically,
 *   with U+FFFD: NUL (§2.3 does the same), other control characters (markdown-it
 *   refuses their character references) and lone surrogates (UTF-8 cannot hold them).
 *
 * Text with none of the characters these rules look at (most quotes and notes) is
 * returned as it is after one native regular-expression test; other text takes one
 * pass over the string, copying safe runs with a single `slice`.
 */
import {
  blockMarkerAt,
  closingHashesAt,
  inlineRunAt,
  isBreak,
  isWhiteSpace,
  spacesStayLiteral,
} from './markdown-syntax-rules';

/** What to do with a code unit. */
const SAFE = 0;
const INLINE = 1;
const SPACE = 2;
const BREAK = 3;
const REFERENCE = 4;
const REPLACE = 5;
const SURROGATE = 6;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 32; c++) ASCII_CLASS[c] = REPLACE;
ASCII_CLASS[0x7f] = REPLACE;
ASCII_CLASS[0x09] = REFERENCE;
ASCII_CLASS[0x0a] = BREAK;
ASCII_CLASS[0x0d] = BREAK;
ASCII_CLASS[0x20] = SPACE;
for (const ch of '\\`*_~[<&') ASCII_CLASS[ch.charCodeAt(0)] = INLINE;

const REPLACEMENT = '\uFFFD';

/** Class of a code unit at or above 0x80. */
function wideClass(code: number): number {
  if (code <= 0x9f) return REPLACE; // C1 controls
  if (code >= 0xd800 && code <= 0xdfff) return SURROGATE;
  if (isWhiteSpace(code)) return SPACE;
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff) return REFERENCE;
  return SAFE;
}

export interface EscapeOptions {
  /** Written after every hard break, e.g. `> ` inside a block quote. */
  linePrefix?: string;
  /** For one-line contexts (headings, list items): every line break becomes `&#10;`. */
  singleLine?: boolean;
}

/**
 * Anything the rules look at: inline syntax characters, control characters and
 * line breaks, white space other than a plain space, surrogates, a character that
 * could open a block at the start, a space at either end, and a `#` at the end.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_PASS = /[\\`*_~[<&\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff]|^[ #>\-+=|:0-9]|[ #]$/;

/** The state of one escaping pass. */
interface Pass {
  readonly text: string;
  readonly prefix: string;
  readonly singleLine: boolean;
  /** Line breaks before `firstContent` or after `lastContent` cannot be hard breaks. */
  readonly firstContent: number;
  readonly lastContent: number;
  /** A heading's closing `#` run to escape (one-line text only), or -1. */
  readonly closingHashes: number;
  out: string;
  /** Where the text not yet copied to `out` begins. */
  copied: number;
  /** A character other than white space came earlier on this line. */
  inner: boolean;
  /** The block marker of the current line to escape, or -1. */
  marker: number;
}

/** Escapes `text` for use as inline content of a paragraph, heading, list item or block quote. */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  if (!NEEDS_PASS.test(text)) return text;
  const singleLine = options.singleLine ?? false;
  let firstContent = 0;
  while (firstContent < text.length && isBreak(text.charCodeAt(firstContent))) firstContent++;
  let lastContent = text.length - 1;
  while (lastContent >= firstContent && isBreak(text.charCodeAt(lastContent))) lastContent--;
  const pass: Pass = {
    text,
    prefix: options.linePrefix ?? '',
    singleLine,
    firstContent,
    lastContent,
    closingHashes: singleLine ? closingHashesAt(text) : -1,
    out: '',
    copied: 0,
    inner: false,
    marker: blockMarkerAt(text, firstContent),
  };
  let i = 0;
  while (i < text.length) i = step(pass, i);
  return pass.out + text.slice(pass.copied);
}

/** Handles the character at `i`; returns where the next one starts. */
function step(pass: Pass, i: number): number {
  const { text } = pass;
  const code = text.charCodeAt(i);
  if (i === pass.marker || i === pass.closingHashes) return backslashed(pass, i, i + 1);
  const kind = code < 0x80 ? ASCII_CLASS[code]! : wideClass(code);
  if (kind === SAFE) {
    pass.inner = true;
    return i + 1;
  }
  if (kind === INLINE) {
    const run = inlineRunAt(text, i, pass.inner);
    pass.inner = true;
    return run.escape ? backslashed(pass, i, run.end) : run.end;
  }
  if (kind === SPACE) return whiteSpace(pass, i);
  if (kind === BREAK) return lineBreak(pass, i);
  pass.inner = true;
  if (kind === REFERENCE) return replaced(pass, i, 1, `&#${code};`);
  if (kind === SURROGATE && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return i + 2;
  }
  return replaced(pass, i, 1, REPLACEMENT);
}

/** Copies the text up to `start`, then `[start, end)` with a backslash before each character. */
function backslashed(pass: Pass, start: number, end: number): number {
  pass.out += pass.text.slice(pass.copied, start);
  for (let k = start; k < end; k++) pass.out += `\\${pass.text[k]}`;
  pass.copied = end;
  pass.inner = true;
  return end;
}

/** Copies the text up to `i`, then `replacement` in place of `width` code units. */
function replaced(pass: Pass, i: number, width: number, replacement: string): number {
  pass.out += pass.text.slice(pass.copied, i) + replacement;
  pass.copied = i + width;
  return i + width;
}

/** A run of white space: literal between words, references at a line's start or end. */
function whiteSpace(pass: Pass, i: number): number {
  const { text } = pass;
  let end = i + 1;
  while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
  if (pass.inner && spacesStayLiteral(text, i)) return end;
  pass.out += text.slice(pass.copied, i);
  for (let k = i; k < end; k++) pass.out += `&#${text.charCodeAt(k)};`;
  pass.copied = end;
  return end;
}

/** A hard break that continues the block (with the line prefix), or `&#10;` where none can be. */
function lineBreak(pass: Pass, i: number): number {
  const { text } = pass;
  const width = text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  if (pass.singleLine || i < pass.firstContent || i > pass.lastContent) return replaced(pass, i, width, '&#10;');
  const next = replaced(pass, i, width, `\\\n${pass.prefix}`);
  pass.inner = false;
  pass.marker = blockMarkerAt(text, next);
  return next;
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
