/**
 * Tag editing rules shared by the card's tag input: normalisation, the same
 * limits the service enforces (so the message appears before a round trip),
 * case-insensitive uniqueness and autocomplete suggestions.
 */
import { MAX_TAG_LENGTH, MAX_TAGS, type TagCount } from '../../preload/contract';

/** Trims and collapses runs of white space to one space. */
export function normalizeTag(raw: string): string {
  return raw.trim().replace(/\s+/gu, ' ');
}

/** Why a normalised tag cannot be used, or null if it can. */
export function tagProblem(tag: string): string | null {
  if (tag.length === 0) return 'A tag cannot be empty.';
  if (tag.length > MAX_TAG_LENGTH) return `A tag can be at most ${MAX_TAG_LENGTH} characters.`;
  if (/[\p{Cc},]/u.test(tag)) return 'A tag cannot contain commas or control characters.';
  return null;
}

/** Case-insensitive tag equality. */
export function sameTag(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

export interface AddResult {
  tags: string[];
  added: string[];
  /** A sentence for the user when some input was not added; null when all was. */
  problem: string | null;
}

/**
 * Adds the comma-separated tags in `raw` to `existing`: each is normalised,
 * duplicates (ignoring case) are skipped and invalid ones reported.
 */
export function addTags(existing: readonly string[], raw: string): AddResult {
  const tags = [...existing];
  const added: string[] = [];
  const problems: string[] = [];
  for (const part of raw.split(',')) {
    const tag = normalizeTag(part);
    if (tag === '') continue;
    const problem = tagProblem(tag);
    if (problem) {
      problems.push(problem);
      continue;
    }
    if (tags.some((t) => sameTag(t, tag))) {
      problems.push(`This annotation already has the tag "${tag}".`);
      continue;
    }
    if (tags.length >= MAX_TAGS) {
      problems.push(`At most ${MAX_TAGS} tags per annotation.`);
      break;
    }
    tags.push(tag);
    added.push(tag);
  }
  return { tags, added, problem: problems[0] ?? null };
}

/** `existing` without `tag` (compared ignoring case). */
export function removeTag(existing: readonly string[], tag: string): string[] {
  return existing.filter((t) => !sameTag(t, tag));
}

/**
 * Autocomplete suggestions for a partly typed tag: known tags not already on
 * the annotation, those starting with the text first, then those containing it,
 * each group most used first.
 */
export function suggestTags(known: readonly TagCount[], typed: string, existing: readonly string[], limit = 8): string[] {
  const query = normalizeTag(typed).toLocaleLowerCase();
  const candidates = known.filter((k) => !existing.some((t) => sameTag(t, k.tag)));
  const rank = (k: TagCount): number => {
    const lower = k.tag.toLocaleLowerCase();
    if (query === '') return 0;
    if (lower.startsWith(query)) return 0;
    if (lower.includes(query)) return 1;
    return -1;
  };
  return candidates
    .map((k) => ({ k, r: rank(k) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || b.k.count - a.k.count || a.k.tag.localeCompare(b.k.tag))
    .slice(0, limit)
    .map((x) => x.k.tag);
}
