/**
 * Tag editing rules for the card's tag input: the contract's limits (so the
 * message appears before a round trip), uniqueness and autocomplete suggestions.
 * Which spellings are one tag, and how a typed tag is cleaned, is the tag rule of
 * common/tag-identity.ts, the same as the service's.
 */
import { MAX_TAGS, Tag, type TagCount } from '../../preload/contract';
import { cleanTag, sameTag, tagKey } from '../../common/tag-identity';

/** Why a cleaned tag cannot be used, or null if it can: the contract's own message. */
export function tagProblem(tag: string): string | null {
  const checked = Tag.safeParse(tag);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'This tag cannot be used.');
}

export interface AddResult {
  tags: string[];
  added: string[];
  /** A sentence for the user when some input was not added; null when all was. */
  problem: string | null;
}

/**
 * Adds the comma-separated tags in `raw` to `existing`: each is cleaned,
 * spellings of a tag already there are skipped and invalid ones reported.
 */
export function addTags(existing: readonly string[], raw: string): AddResult {
  const tags = [...existing];
  const added: string[] = [];
  const problems: string[] = [];
  for (const part of raw.split(',')) {
    const tag = cleanTag(part);
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

/** `existing` without `tag` (any spelling of it). */
export function removeTag(existing: readonly string[], tag: string): string[] {
  return existing.filter((t) => !sameTag(t, tag));
}

/**
 * Autocomplete suggestions for a partly typed tag: known tags not already on
 * the annotation, those starting with the text first, then those containing it,
 * each group most used first.
 */
export function suggestTags(known: readonly TagCount[], typed: string, existing: readonly string[], limit = 8): string[] {
  const query = tagKey(typed);
  const candidates = known.filter((k) => !existing.some((t) => sameTag(t, k.tag)));
  const rank = (k: TagCount): number => {
    const key = tagKey(k.tag);
    if (query === '') return 0;
    if (key.startsWith(query)) return 0;
    if (key.includes(query)) return 1;
    return -1;
  };
  return candidates
    .map((k) => ({ k, r: rank(k) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || b.k.count - a.k.count || a.k.tag.localeCompare(b.k.tag))
    .slice(0, limit)
    .map((x) => x.k.tag);
}
