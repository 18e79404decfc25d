/**
 * What the tag editor suggests (issue 13): every codable code of the codebook
 * by its path, with its definition as a hint, and the tags in use until the
 * codebook has answered. A code used more often comes first, as tags do
 * (tags.ts ranks them); a grouping (non-codable) code is not offered, since the
 * service refuses to add it.
 */
import type { CodeView, TagCount } from '../../preload/contract';
import { tagKey } from '../../common/tag-identity';
import { suggestTags } from './tags';

export interface Suggestion {
  tag: string;
  /** The code's definition; empty when it has none. */
  description: string;
}

type Codeish = Pick<CodeView, 'path' | 'count' | 'description' | 'codable'>;

/** Suggestions for a partly typed tag, from `codes` when loaded and the tags in use otherwise. */
export function suggestCodes(known: readonly TagCount[], codes: readonly Codeish[] | null, typed: string, existing: readonly string[], limit = 8): Suggestion[] {
  if (codes === null) return suggestTags(known, typed, existing, limit).map((tag) => ({ tag, description: '' }));
  const descriptions = new Map<string, string>();
  const pool: TagCount[] = [];
  for (const code of codes) {
    if (!code.codable) continue;
    descriptions.set(tagKey(code.path), code.description);
    pool.push({ tag: code.path, count: code.count });
  }
  return suggestTags(pool, typed, existing, limit).map((tag) => ({ tag, description: descriptions.get(tagKey(tag)) ?? '' }));
}
