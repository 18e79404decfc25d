/**
 * The tests' oracle for Markdown escaping: what a reader should see once a
 * CommonMark renderer has read `escapeMarkdown(text)` (main/core/exchange/
 * markdown-escape.ts). It lives with the tests because only they ask it.
 */

const REPLACEMENT = '\uFFFD';

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
