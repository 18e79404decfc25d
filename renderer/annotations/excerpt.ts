/** Short forms of long user and report text for the panel's cards. */

/** Collapses white space and cuts at a word boundary near `max` characters, adding an ellipsis. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  // Never end on half a surrogate pair.
  const safe = /[\uD800-\uDBFF]$/u.test(base) ? base.slice(0, -1) : base;
  return `${safe.replace(/[\s.,;:]+$/u, '')}…`;
}
