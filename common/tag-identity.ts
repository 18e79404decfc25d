/**
 * Tag identity: when two spellings are the same tag. One rule for the service,
 * imports, the panel's filters and every export (issue 11):
 *
 * - the key is the tag in Unicode NFKC, trimmed, white-space runs collapsed,
 *   then lower-cased with `toLowerCase()` (locale-independent), so "TITP",
 *   "titp" and the full-width "ＴＩＴＰ" are one tag;
 * - what is shown keeps the first spelling used (only trimmed and with white
 *   space collapsed), so a user's capitals and scripts are never rewritten.
 *
 * NFKC folds compatibility forms (full-width Latin, ligatures, circled digits)
 * into their plain letters: https://unicode.org/reports/tr15/#Norm_Forms.
 */

/** The spelling a tag is stored and shown with: trimmed, white-space runs as one space. */
export function cleanTag(raw: string): string {
  return raw.trim().replace(/\s+/gu, ' ');
}

/** The key under which spellings count as one tag. */
export function tagKey(tag: string): string {
  return cleanTag(tag.normalize('NFKC')).toLowerCase();
}

/** Whether two spellings are the same tag. */
export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

/** Cleans each tag, drops empty ones and repeats; the first spelling of each tag wins. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cleanTag(raw);
    const key = tagKey(tag);
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * Whether `tag` falls under `filter`: the same tag or one of its sub-tags
 * (`legal` covers `legal` and `legal/visa`), by the key.
 */
export function tagCovers(filter: string, tag: string): boolean {
  const f = tagKey(filter);
  const t = tagKey(tag);
  return t === f || t.startsWith(`${f}/`);
}

/**
 * Every key a set of tags counts toward: each tag's own key and the key of each
 * parent before a "/" (`a/b/c` → a, a/b, a/b/c). `tagCovers(f, t)` holds exactly
 * when `tagKey(f)` is in `tagKeys([t])`, so counts and filters can look keys up.
 */
export function tagKeys(tags: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const tag of tags) {
    const key = tagKey(tag);
    keys.add(key);
    for (let i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) keys.add(key.slice(0, i));
  }
  return keys;
}
